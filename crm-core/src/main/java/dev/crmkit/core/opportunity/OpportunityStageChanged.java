package dev.crmkit.core.opportunity;

import dev.crmkit.core.common.EventType;
import java.time.Instant;
import java.util.UUID;

/** An open deal moved from one open stage to another and took the new stage's probability. */
@EventType("opportunity.stage-changed")
public record OpportunityStageChanged(String tenantId, UUID opportunityId, String fromStage, String toStage,
        int probability, Instant occurredAt) implements OpportunityEvent {
    @Override
    public String aggregateId() {
        return opportunityId.toString();
    }
}
