package dev.crmkit.core.forecast;

/**
 * Whether smoothing parameters give a forecastable model: the conditions of R's {@code forecast:::admissible}, whose
 * last one asks that every root of the model's characteristic polynomial lie in the unit circle. Instead of finding
 * the roots, the Schur-Cohn test decides it from the coefficients.
 */
final class Admissibility {
    private static final double ROOT_TOLERANCE = 1e-10;

    private Admissibility() {
    }

    /** Whether the parameters of a seasonal model with cycle {@code m} are admissible. */
    static boolean seasonal(double alpha, double beta, double gamma, double phi, int m) {
        if (gamma < Math.max(1 - 1 / phi - alpha, 0) || gamma > 1 + 1 / phi - alpha) {
            return false;
        }
        if (alpha < 1 - 1 / phi - gamma * (1 - m + phi + phi * m) / (2 * phi * m)) {
            return false;
        }
        if (beta < -(1 - phi) * (gamma / m + alpha)) {
            return false;
        }
        double[] coefficients = new double[m + 2];
        coefficients[0] = phi * (1 - alpha - gamma);
        coefficients[1] = alpha + beta - alpha * phi + gamma - 1;
        for (int k = 2; k < m; k++) {
            coefficients[k] = alpha + beta - alpha * phi;
        }
        coefficients[m] = alpha + beta - phi;
        coefficients[m + 1] = 1;
        return rootsWithin(coefficients, 1 + ROOT_TOLERANCE);
    }

    /**
     * Whether every root of {@code sum c[k] z^k} has modulus below {@code radius}: the roots of {@code p(radius z)}
     * lie inside the unit circle, which the Schur-Cohn reduction checks one degree at a time: with
     * {@code |c0| < |cn|}, {@code cn p(z) - c0 p*(z)} (p* the reversed polynomial) has a root at zero and as many
     * roots inside the circle as {@code p} (Rouché), so dividing by {@code z} leaves one degree less to check.
     */
    static boolean rootsWithin(double[] coefficients, double radius) {
        double[] p = new double[coefficients.length];
        double scale = 1;
        for (int k = 0; k < p.length; k++) {
            p[k] = coefficients[k] * scale;
            scale *= radius;
        }
        int degree = p.length - 1;
        while (degree > 0) {
            double lead = p[degree];
            double constant = p[0];
            if (Math.abs(constant) >= Math.abs(lead)) {
                return false;
            }
            double[] reduced = new double[degree];
            for (int k = 1; k <= degree; k++) {
                reduced[k - 1] = lead * p[k] - constant * p[degree - k];
            }
            double newLead = reduced[degree - 1];
            for (int k = 0; k < degree; k++) {
                reduced[k] /= newLead; // keeps the numbers near 1, which would otherwise underflow in a few steps
            }
            p = reduced;
            degree--;
        }
        return true;
    }
}
