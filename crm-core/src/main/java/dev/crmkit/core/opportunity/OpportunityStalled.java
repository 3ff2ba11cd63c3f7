package dev.crmkit.core.opportunity;

import dev.crmkit.core.common.EventType;
import java.time.Instant;
import java.util.UUID;

/**
 * An open deal stayed in its stage longer than the stage's norm of days; raised once per stay by the due-work
 * scheduler.
 */
@EventType("opportunity.stalled")
public record OpportunityStalled(String tenantId, UUID opportunityId, String stageKey, Instant stageEnteredAt,
        int normDays, UUID ownerId, Instant occurredAt) implements OpportunityEvent {
    @Override
    public String aggregateId() {
        return opportunityId.toString();
    }
}
