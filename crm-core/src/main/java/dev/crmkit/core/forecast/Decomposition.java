package dev.crmkit.core.forecast;

/**
 * Classical decomposition by moving averages, as R's {@code stats::decompose}: a centred moving average over one
 * cycle is the trend, the average deviation from it per period of the cycle (centred to sum to zero, or to average
 * one) is the seasonal figure. Both Holt-Winters and ETS take their starting seasons from it.
 */
final class Decomposition {
    final double[] trend;
    final double[] figure;

    private Decomposition(double[] trend, double[] figure) {
        this.trend = trend;
        this.figure = figure;
    }

    /** Decomposes {@code x} with a cycle of {@code period} (at least two cycles long). */
    static Decomposition of(double[] x, int period, boolean multiplicative) {
        int n = x.length;
        double[] weights = new double[period % 2 == 0 ? period + 1 : period];
        java.util.Arrays.fill(weights, 1.0 / period);
        if (period % 2 == 0) {
            weights[0] = 0.5 / period;
            weights[period] = 0.5 / period;
        }
        int half = weights.length / 2;
        double[] trend = new double[n];
        for (int i = 0; i < n; i++) {
            if (i < half || i + half >= n) {
                trend[i] = Double.NaN;
                continue;
            }
            double sum = 0;
            for (int j = 0; j < weights.length; j++) {
                sum += weights[j] * x[i + half - j];
            }
            trend[i] = sum;
        }
        double[] figure = new double[period];
        for (int p = 0; p < period; p++) {
            double sum = 0;
            int count = 0;
            for (int i = p; i < n; i += period) {
                if (!Double.isNaN(trend[i])) {
                    sum += multiplicative ? x[i] / trend[i] : x[i] - trend[i];
                    count++;
                }
            }
            figure[p] = sum / count;
        }
        double mean = 0;
        for (double f : figure) {
            mean += f / period;
        }
        for (int p = 0; p < period; p++) {
            figure[p] = multiplicative ? figure[p] / mean : figure[p] - mean;
        }
        return new Decomposition(trend, figure);
    }

    /** The seasonal figure of observation {@code i}. */
    double seasonal(int i) {
        return figure[i % figure.length];
    }

    /**
     * The least-squares line through {@code y} at abscissae 1, 2, ...: {intercept, slope}, as R's {@code lsfit} and
     * {@code lm} give it.
     */
    static double[] line(double[] y) {
        int n = y.length;
        double meanX = (n + 1) / 2.0;
        double meanY = 0;
        for (double v : y) {
            meanY += v / n;
        }
        double sxy = 0;
        double sxx = 0;
        for (int i = 0; i < n; i++) {
            double dx = i + 1 - meanX;
            sxy += dx * (y[i] - meanY);
            sxx += dx * dx;
        }
        double slope = sxx == 0 ? 0 : sxy / sxx;
        return new double[] {meanY - slope * meanX, slope};
    }
}
