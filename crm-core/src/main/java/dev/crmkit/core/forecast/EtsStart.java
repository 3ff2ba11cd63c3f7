package dev.crmkit.core.forecast;

import java.util.Arrays;

/**
 * Where the fitting of an exponential smoothing model starts, as R's {@code ets} starts it: the initial states from
 * a classical decomposition and a line through the first (seasonally adjusted) observations ({@code initstate}),
 * the smoothing parameters from fixed fractions of their ranges ({@code initparam}).
 */
final class EtsStart {
    static final double LOWER = 1e-4;
    static final double UPPER = 0.9999;
    static final double PHI_LOWER = 0.8;
    static final double PHI_UPPER = 0.98;

    private EtsStart() {
    }

    /** The initial states without the last season, which the others determine: {@code [l, b?, s1, ..., s(m-1)]}. */
    static double[] states(double[] y, EtsForm form, int m) {
        int n = y.length;
        double[] adjusted = y.clone();
        double[] seasons = new double[0];
        if (form.seasonal()) {
            boolean multiplicative = form.season() == EtsForm.SeasonType.MULTIPLICATIVE;
            Decomposition decomposition = Decomposition.of(y, m, multiplicative);
            seasons = new double[m - 1];
            for (int j = 0; j < m - 1; j++) {
                seasons[j] = decomposition.figure[m - 1 - j];
            }
            if (multiplicative) {
                double sum = 0;
                for (int j = 0; j < seasons.length; j++) {
                    seasons[j] = Math.max(seasons[j], 0.01);
                    sum += seasons[j];
                }
                if (sum > m) {
                    double divisor = sum + 0.01 * seasons.length;
                    for (int j = 0; j < seasons.length; j++) {
                        seasons[j] /= divisor;
                    }
                }
            }
            for (int i = 0; i < n; i++) {
                adjusted[i] = multiplicative ? y[i] / Math.max(decomposition.seasonal(i), 0.01)
                        : y[i] - decomposition.seasonal(i);
            }
        }
        int span = Math.min(Math.max(10, 2 * (form.seasonal() ? m : 1)), n);
        double[] first = Arrays.copyOf(adjusted, span);
        double[] start = new double[(form.trended() ? 2 : 1) + seasons.length];
        if (form.trended()) {
            double[] line = Decomposition.line(first);
            double level = line[0];
            double trend = line[1];
            if (Math.abs(level + trend) < 1e-8) {
                level *= 1 + 1e-3;
                trend *= 1 - 1e-3;
            }
            start[0] = level;
            start[1] = trend;
        } else {
            start[0] = Arrays.stream(first).average().orElseThrow();
        }
        System.arraycopy(seasons, 0, start, start.length - seasons.length, seasons.length);
        return start;
    }

    /** The smoothing parameters R's optimizer starts from. */
    static SmoothingParameters parameters(EtsForm form, int m) {
        int cycle = form.seasonal() ? m : 1;
        double alpha = LOWER + 0.2 * (UPPER - LOWER) / cycle;
        double beta = form.trended() ? LOWER + 0.1 * (Math.min(UPPER, alpha) - LOWER) : 0;
        double gamma = form.seasonal() ? LOWER + 0.05 * (Math.min(UPPER, 1 - alpha) - LOWER) : 0;
        double phi = form.damped() ? PHI_LOWER + 0.99 * (PHI_UPPER - PHI_LOWER) : 1;
        return new SmoothingParameters(alpha, beta, gamma, phi);
    }

    /** All initial states: the free ones and the last season, which makes the seasons sum to 0 (or to m). */
    static double[] complete(double[] free, EtsForm form, int m) {
        if (!form.seasonal()) {
            return free.clone();
        }
        double[] all = Arrays.copyOf(free, free.length + 1);
        double sum = 0;
        for (int j = form.trended() ? 2 : 1; j < free.length; j++) {
            sum += free[j];
        }
        all[free.length] = (form.season() == EtsForm.SeasonType.MULTIPLICATIVE ? m : 0) - sum;
        return all;
    }
}
