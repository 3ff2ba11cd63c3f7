package dev.crmkit.core.opportunity;

import dev.crmkit.core.common.EventType;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/** A deal was closed won from an open stage. */
@EventType("opportunity.won")
public record OpportunityWon(String tenantId, UUID opportunityId, String fromStage, UUID ownerId, BigDecimal amount,
        String currency, Instant occurredAt) implements OpportunityEvent {
    @Override
    public String aggregateId() {
        return opportunityId.toString();
    }
}
