package dev.crmkit.core.opportunity;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/** A deal was closed won from an open stage. */
public record OpportunityWon(String tenantId, UUID opportunityId, String fromStage, UUID ownerId, BigDecimal amount,
        String currency, Instant occurredAt) implements OpportunityEvent {
    @Override
    public String aggregateId() {
        return opportunityId.toString();
    }
}
