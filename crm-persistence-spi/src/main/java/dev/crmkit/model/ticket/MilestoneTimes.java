package dev.crmkit.model.ticket;

import dev.crmkit.model.Checks;
import dev.crmkit.model.ValidationException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;

/**
 * How long the milestones of one kind completed in a period took, in business time (paused time not counted), and
 * how many met their target.
 *
 * @param kind         the milestone kind ({@code FIRST_RESPONSE}: first-response time; {@code RESOLUTION}: resolution
 *                     time)
 * @param completed    how many were completed, 1 or more
 * @param met          how many of them were not breached
 * @param median       the median business time, whole seconds
 * @param percentile90 the 90th percentile, whole seconds
 */
public record MilestoneTimes(MilestoneKind kind, long completed, long met, Duration median, Duration percentile90) {
    /**
     * Checks the counts and durations.
     *
     * @throws ValidationException naming the first component that breaks a rule
     */
    public MilestoneTimes {
        Checks.required("kind", kind);
        if (completed < 1 || met < 0 || met > completed) {
            throw new ValidationException("completed", "must be 1 or more and hold the met milestones");
        }
        Checks.required("median", median);
        Checks.required("percentile90", percentile90);
        if (median.isNegative() || percentile90.compareTo(median) < 0) {
            throw new ValidationException("percentile90", "must be at least the median, which is not negative");
        }
    }

    /** The SLA attainment: milestones that met their target in percent of those completed, one decimal, half up. */
    public BigDecimal attainmentPercent() {
        return BigDecimal.valueOf(met * 100).divide(BigDecimal.valueOf(completed), 1, RoundingMode.HALF_UP);
    }

    /**
     * A percentile the storage computed in microseconds, as every adapter reports it: rounded half up to whole
     * seconds.
     */
    public static Duration seconds(BigDecimal micros) {
        return Duration.ofSeconds(micros.movePointLeft(6).setScale(0, RoundingMode.HALF_UP).longValueExact());
    }
}
