package dev.crmkit.core.forecast;

import dev.crmkit.model.ValidationException;

/**
 * The smoothing parameters of an exponential smoothing model, as R's {@code forecast::ets} writes them: how fast
 * the level ({@code alpha}), the trend ({@code beta}) and the seasons ({@code gamma}) follow new observations, and
 * how strongly a damped trend flattens ({@code phi}, 1 for an undamped trend). A component the model lacks has 0
 * (and {@code phi} 1).
 *
 * <p>{@code beta} here multiplies the level's change, so it lies between 0 and {@code alpha}; {@code gamma} lies
 * between 0 and {@code 1 - alpha}.
 *
 * @param alpha the level's smoothing, in (0, 1]
 * @param beta the trend's smoothing, in [0, alpha]
 * @param gamma the seasons' smoothing, in [0, 1 - alpha]
 * @param phi the damping, in (0, 1]
 */
public record SmoothingParameters(double alpha, double beta, double gamma, double phi) {
    /**
     * @throws ValidationException naming the parameter when it is outside its range or not a number
     */
    public SmoothingParameters {
        if (!(alpha > 0 && alpha <= 1)) {
            throw new ValidationException("alpha", "must be above 0 and at most 1");
        }
        if (!(beta >= 0 && beta <= alpha)) {
            throw new ValidationException("beta", "must be from 0 to alpha");
        }
        if (!(gamma >= 0 && gamma <= 1 - alpha + 1e-12)) {
            throw new ValidationException("gamma", "must be from 0 to 1 - alpha");
        }
        if (!(phi > 0 && phi <= 1)) {
            throw new ValidationException("phi", "must be above 0 and at most 1");
        }
    }

    /** Parameters of the given values; {@code phi} is 1 (no damping). */
    public static SmoothingParameters of(double alpha, double beta, double gamma) {
        return new SmoothingParameters(alpha, beta, gamma, 1);
    }

    /** The same with damping {@code phi}. */
    public SmoothingParameters withPhi(double phi) {
        return new SmoothingParameters(alpha, beta, gamma, phi);
    }
}
