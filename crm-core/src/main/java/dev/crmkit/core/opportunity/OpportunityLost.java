package dev.crmkit.core.opportunity;

import dev.crmkit.core.common.EventType;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/** A deal was closed lost from an open stage; the reason stays on the deal, as it is free text. */
@EventType("opportunity.lost")
public record OpportunityLost(String tenantId, UUID opportunityId, String fromStage, UUID ownerId, BigDecimal amount,
        String currency, Instant occurredAt) implements OpportunityEvent {
    @Override
    public String aggregateId() {
        return opportunityId.toString();
    }
}
