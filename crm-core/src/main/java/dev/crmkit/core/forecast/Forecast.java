package dev.crmkit.core.forecast;

import dev.crmkit.model.ValidationException;
import java.util.List;

/**
 * The forecast of the next {@code h} values: the mean (the expected value of each future observation under the
 * model) and one prediction interval per requested level. Index 0 is one step after the last observation.
 *
 * @param model the model's name, such as {@code ETS(M,Ad,M)}
 * @param mean the expected values, one per step
 * @param intervals the prediction intervals, in the order the levels were requested
 */
public record Forecast(String model, List<Double> mean, List<PredictionInterval> intervals) {
    /**
     * Copies the lists.
     *
     * @throws ValidationException ({@code model}) when null or blank; ({@code mean}) when null or empty;
     *     ({@code intervals}) when null or an interval's length differs from the mean's
     */
    public Forecast {
        if (model == null || model.isBlank()) {
            throw new ValidationException("model", "is required");
        }
        if (mean == null || mean.isEmpty()) {
            throw new ValidationException("mean", "must hold at least one step");
        }
        int steps = mean.size();
        if (intervals == null || intervals.stream().anyMatch(i -> i.lower().size() != steps)) {
            throw new ValidationException("intervals", "must have one bound per step of the mean");
        }
        mean = List.copyOf(mean);
        intervals = List.copyOf(intervals);
    }

    /** The number of steps ahead. */
    public int horizon() {
        return mean.size();
    }

    /**
     * The interval at the given level.
     *
     * @throws ValidationException ({@code level}) when the forecast was not asked for that level
     */
    public PredictionInterval interval(double level) {
        return intervals.stream()
                .filter(i -> Math.abs(i.level() - level) < 1e-9)
                .findFirst()
                .orElseThrow(() -> new ValidationException("level", "was not requested for this forecast"));
    }
}
