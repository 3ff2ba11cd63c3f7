package dev.crmkit.core.opportunity;

import dev.crmkit.core.common.EventType;
import dev.crmkit.model.opportunity.ForecastCategory;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A deal's details changed: owner, amount (derived from its line items when it has any), probability, forecast
 * category, expected close date, line items, contact roles or competitors.
 */
@EventType("opportunity.changed")
public record OpportunityChanged(String tenantId, UUID opportunityId, UUID ownerId, BigDecimal amount,
        String currency, int probability, ForecastCategory forecastCategory, LocalDate expectedCloseDate,
        Instant occurredAt) implements OpportunityEvent {
    @Override
    public String aggregateId() {
        return opportunityId.toString();
    }
}
