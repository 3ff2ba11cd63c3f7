package dev.crmkit.spi.ticket;

import dev.crmkit.model.Checks;
import dev.crmkit.model.ValidationException;
import dev.crmkit.model.team.WorkingPeriod;
import dev.crmkit.spi.StoredRecord;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

/**
 * A stored business-hours calendar: the tenant's default ({@code teamId} null) or a team's override. At most one per
 * tenant and team.
 *
 * <ul>
 *   <li>{@code zone}: a time zone id the JDK knows ({@code Europe/Berlin}), kept as the JDK spells it.</li>
 *   <li>{@code hours}: the working periods of the week, at most {@link WorkingPeriod#MAX_PER_WEEK}, none overlapping,
 *       at least one; kept in order (day, then opening time).</li>
 *   <li>{@code holidays}: whole days off, at most {@link #MAX_HOLIDAYS}, years 1000 to 9999; kept sorted.</li>
 * </ul>
 */
public record BusinessCalendarRecord(String tenantId, UUID id, long version, Instant createdAt, Instant updatedAt,
        UUID teamId, String zone, List<WorkingPeriod> hours, Set<LocalDate> holidays) implements StoredRecord {
    /** The most holidays a calendar holds. */
    public static final int MAX_HOLIDAYS = 1000;

    /**
     * Checks the rules above: tenant id, id, a version of 1 or more and both timestamps are required, and the
     * timestamps are truncated to microseconds.
     *
     * @throws ValidationException naming the first component that breaks a rule
     */
    public BusinessCalendarRecord {
        Checks.tenantId("tenantId", tenantId);
        Checks.id("id", id);
        Checks.version("version", version);
        createdAt = Checks.instant("createdAt", createdAt);
        updatedAt = Checks.instant("updatedAt", updatedAt);
        zone = WorkingPeriod.zone("zone", zone);
        hours = WorkingPeriod.week("hours", hours);
        if (hours.isEmpty()) {
            throw new ValidationException("hours", "must hold some working hours");
        }
        Checks.noNulls("holidays", holidays);
        if (holidays.size() > MAX_HOLIDAYS) {
            throw new ValidationException("holidays", "must hold at most " + MAX_HOLIDAYS + " days");
        }
        for (LocalDate day : holidays) {
            if (day.getYear() < 1000 || day.getYear() > 9999) {
                throw new ValidationException("holidays[]", "must be in the years 1000 to 9999");
            }
        }
        holidays = Collections.unmodifiableSortedSet(new TreeSet<>(holidays));
    }
}
