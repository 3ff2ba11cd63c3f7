package dev.crmkit.spi.team;

import dev.crmkit.model.Checks;
import dev.crmkit.model.team.WorkingPeriod;
import dev.crmkit.spi.StoredRecord;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A team member's working hours: a time zone and the working periods of the week. One per member at most.
 *
 * <ul>
 *   <li>{@code memberId}: the team member, required.</li>
 *   <li>{@code zone}: a time zone id the JDK knows, kept as the JDK spells it.</li>
 *   <li>{@code hours}: at most {@link WorkingPeriod#MAX_PER_WEEK} periods, none overlapping, possibly none (a member
 *       who never works inside hours); kept in order (day, then opening time).</li>
 * </ul>
 */
public record WorkingHoursRecord(String tenantId, UUID id, long version, Instant createdAt, Instant updatedAt,
        UUID memberId, String zone, List<WorkingPeriod> hours) implements StoredRecord {

    /**
     * Checks the rules above: tenant id, id, a version of 1 or more and both timestamps are required, and the
     * timestamps are truncated to microseconds.
     *
     * @throws dev.crmkit.model.ValidationException naming the first component that breaks a rule
     */
    public WorkingHoursRecord {
        Checks.tenantId("tenantId", tenantId);
        Checks.id("id", id);
        Checks.version("version", version);
        createdAt = Checks.instant("createdAt", createdAt);
        updatedAt = Checks.instant("updatedAt", updatedAt);
        Checks.id("memberId", memberId);
        zone = WorkingPeriod.zone("zone", zone);
        hours = WorkingPeriod.week("hours", hours);
    }
}
