package dev.crmkit.core.team;

import dev.crmkit.core.common.EventType;
import java.time.Instant;
import java.util.UUID;

/** A team was created. */
@EventType("team.created")
public record TeamCreated(String tenantId, UUID teamId, UUID managerId, Instant occurredAt) implements TeamEvent {
    @Override
    public String aggregateType() {
        return TEAM;
    }

    @Override
    public String aggregateId() {
        return teamId.toString();
    }
}
