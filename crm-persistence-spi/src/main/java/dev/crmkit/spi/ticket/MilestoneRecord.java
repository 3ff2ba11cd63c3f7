package dev.crmkit.spi.ticket;

import dev.crmkit.model.Checks;
import dev.crmkit.model.ValidationException;
import dev.crmkit.model.ticket.MilestoneKind;
import dev.crmkit.spi.StoredRecord;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/**
 * A service-level milestone of a ticket and the state of its clock, in business time of a calendar the core chooses.
 *
 * <ul>
 *   <li>{@code ticketId}, {@code kind}: required.</li>
 *   <li>{@code target}: the business time allowed, positive; {@code elapsed}: the business time counted up to the last
 *       pause (or the start), not negative. Both at microsecond precision.</li>
 *   <li>{@code runningSince}: when the clock last started or resumed; {@code dueAt}: the instant the running clock
 *       reaches the target. Both set exactly while it runs. So a milestone is <em>running</em> when {@code runningSince} is set, <em>paused</em> when
 *       neither it nor {@code completedAt} is, and <em>completed</em> when {@code completedAt} is.</li>
 *   <li>{@code breached}: whether the clock was seen past its target at a pause, a retarget or the completion.</li>
 * </ul>
 */
public record MilestoneRecord(String tenantId, UUID id, long version, Instant createdAt, Instant updatedAt,
        UUID ticketId, MilestoneKind kind, Duration target, Duration elapsed, Instant runningSince, Instant dueAt,
        Instant completedAt, boolean breached) implements StoredRecord {

    /**
     * Checks the rules above: tenant id, id, a version of 1 or more and both timestamps are required, and every
     * instant and duration is truncated to microseconds.
     *
     * @throws ValidationException naming the first component that breaks a rule
     */
    public MilestoneRecord {
        Checks.tenantId("tenantId", tenantId);
        Checks.id("id", id);
        Checks.version("version", version);
        createdAt = Checks.instant("createdAt", createdAt);
        updatedAt = Checks.instant("updatedAt", updatedAt);
        Checks.id("ticketId", ticketId);
        Checks.required("kind", kind);
        Checks.required("target", target);
        target = target.truncatedTo(ChronoUnit.MICROS);
        if (target.isNegative() || target.isZero()) {
            throw new ValidationException("target", "must be positive");
        }
        Checks.required("elapsed", elapsed);
        elapsed = elapsed.truncatedTo(ChronoUnit.MICROS);
        if (elapsed.isNegative()) {
            throw new ValidationException("elapsed", "must not be negative");
        }
        runningSince = Checks.optionalInstant("runningSince", runningSince);
        dueAt = Checks.optionalInstant("dueAt", dueAt);
        completedAt = Checks.optionalInstant("completedAt", completedAt);
        if (runningSince != null && completedAt != null) {
            throw new ValidationException("runningSince", "must be unset on a completed milestone");
        }
        if ((runningSince != null) != (dueAt != null)) {
            throw new ValidationException("dueAt", "must be set exactly while the milestone runs");
        }
    }

    /** Whether its clock runs. */
    public boolean isRunning() {
        return runningSince != null;
    }

    /** Whether it is completed. */
    public boolean isCompleted() {
        return completedAt != null;
    }
}
