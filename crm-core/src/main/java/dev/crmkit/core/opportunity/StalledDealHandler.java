package dev.crmkit.core.opportunity;

import dev.crmkit.core.module.DomainContext;
import dev.crmkit.core.scheduling.DueWork;
import dev.crmkit.core.scheduling.DueWorkHandler;
import dev.crmkit.model.NotFoundException;
import dev.crmkit.model.opportunity.PipelineStage;
import dev.crmkit.model.opportunity.StageOutcome;
import dev.crmkit.spi.opportunity.OpportunityRecord;
import dev.crmkit.spi.opportunity.OpportunityStorage;
import dev.crmkit.spi.opportunity.OpportunityStore;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Turns due work of kind {@link OpportunityService#STALLED} into an {@link OpportunityStalled} event. */
final class StalledDealHandler implements DueWorkHandler {
    private static final Logger LOG = LoggerFactory.getLogger(StalledDealHandler.class);

    private final DomainContext context;

    StalledDealHandler(DomainContext context) {
        this.context = context;
    }

    @Override
    public void handle(DueWork work) {
        Optional<UUID> dealId = parse(work.key());
        if (dealId.isEmpty()) {
            LOG.warn("Due work {} of kind {} has a key that is no opportunity id; dropping it", work.id(), work.kind());
            return;
        }
        context.storage().transactions().run(() -> {
            Instant now = context.now();
            OpportunityStore deals = context.storage(OpportunityStorage.class).opportunities();
            // The deal's lock before the read: a unit moving the deal commits first and this one then reads the move,
            // or waits until the alert is recorded, so an alert never follows the move in the deal's events.
            try {
                deals.lock(work.tenantId(), dealId.get());
            } catch (NotFoundException e) {
                return;
            }
            // The work may be stale: the deal moved on, closed, or its pipeline's norm changed since it was scheduled.
            Optional<OpportunityRecord> deal = deals.get(work.tenantId(), dealId.get())
                    .filter(d -> d.status() == StageOutcome.OPEN && d.stageKey().equals(work.payload()));
            if (deal.isEmpty()) {
                return;
            }
            OpportunityRecord d = deal.get();
            Optional<PipelineStage> stage = context.storage(OpportunityStorage.class).pipelines().get(d.tenantId(), d.pipelineId())
                    .flatMap(p -> p.stage(d.stageKey()))
                    .filter(s -> s.normDays() != null
                            && !StalledDeals.stallsAt(d.stageEnteredAt(), s.normDays()).isAfter(now));
            stage.ifPresent(s -> context.events().record(new OpportunityStalled(d.tenantId(), d.id(), d.stageKey(),
                    d.stageEnteredAt(), s.normDays(), d.ownerId(), now)));
        });
    }

    private static Optional<UUID> parse(String key) {
        try {
            return Optional.of(UUID.fromString(key));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
