package dev.crmkit.core.team;

import dev.crmkit.core.common.EventType;
import dev.crmkit.model.team.TeamRole;
import java.time.Instant;
import java.util.UUID;

/** A member joined. */
@EventType("team-member.added")
public record TeamMemberAdded(
        String tenantId, UUID memberId, String userId, TeamRole role, UUID teamId, UUID managerId, int capacity,
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
