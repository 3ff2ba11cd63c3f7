package dev.crmkit.core.opportunity;

import dev.crmkit.core.common.EventType;
import dev.crmkit.model.opportunity.StageOutcome;
import java.time.Instant;
import java.util.UUID;

/** A closed deal (won or lost) was reopened into an open stage, as its pipeline's reopen rule allowed. */
@EventType("opportunity.reopened")
public record OpportunityReopened(String tenantId, UUID opportunityId, StageOutcome fromStatus, String toStage,
        Instant occurredAt) implements OpportunityEvent {
    @Override
    public String aggregateId() {
        return opportunityId.toString();
    }
}
