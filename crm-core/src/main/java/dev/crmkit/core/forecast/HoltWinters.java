package dev.crmkit.core.forecast;

import dev.crmkit.model.ValidationException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The classical Holt-Winters method, as R's {@code stats::HoltWinters} computes it: level, trend and seasons updated
 * by exponential smoothing, started from a decomposition of the first two cycles, with the smoothing parameters
 * that minimize the sum of squared one-step errors (SSE) unless they are given.
 *
 * <p>Unlike {@link EtsModel} it is no statistical model: it has no likelihood, so no AICc, and it gives point
 * forecasts only. It is here because it is the method most people know, and as a second check of the recursions.
 */
public final class HoltWinters {
    /** Which components the method smooths. */
    public enum Variant {
        /** Level only: simple exponential smoothing, started at the first observation. */
        SIMPLE,
        /** Level and trend: Holt's linear method, started from the first two observations. */
        TREND,
        /** Level, trend and additive seasons. */
        ADDITIVE,
        /** Level, trend and multiplicative seasons (positive data only). */
        MULTIPLICATIVE
    }

    private static final double[][] STARTS = {{0.3, 0.1, 0.1}, {0.1, 0.01, 0.3}, {0.6, 0.05, 0.5}, {0.9, 0.3, 0.9}};

    private final TimeSeries series;
    private final Variant variant;
    private final double alpha;
    private final double beta;
    private final double gamma;
    private final Run run;

    private HoltWinters(TimeSeries series, Variant variant, double alpha, double beta, double gamma) {
        this.series = series;
        this.variant = variant;
        this.alpha = alpha;
        this.beta = beta;
        this.gamma = gamma;
        this.run = Run.of(series, variant, alpha, beta, gamma);
    }

    /**
     * Fits the method to the series with the parameters (each in [0, 1]) that give the smallest SSE.
     *
     * @throws ValidationException ({@code series}) when it is too short for the variant (two observations for
     *     {@link Variant#SIMPLE}, three for {@link Variant#TREND}, two cycles and one observation for the seasonal
     *     ones, which also need a seasonal period of at least 2) or not positive for {@link Variant#MULTIPLICATIVE}
     */
    public static HoltWinters fit(TimeSeries series, Variant variant) {
        check(series, variant);
        int dimensions = switch (variant) {
            case SIMPLE -> 1;
            case TREND -> 2;
            case ADDITIVE, MULTIPLICATIVE -> 3;
        };
        NelderMead optimizer = new NelderMead(1e-12, 4000, 8);
        NelderMead.Objective sse = u -> {
            double[] p = unitInterval(u, dimensions);
            return Run.of(series, variant, p[0], p[1], p[2]).sse;
        };
        NelderMead.Minimum best = null;
        for (double[] start : STARTS) {
            double[] u = new double[dimensions];
            for (int i = 0; i < dimensions; i++) {
                u[i] = Math.asin(Math.sqrt(start[i]));
            }
            NelderMead.Minimum found = optimizer.minimize(sse, u, 0.3);
            if (best == null || found.value() < best.value()) {
                best = found;
            }
        }
        double[] p = unitInterval(best.point(), dimensions);
        return new HoltWinters(series, variant, p[0], p[1], p[2]);
    }

    /**
     * The method with given parameters, as R's {@code HoltWinters(x, alpha, beta, gamma)}. A parameter the variant
     * lacks is ignored.
     *
     * @throws ValidationException ({@code alpha}) when not in (0, 1]; ({@code beta}, {@code gamma}) when not in
     *     [0, 1]; ({@code series}) as for {@link #fit}
     */
    public static HoltWinters withParameters(TimeSeries series, Variant variant, double alpha, double beta,
            double gamma) {
        check(series, variant);
        if (!(alpha > 0 && alpha <= 1)) {
            throw new ValidationException("alpha", "must be above 0 and at most 1");
        }
        if (!(beta >= 0 && beta <= 1)) {
            throw new ValidationException("beta", "must be from 0 to 1");
        }
        if (!(gamma >= 0 && gamma <= 1)) {
            throw new ValidationException("gamma", "must be from 0 to 1");
        }
        return new HoltWinters(series, variant, alpha, beta, gamma);
    }

    private static void check(TimeSeries series, Variant variant) {
        Objects.requireNonNull(variant, "variant");
        if (series == null) {
            throw new ValidationException("series", "is required");
        }
        int m = series.seasonalPeriod();
        boolean seasonal = variant == Variant.ADDITIVE || variant == Variant.MULTIPLICATIVE;
        if (seasonal && m < 2) {
            throw new ValidationException("series", "has no seasons for a seasonal Holt-Winters");
        }
        int needed = switch (variant) {
            case SIMPLE -> 2;
            case TREND -> 3;
            case ADDITIVE, MULTIPLICATIVE -> 2 * m + 1;
        };
        if (series.size() < needed) {
            throw new ValidationException("series", "needs at least " + needed + " observations for this variant");
        }
        if (variant == Variant.MULTIPLICATIVE && !series.positive()) {
            throw new ValidationException("series", "must be positive for multiplicative seasons");
        }
    }

    private static double[] unitInterval(double[] u, int dimensions) {
        double[] p = new double[3];
        for (int i = 0; i < dimensions; i++) {
            double s = Math.sin(u[i]);
            p[i] = s * s;
        }
        return p;
    }

    /** The variant. */
    public Variant variant() {
        return variant;
    }

    /** The level's smoothing parameter. */
    public double alpha() {
        return alpha;
    }

    /** The trend's smoothing parameter (0 without a trend). */
    public double beta() {
        return variant == Variant.SIMPLE ? 0 : beta;
    }

    /** The seasons' smoothing parameter (0 without seasons). */
    public double gamma() {
        return run.seasonal ? gamma : 0;
    }

    /** The sum of squared one-step errors over the fitted observations. */
    public double sse() {
        return run.sse;
    }

    /** The level after the last observation (R's coefficient {@code a}). */
    public double level() {
        return run.level;
    }

    /** The trend after the last observation (R's {@code b}; 0 without a trend). */
    public double trend() {
        return run.trend;
    }

    /** The seasons for the next cycle, starting one step after the last observation (R's {@code s1, s2, ...}). */
    public List<Double> seasons() {
        return run.seasons;
    }

    /** The index of the first observation with a one-step forecast: the ones before it started the method. */
    public int firstFitted() {
        return run.start;
    }

    /** The one-step forecasts of the observations from {@link #firstFitted()} on. */
    public List<Double> fitted() {
        return run.fitted;
    }

    /**
     * The point forecasts of the next {@code h} values.
     *
     * @throws ValidationException ({@code h}) when below 1
     */
    public List<Double> forecast(int h) {
        if (h < 1) {
            throw new ValidationException("h", "must be at least 1");
        }
        List<Double> forecast = new ArrayList<>(h);
        for (int step = 1; step <= h; step++) {
            double value = run.level + step * run.trend;
            if (run.seasonal) {
                double season = run.seasons.get((step - 1) % run.seasons.size());
                value = variant == Variant.MULTIPLICATIVE ? value * season : value + season;
            }
            forecast.add(value);
        }
        return List.copyOf(forecast);
    }

    /** The filter run over the series: the C loop of R's HoltWinters. */
    private static final class Run {
        final boolean seasonal;
        final int start;
        final double sse;
        final double level;
        final double trend;
        final List<Double> seasons;
        final List<Double> fitted;

        private Run(boolean seasonal, int start, double sse, double level, double trend, List<Double> seasons,
                List<Double> fitted) {
            this.seasonal = seasonal;
            this.start = start;
            this.sse = sse;
            this.level = level;
            this.trend = trend;
            this.seasons = seasons;
            this.fitted = fitted;
        }

        static Run of(TimeSeries series, Variant variant, double alpha, double beta, double gamma) {
            double[] x = series.array();
            int m = series.seasonalPeriod();
            boolean seasonal = variant == Variant.ADDITIVE || variant == Variant.MULTIPLICATIVE;
            boolean multiplicative = variant == Variant.MULTIPLICATIVE;
            boolean trended = variant != Variant.SIMPLE;
            int start;
            double level;
            double trend = 0;
            double[] season = new double[0];
            if (!seasonal) {
                start = trended ? 2 : 1;
                level = trended ? x[1] : x[0];
                trend = trended ? x[1] - x[0] : 0;
            } else {
                start = m;
                double[] window = java.util.Arrays.copyOf(x, 2 * m);
                Decomposition decomposition = Decomposition.of(window, m, multiplicative);
                double[] line = Decomposition.line(java.util.Arrays.stream(decomposition.trend)
                        .filter(v -> !Double.isNaN(v)).toArray());
                level = line[0];
                trend = line[1];
                season = decomposition.figure.clone();
            }
            double[] seasons = new double[x.length - start + m];
            System.arraycopy(season, 0, seasons, 0, season.length);
            double sse = 0;
            List<Double> fitted = new ArrayList<>(x.length - start);
            for (int i = start; i < x.length; i++) {
                int k = i - start + 1;
                double oldLevel = level;
                double forecast = level + trend;
                double s = seasonal ? seasons[k - 1] : multiplicative ? 1 : 0;
                forecast = multiplicative ? forecast * s : forecast + s;
                fitted.add(forecast);
                double error = x[i] - forecast;
                sse += error * error;
                double deseasonalized = multiplicative ? x[i] / s : x[i] - s;
                level = alpha * deseasonalized + (1 - alpha) * (oldLevel + trend);
                if (trended) {
                    trend = beta * (level - oldLevel) + (1 - beta) * trend;
                }
                if (seasonal) {
                    double observed = multiplicative ? x[i] / level : x[i] - level;
                    seasons[k + m - 1] = gamma * observed + (1 - gamma) * s;
                }
            }
            List<Double> last = new ArrayList<>(m);
            for (int j = 0; seasonal && j < m; j++) {
                last.add(seasons[x.length - start + j]);
            }
            return new Run(seasonal, start, sse, level, trend, List.copyOf(last), List.copyOf(fitted));
        }
    }
}
