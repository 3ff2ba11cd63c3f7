package dev.crmkit.core.team;

import dev.crmkit.core.common.EventType;
import java.time.Instant;
import java.util.UUID;

/**
 * A member's working hours and time zone were stored, first or replaced. Its aggregate is the member's hours
 * ({@value TeamEvent#WORKING_HOURS}, by member id), whose stored row is what a change locks and versions, so these
 * events of one member are delivered in the order their changes committed.
 *
 * @param tenantId   the tenant
 * @param memberId   the member
 * @param version    the version of the hours now (1 for the first)
 * @param zone       the member's time zone id
 * @param periods    how many working periods the week holds
 * @param occurredAt when they were stored
 */
@EventType("team-member-hours.set")
public record TeamMemberWorkingHoursSet(String tenantId, UUID memberId, long version, String zone, int periods,
        Instant occurredAt) implements TeamEvent {
    @Override
    public String aggregateType() {
        return WORKING_HOURS;
    }

    @Override
    public String aggregateId() {
        return memberId.toString();
    }
}
