package dev.crmkit.core.forecast;

import dev.crmkit.model.ValidationException;
import java.util.List;

/**
 * The range each future value falls in with the given probability, if the model is right: at level 0.95, 95 of 100
 * future values are expected between {@code lower} and {@code upper}. Index 0 is one step ahead.
 *
 * @param level the coverage probability, such as 0.80 or 0.95
 * @param lower the lower bounds, one per step
 * @param upper the upper bounds, one per step
 */
public record PredictionInterval(double level, List<Double> lower, List<Double> upper) {
    /**
     * Copies the bounds.
     *
     * @throws ValidationException ({@code level}) when not strictly between 0 and 1; ({@code lower},
     *     {@code upper}) when null or of different lengths
     */
    public PredictionInterval {
        if (!(level > 0 && level < 1)) {
            throw new ValidationException("level", "must be above 0 and below 1");
        }
        if (lower == null) {
            throw new ValidationException("lower", "is required");
        }
        if (upper == null || upper.size() != lower.size()) {
            throw new ValidationException("upper", "must have one bound per step of lower");
        }
        lower = List.copyOf(lower);
        upper = List.copyOf(upper);
    }
}
