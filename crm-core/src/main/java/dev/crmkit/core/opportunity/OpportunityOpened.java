package dev.crmkit.core.opportunity;

import dev.crmkit.core.common.EventType;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/** A deal was opened in a stage of a pipeline, possibly converted from a lead (then with its id and source). */
@EventType("opportunity.opened")
public record OpportunityOpened(String tenantId, UUID opportunityId, UUID customerId, UUID pipelineId,
        String stageKey, UUID ownerId, BigDecimal amount, String currency, int probability, UUID sourceLeadId,
        String leadSource, Instant occurredAt) implements OpportunityEvent {
    @Override
    public String aggregateId() {
        return opportunityId.toString();
    }
}
