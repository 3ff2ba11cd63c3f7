package dev.crmkit.core.forecast;

import java.util.ArrayList;
import java.util.List;

/**
 * Maximum-likelihood fitting of one exponential smoothing form: the smoothing parameters and the initial states
 * that minimize {@link EtsRecursion.Pass#criterion()}, within R's bounds ({@code alpha} in [1e-4, 0.9999],
 * {@code beta} up to {@code alpha}, {@code gamma} up to {@code 1 - alpha}, {@code phi} in [0.8, 0.98]) and, for
 * seasonal forms, among admissible parameters.
 *
 * <p>The bounds hold by transformation: the optimizer moves freely and a logistic map takes each coordinate into
 * its range. The states move in units of the series' spread, so one simplex step means the same for every series.
 * It starts where R starts and from a few other points (see {@code starts}), and keeps the best end.
 */
final class EtsFitter {
    /** The fitted parameters and free initial states with their criterion. */
    record Fit(SmoothingParameters parameters, double[] freeStates, double criterion) {
    }

    private static final double EDGE = 1e-7;

    private final double[] y;
    private final EtsForm form;
    private final int m;
    private final double[] startStates;
    private final double[] scales;
    private final int parameterCount;

    EtsFitter(double[] y, EtsForm form, int m) {
        this.y = y;
        this.form = form;
        this.m = m;
        this.startStates = EtsStart.states(y, form, m);
        this.parameterCount = 1 + (form.trended() ? 1 : 0) + (form.seasonal() ? 1 : 0) + (form.damped() ? 1 : 0);
        double spread = spread(y);
        this.scales = new double[startStates.length];
        for (int i = 0; i < scales.length; i++) {
            boolean trendState = form.trended() && i == 1;
            boolean factor = form.season() == EtsForm.SeasonType.MULTIPLICATIVE && i >= (form.trended() ? 2 : 1);
            scales[i] = factor ? 0.05 : trendState ? 0.02 * spread : 0.2 * spread;
        }
    }

    Fit fit() {
        int dimensions = parameterCount + startStates.length;
        NelderMead screening = new NelderMead(1e-8, 60 * (dimensions + 1), 0);
        NelderMead.Minimum best = null;
        for (SmoothingParameters start : starts()) {
            NelderMead.Minimum found = screening.minimize(this::criterion, encode(start), 0.5);
            if (best == null || found.value() < best.value()) {
                best = found;
            }
        }
        NelderMead polishing = new NelderMead(1e-10, 200 * (dimensions + 1), 12);
        NelderMead.Minimum found = polishing.minimize(this::criterion, best.point(), 0.5);
        return new Fit(parameters(found.point()), states(found.point()), found.value());
    }

    /**
     * Where the search starts: R's starting point, and points towards the corners where optima of smoothing models
     * often lie (a level that follows every observation, a trend as lively as the level, seasons that take most of
     * the change), each searched briefly before the best is searched to the end.
     */
    private List<SmoothingParameters> starts() {
        double[][] fractions = {{0.5, 0.1, 0.2, 0.5}, {0.98, 0.95, 0.5, 0.1}, {0.05, 0.5, 0.95, 0.8},
            {0.3, 0.02, 0.02, 0.99}};
        List<SmoothingParameters> starts = new ArrayList<>();
        starts.add(EtsStart.parameters(form, m));
        for (double[] f : fractions) {
            double alpha = f[0];
            double beta = form.trended() ? EtsStart.LOWER + f[1] * (alpha - EtsStart.LOWER) : 0;
            double gamma = form.seasonal() ? EtsStart.LOWER + f[2] * (1 - alpha - EtsStart.LOWER) : 0;
            double phi = form.damped() ? EtsStart.PHI_LOWER + f[3] * (EtsStart.PHI_UPPER - EtsStart.PHI_LOWER) : 1;
            starts.add(new SmoothingParameters(alpha, beta, gamma, phi));
        }
        return starts;
    }

    private double criterion(double[] point) {
        SmoothingParameters p = parameters(point);
        if (form.seasonal() && !Admissibility.seasonal(p.alpha(), p.beta(), p.gamma(), p.phi(), m)) {
            return Double.POSITIVE_INFINITY;
        }
        return EtsRecursion.run(y, form, m, p, EtsStart.complete(states(point), form, m)).criterion();
    }

    private SmoothingParameters parameters(double[] point) {
        int i = 0;
        double alpha = between(EtsStart.LOWER, EtsStart.UPPER, point[i++]);
        double beta = form.trended() ? between(EtsStart.LOWER, alpha, point[i++]) : 0;
        double gamma = form.seasonal() ? between(EtsStart.LOWER, Math.min(EtsStart.UPPER, 1 - alpha), point[i++]) : 0;
        double phi = form.damped() ? between(EtsStart.PHI_LOWER, EtsStart.PHI_UPPER, point[i]) : 1;
        return new SmoothingParameters(alpha, beta, gamma, phi);
    }

    private double[] states(double[] point) {
        double[] states = new double[startStates.length];
        for (int i = 0; i < states.length; i++) {
            states[i] = startStates[i] + scales[i] * point[parameterCount + i];
        }
        return states;
    }

    private double[] encode(SmoothingParameters p) {
        double[] point = new double[parameterCount + startStates.length];
        int i = 0;
        point[i++] = logit(EtsStart.LOWER, EtsStart.UPPER, p.alpha());
        if (form.trended()) {
            point[i++] = logit(EtsStart.LOWER, p.alpha(), p.beta());
        }
        if (form.seasonal()) {
            point[i++] = logit(EtsStart.LOWER, Math.min(EtsStart.UPPER, 1 - p.alpha()), p.gamma());
        }
        if (form.damped()) {
            point[i] = logit(EtsStart.PHI_LOWER, EtsStart.PHI_UPPER, p.phi());
        }
        return point;
    }

    private static double between(double low, double high, double u) {
        return low + (high - low) / (1 + Math.exp(-u));
    }

    private static double logit(double low, double high, double value) {
        double fraction = Math.min(Math.max((value - low) / (high - low), EDGE), 1 - EDGE);
        return Math.log(fraction / (1 - fraction));
    }

    private static double spread(double[] y) {
        double mean = 0;
        for (double v : y) {
            mean += v / y.length;
        }
        double squares = 0;
        for (double v : y) {
            squares += (v - mean) * (v - mean);
        }
        double sd = Math.sqrt(squares / Math.max(1, y.length - 1));
        return sd > 0 ? sd : Math.max(Math.abs(mean), 1) * 1e-3;
    }
}
