package dev.crmkit.core.team;

import dev.crmkit.core.common.EventType;
import dev.crmkit.model.team.Availability;
import java.time.Instant;
import java.util.UUID;

/** A member went away (until {@code awayUntil}), came back, or was deactivated or reactivated. */
@EventType("team-member.availability-changed")
public record TeamMemberAvailabilityChanged(
        String tenantId, UUID memberId, Availability previous, Availability availability, Instant awayUntil,
        Instant occurredAt) implements TeamEvent {
    @Override
    public String aggregateType() {
        return MEMBER;
    }

    @Override
    public String aggregateId() {
        return memberId.toString();
    }
}
