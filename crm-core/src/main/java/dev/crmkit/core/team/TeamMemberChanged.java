package dev.crmkit.core.team;

import dev.crmkit.core.common.EventType;
import dev.crmkit.model.team.TeamRole;
import java.time.Instant;
import java.util.UUID;

/** A member's role, team, manager, skills, languages, territories, seniority or capacity changed; the event carries the new role, team, manager and capacity. */
@EventType("team-member.changed")
public record TeamMemberChanged(
        String tenantId, UUID memberId, TeamRole role, UUID teamId, UUID managerId, int capacity,
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
