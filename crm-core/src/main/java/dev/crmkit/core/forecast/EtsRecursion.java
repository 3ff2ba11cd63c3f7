package dev.crmkit.core.forecast;

/**
 * The state recursions of an exponential smoothing model, step by step as R's {@code forecast} package runs them
 * ({@code etscalc}): the one-step forecast of each observation from the previous state, its error, and the new state.
 * A state is {@code [level, trend?, s1, ..., sm]} with {@code s1} the season of the latest observation.
 *
 * <p>The updates are the same for additive and multiplicative errors; the error type decides the error (absolute
 * or relative to the forecast) and so the likelihood.
 */
final class EtsRecursion {
    private static final double TOLERANCE = 1e-10;
    private static final double HUGE = 1e10;
    /** The smallest criterion R's optimizer accepts, so a perfect fit does not answer minus infinity. */
    static final double LOWEST_CRITERION = -1e10;

    /** What one pass over the series gives. */
    record Pass(double criterion, double[] errors, double[] fitted, double[] finalState) {
        /** The sum of squared errors (relative errors for a multiplicative model). */
        double sumOfSquaredErrors() {
            double sum = 0;
            for (double e : errors) {
                sum += e * e;
            }
            return sum;
        }
    }

    private EtsRecursion() {
    }

    /**
     * Runs the model over {@code y} from {@code initial} (every state, the last season included): the criterion
     * {@code n log(SSE)} (plus {@code 2 sum log|forecast|} for multiplicative errors), which is minus twice the
     * log-likelihood with the error variance concentrated out.
     */
    static Pass run(double[] y, EtsForm form, int m, SmoothingParameters p, double[] initial) {
        int n = y.length;
        boolean trended = form.trended();
        boolean seasonal = form.seasonal();
        boolean multiplicativeSeason = form.season() == EtsForm.SeasonType.MULTIPLICATIVE;
        boolean multiplicativeError = form.error() == EtsForm.ErrorType.MULTIPLICATIVE;
        double phi = form.damped() ? p.phi() : 1;
        double beta = trended ? p.beta() : 0;
        double gamma = seasonal ? p.gamma() : 0;
        double level = initial[0];
        double trend = trended ? initial[1] : 0;
        int first = trended ? 2 : 1;
        double[] s = new double[seasonal ? m : 0];
        System.arraycopy(initial, first, s, 0, s.length);
        double[] errors = new double[n];
        double[] fitted = new double[n];
        double sse = 0;
        double logForecasts = 0;
        for (int i = 0; i < n; i++) {
            double damped = phi * trend;
            double base = level + damped;
            double lastSeason = seasonal ? s[m - 1] : 0;
            double forecast = !seasonal ? base : multiplicativeSeason ? base * lastSeason : base + lastSeason;
            fitted[i] = forecast;
            errors[i] = multiplicativeError ? (y[i] - forecast) / forecast : y[i] - forecast;
            sse += errors[i] * errors[i];
            logForecasts += Math.log(Math.abs(forecast));
            double adjusted;
            if (!seasonal) {
                adjusted = y[i];
            } else if (!multiplicativeSeason) {
                adjusted = y[i] - lastSeason;
            } else {
                adjusted = Math.abs(lastSeason) < TOLERANCE ? HUGE : y[i] / lastSeason;
            }
            double oldLevel = level;
            level = base + p.alpha() * (adjusted - base);
            if (trended) {
                trend = damped + (beta / p.alpha()) * (level - oldLevel - damped);
            }
            if (seasonal) {
                double observed;
                if (!multiplicativeSeason) {
                    observed = y[i] - base;
                } else {
                    observed = Math.abs(base) < TOLERANCE ? HUGE : y[i] / base;
                }
                double season = lastSeason + gamma * (observed - lastSeason);
                System.arraycopy(s, 0, s, 1, m - 1);
                s[0] = season;
            }
        }
        double criterion = n * Math.log(sse) + (multiplicativeError ? 2 * logForecasts : 0);
        if (Double.isNaN(criterion)) {
            criterion = Double.POSITIVE_INFINITY;
        }
        double[] state = new double[initial.length];
        state[0] = level;
        if (trended) {
            state[1] = trend;
        }
        System.arraycopy(s, 0, state, first, s.length);
        return new Pass(Math.max(criterion, LOWEST_CRITERION), errors, fitted, state);
    }

    /** The point forecasts {@code h} steps ahead from {@code state}: the recursion without new observations. */
    static double[] pointForecasts(double[] state, EtsForm form, int m, double phi, int h) {
        boolean trended = form.trended();
        double level = state[0];
        double trend = trended ? state[1] : 0;
        int first = trended ? 2 : 1;
        double[] forecasts = new double[h];
        double cumulativePhi = form.damped() ? phi : 1;
        for (int i = 0; i < h; i++) {
            double value = level + cumulativePhi * trend;
            if (form.seasonal()) {
                int j = Math.floorMod(m - 1 - i, m);
                double season = state[first + j];
                value = form.season() == EtsForm.SeasonType.MULTIPLICATIVE ? value * season : value + season;
            }
            forecasts[i] = value;
            cumulativePhi += form.damped() ? Math.pow(phi, i + 2) : 1;
        }
        return forecasts;
    }
}
