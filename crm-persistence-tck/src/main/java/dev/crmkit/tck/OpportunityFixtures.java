package dev.crmkit.tck;

import dev.crmkit.model.opportunity.ForecastCategory;
import dev.crmkit.model.opportunity.OpportunityContact;
import dev.crmkit.model.opportunity.PipelineStage;
import dev.crmkit.model.opportunity.ReopenRule;
import dev.crmkit.model.opportunity.StageOutcome;
import dev.crmkit.spi.opportunity.LineItemRecord;
import dev.crmkit.spi.opportunity.OpportunityRecord;
import dev.crmkit.spi.opportunity.PipelineRecord;
import dev.crmkit.spi.opportunity.StageChangeRecord;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** Pipelines, deals and stage changes the opportunity contracts store. */
final class OpportunityFixtures {
    static final Instant NOW = ContractSupport.NOW;

    private OpportunityFixtures() {
    }

    /** Prospecting (10 %, norm 14 days), proposal (50 %), won, lost; reopening within 30 days. */
    static PipelineRecord pipeline(String tenantId, String name) {
        return new PipelineRecord(tenantId, UUID.randomUUID(), 1, NOW, NOW, name, List.of(
                PipelineStage.open("prospecting", "Prospecting", 10, ForecastCategory.PIPELINE, 14),
                PipelineStage.open("proposal", "Proposal", 50, ForecastCategory.BEST_CASE, null),
                PipelineStage.won("won", "Closed Won"),
                PipelineStage.lost("lost", "Closed Lost")), ReopenRule.withinDays(30));
    }

    /** An open deal in prospecting, with no amount and no children. */
    static OpportunityRecord deal(String tenantId, UUID pipelineId) {
        return new OpportunityRecord(tenantId, UUID.randomUUID(), 1, NOW, NOW, "Deal", UUID.randomUUID(), pipelineId,
                "prospecting", StageOutcome.OPEN, null, null, 10, ForecastCategory.PIPELINE, null, null, List.of(),
                Set.of(), Set.of(), null, null, NOW, null, null);
    }

    /** An open deal in a stage with an amount, an owner and a lead source. */
    static OpportunityRecord open(String tenantId, UUID pipelineId, String stage, int probability, String amount,
            String currency, UUID ownerId) {
        return new OpportunityRecord(tenantId, UUID.randomUUID(), 1, NOW, NOW, "Open deal", UUID.randomUUID(),
                pipelineId, stage, StageOutcome.OPEN, amount == null ? null : new BigDecimal(amount), currency,
                probability, ForecastCategory.PIPELINE, null, ownerId, List.of(), Set.of(), Set.of(), null, null, NOW,
                null, null);
    }

    /** A deal created {@code cycle} before it closed at {@code closedAt}, won or lost. */
    static OpportunityRecord closed(String tenantId, UUID pipelineId, StageOutcome status, String amount,
            String currency, UUID ownerId, String leadSource, Instant closedAt, Duration cycle) {
        Instant created = closedAt.minus(cycle);
        return new OpportunityRecord(tenantId, UUID.randomUUID(), 1, created, closedAt, "Closed deal",
                UUID.randomUUID(), pipelineId, status == StageOutcome.WON ? "won" : "lost", status,
                amount == null ? null : new BigDecimal(amount), currency, status == StageOutcome.WON ? 100 : 0,
                ForecastCategory.CLOSED, null, ownerId, List.of(), Set.of(), Set.of(), null, leadSource, closedAt,
                closedAt, status == StageOutcome.LOST ? "price" : null);
    }

    /** A deal with every field and child set. */
    static OpportunityRecord full(String tenantId, UUID pipelineId) {
        return new OpportunityRecord(tenantId, UUID.randomUUID(), 1, NOW, NOW, "Rollout Größe L – 2026",
                UUID.randomUUID(), pipelineId, "proposal", StageOutcome.OPEN, new BigDecimal("1234.5"), "EUR", 55,
                ForecastCategory.COMMIT, java.time.LocalDate.of(2026, 6, 30), UUID.randomUUID(), List.of(
                        new LineItemRecord("sku-2", new BigDecimal("3"), new BigDecimal("400.00"), BigDecimal.ZERO),
                        new LineItemRecord("sku-1", new BigDecimal("1.5"), new BigDecimal("23"),
                                new BigDecimal("12.5"))),
                Set.of(new OpportunityContact(UUID.randomUUID(), dev.crmkit.model.opportunity.ContactRole.CHAMPION),
                        new OpportunityContact(UUID.randomUUID(),
                                dev.crmkit.model.opportunity.ContactRole.ECONOMIC_BUYER)),
                Set.of("Initech", "Umbrella"), UUID.randomUUID(), "web-form", NOW, null, null);
    }

    /** The same deal in another state, as an update carries it. */
    static OpportunityRecord moved(OpportunityRecord o, String stage, StageOutcome status, Instant at) {
        return new OpportunityRecord(o.tenantId(), o.id(), o.version(), o.createdAt(), at, o.name(), o.customerId(),
                o.pipelineId(), stage, status, o.amount(), o.currency(), o.probability(), o.forecastCategory(),
                o.expectedCloseDate(), o.ownerId(), o.lineItems(), o.contacts(), o.competitors(), o.sourceLeadId(),
                o.leadSource(), at, status == StageOutcome.OPEN ? null : at, null);
    }

    /** A stage change of a deal at a time. */
    static StageChangeRecord change(String tenantId, UUID opportunityId, String from, String to, Instant at) {
        return new StageChangeRecord(tenantId, UUID.randomUUID(), opportunityId, from, to, at, "user:ana");
    }
}
