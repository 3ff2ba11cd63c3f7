package dev.crmkit.core.opportunity;

import dev.crmkit.core.common.Money;
import dev.crmkit.model.opportunity.ForecastCategory;
import dev.crmkit.model.opportunity.OpportunityContact;
import dev.crmkit.model.opportunity.StageOutcome;
import dev.crmkit.spi.opportunity.OpportunityRecord;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * A deal as the service returns it. {@code amount} is null for a deal without one; with line items it is their
 * total. {@code status} is the outcome of its stage; {@code closedAt} and {@code closeReason} belong to closed deals.
 */
public record Opportunity(UUID id, long version, Instant createdAt, Instant updatedAt, String name, UUID customerId,
        UUID pipelineId, String stageKey, StageOutcome status, Money amount, int probability,
        ForecastCategory forecastCategory, LocalDate expectedCloseDate, UUID ownerId, List<LineItem> lineItems,
        Set<OpportunityContact> contacts, Set<String> competitors, UUID sourceLeadId, String leadSource,
        Instant stageEnteredAt, Instant closedAt, String closeReason) {

    static Opportunity of(OpportunityRecord r) {
        Money amount = r.amount() == null ? null : Money.of(r.amount().stripTrailingZeros(), r.currency());
        return new Opportunity(r.id(), r.version(), r.createdAt(), r.updatedAt(), r.name(), r.customerId(),
                r.pipelineId(), r.stageKey(), r.status(), amount, r.probability(), r.forecastCategory(),
                r.expectedCloseDate(), r.ownerId(), r.lineItems().stream().map(i -> LineItem.of(i, r.currency()))
                        .toList(), r.contacts(), r.competitors(), r.sourceLeadId(), r.leadSource(),
                r.stageEnteredAt(), r.closedAt(), r.closeReason());
    }
}
