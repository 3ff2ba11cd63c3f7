package dev.crmkit.model.opportunity;

import dev.crmkit.model.Checks;
import dev.crmkit.model.ValidationException;

/**
 * One stage of a pipeline.
 *
 * <ul>
 *   <li>{@code key}: 1 to 64 characters of lower-case letters, digits, {@code -} and {@code _}, unique in its
 *       pipeline; opportunities and their stage history refer to it.</li>
 *   <li>{@code name}: 1 to 100 characters.</li>
 *   <li>{@code probability}: the default win probability, 0 to 100 percent.</li>
 *   <li>{@code outcome}: open, closed-won or closed-lost.</li>
 *   <li>{@code normDays}: the most days a deal should stay in the stage, 1 to 3650; only open stages have one,
 *       and it is optional ({@code null}: no norm, never stalled).</li>
 * </ul>
 */
public record PipelineStage(String key, String name, int probability, ForecastCategory forecastCategory,
        StageOutcome outcome, Integer normDays) {
    /** The longest norm a stage may have. */
    public static final int MAX_NORM_DAYS = 3650;

    /**
     * Checks the rules above.
     *
     * @throws ValidationException naming the first component that breaks a rule
     */
    public PipelineStage {
        Checks.text("key", key, 64);
        if (!key.chars().allMatch(c -> c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-' || c == '_')) {
            throw new ValidationException("key", "must be lower-case letters, digits, '-' or '_'");
        }
        Checks.text("name", name, 100);
        if (probability < 0 || probability > 100) {
            throw new ValidationException("probability", "must be 0 to 100");
        }
        Checks.required("forecastCategory", forecastCategory);
        Checks.required("outcome", outcome);
        if (normDays != null && outcome != StageOutcome.OPEN) {
            throw new ValidationException("normDays", "is only for open stages");
        }
        if (normDays != null && (normDays < 1 || normDays > MAX_NORM_DAYS)) {
            throw new ValidationException("normDays", "must be 1 to " + MAX_NORM_DAYS);
        }
    }

    /** An open stage. */
    public static PipelineStage open(String key, String name, int probability, ForecastCategory category,
            Integer normDays) {
        return new PipelineStage(key, name, probability, category, StageOutcome.OPEN, normDays);
    }

    /** The closed-won stage: 100 percent, forecast category CLOSED. */
    public static PipelineStage won(String key, String name) {
        return new PipelineStage(key, name, 100, ForecastCategory.CLOSED, StageOutcome.WON, null);
    }

    /** The closed-lost stage: 0 percent, forecast category OMITTED. */
    public static PipelineStage lost(String key, String name) {
        return new PipelineStage(key, name, 0, ForecastCategory.OMITTED, StageOutcome.LOST, null);
    }
}
