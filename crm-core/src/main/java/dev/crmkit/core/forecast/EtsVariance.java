package dev.crmkit.core.forecast;

import static dev.crmkit.core.forecast.Matrices.combine;
import static dev.crmkit.core.forecast.Matrices.kronecker;
import static dev.crmkit.core.forecast.Matrices.multiply;
import static dev.crmkit.core.forecast.Matrices.sandwich;
import static dev.crmkit.core.forecast.Matrices.transpose;


/**
 * The forecast mean and variance {@code h} steps ahead, in closed form, for the three classes of Hyndman et al.
 * (2008), chapter 6, as R's {@code forecast.ets} computes them: class 1 (all additive, linear), class 2
 * (multiplicative errors on an additive model) and class 3 (multiplicative errors and seasons, no or additive
 * trend). Every form {@link EtsForm} allows belongs to one of them.
 */
final class EtsVariance {
    /** Means and variances, one per step. */
    record Moments(double[] mean, double[] variance) {
    }

    private EtsVariance() {
    }

    static Moments of(EtsForm form, int m, SmoothingParameters p, double[] state, double sigma2, int h) {
        if (form.season() == EtsForm.SeasonType.MULTIPLICATIVE) {
            return multiplicativeSeasons(form, m, p, state, sigma2, h);
        }
        Linear linear = linear(form, m, p, state, sigma2, h);
        if (form.error() == EtsForm.ErrorType.ADDITIVE) {
            return new Moments(linear.mean, linear.variance);
        }
        double[] theta = new double[h];
        double[] variance = new double[h];
        for (int j = 0; j < h; j++) {
            theta[j] = linear.mean[j] * linear.mean[j];
            for (int k = 0; k < j; k++) {
                theta[j] += sigma2 * linear.c[k] * linear.c[k] * theta[j - 1 - k];
            }
            variance[j] = (1 + sigma2) * theta[j] - linear.mean[j] * linear.mean[j];
        }
        return new Moments(linear.mean, variance);
    }

    private record Linear(double[] mean, double[] variance, double[] c) {
    }

    /**
     * Class 1: {@code mu_j = H F^(j-1) x}, {@code c_j = H F^(j-1) G}, {@code var_j = sigma2 (1 + sum c_i^2, i < j)}.
     * The seasonal smoothing acts on {@code s1}, the season the update writes. (R's {@code class1} puts it on the
     * third state, which is {@code s1} only with a trend; without one it moves the seasonal bump of the variance.)
     */
    private static Linear linear(EtsForm form, int m, SmoothingParameters p, double[] state, double sigma2, int h) {
        int size = state.length;
        boolean seasonal = form.seasonal();
        double phi = form.damped() ? p.phi() : 1;
        double[][] hRow = new double[1][size];
        double[][] f = new double[size][size];
        double[][] g = new double[size][1];
        hRow[0][0] = 1;
        f[0][0] = 1;
        g[0][0] = p.alpha();
        if (form.trended()) {
            hRow[0][1] = phi;
            f[0][1] = phi;
            f[1][1] = phi;
            g[1][0] = p.beta();
        }
        if (seasonal) {
            int first = size - m;
            hRow[0][size - 1] = 1;
            f[first][size - 1] = 1;
            for (int j = 1; j < m; j++) {
                f[first + j][first + j - 1] = 1;
            }
            g[first][0] = p.gamma();
        }
        double[][] x = new double[size][1];
        for (int i = 0; i < size; i++) {
            x[i][0] = state[i];
        }
        double[] mean = new double[h];
        double[] c = new double[h];
        double[] variance = new double[h];
        double[][] hf = hRow;
        double sumOfSquares = 0;
        for (int j = 0; j < h; j++) {
            mean[j] = multiply(hf, x)[0][0];
            variance[j] = sigma2 * (1 + sumOfSquares);
            c[j] = multiply(hf, g)[0][0];
            sumOfSquares += c[j] * c[j];
            hf = multiply(hf, f);
        }
        return new Linear(mean, variance, c);
    }

    /** Class 3, by the recursions of the mean and variance of the state's level-season products. */
    private static Moments multiplicativeSeasons(EtsForm form, int m, SmoothingParameters p, double[] state,
            double sigma2, int h) {
        int d = form.trended() ? 2 : 1;
        double[][] h1 = new double[1][d];
        java.util.Arrays.fill(h1[0], 1);
        double[][] h2 = new double[1][m];
        h2[0][m - 1] = 1;
        double[][] f1;
        double[][] g1;
        if (form.trended()) {
            f1 = new double[][] {{1, 1}, {0, form.damped() ? p.phi() : 1}};
            g1 = new double[][] {{p.alpha(), p.alpha()}, {p.beta(), p.beta()}};
        } else {
            f1 = new double[][] {{1}};
            g1 = new double[][] {{p.alpha()}};
        }
        double[][] f2 = new double[m][m];
        f2[0][m - 1] = 1;
        for (int j = 1; j < m; j++) {
            f2[j][j - 1] = 1;
        }
        double[][] g2 = new double[m][m];
        g2[0][m - 1] = p.gamma();
        double[][] mh = new double[d][m];
        for (int i = 0; i < d; i++) {
            for (int j = 0; j < m; j++) {
                mh[i][j] = state[i] * state[d + j];
            }
        }
        int size = d * m;
        double[][] vh = new double[size][size];
        double[][] h21 = kronecker(h2, h1);
        double[][] f21 = kronecker(f2, f1);
        double[][] g21 = kronecker(g2, g1);
        double[][] k = combine(1, kronecker(g2, f1), 1, kronecker(f2, g1));
        double[][] f21t = transpose(f21);
        double[][] g21t = transpose(g21);
        double[] mean = new double[h];
        double[] variance = new double[h];
        for (int i = 0; i < h; i++) {
            mean[i] = multiply(multiply(h1, mh), transpose(h2))[0][0];
            variance[i] = (1 + sigma2) * sandwich(h21, vh)[0][0] + sigma2 * mean[i] * mean[i];
            double[][] v = Matrices.vec(mh);
            double[][] vv = multiply(v, transpose(v));
            double[][] inner = combine(1, multiply(multiply(f21, vh), g21t), 1, multiply(multiply(g21, vh), f21t));
            inner = combine(1, inner, 1, sandwich(k, combine(1, vh, 1, vv)));
            inner = combine(1, inner, sigma2, sandwich(g21, combine(3, vh, 2, vv)));
            vh = combine(1, sandwich(f21, vh), sigma2, inner);
            mh = combine(1, multiply(multiply(f1, mh), transpose(f2)), sigma2,
                    multiply(multiply(g1, mh), transpose(g2)));
        }
        return new Moments(mean, variance);
    }
}
