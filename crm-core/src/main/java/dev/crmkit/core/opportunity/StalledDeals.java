package dev.crmkit.core.opportunity;

import dev.crmkit.core.module.DomainContext;
import dev.crmkit.model.opportunity.PipelineStage;
import dev.crmkit.model.opportunity.StageOutcome;
import dev.crmkit.spi.opportunity.OpportunityRecord;
import dev.crmkit.spi.scheduling.DueWorkRecord;
import java.time.Duration;
import java.time.Instant;

/**
 * Keeps a deal's stalled-alert due work in step with its stage: due when the deal would outstay the stage's norm,
 * moved on every stage change, gone when the deal closes or its stage has no norm. Called inside the service's
 * transaction, so the due work commits with the change.
 */
final class StalledDeals {
    private final DomainContext context;

    StalledDeals(DomainContext context) {
        this.context = context;
    }

    /** When a deal that entered {@code stage} at {@code enteredAt} stalls. */
    static Instant stallsAt(Instant enteredAt, int normDays) {
        return enteredAt.plus(Duration.ofDays(normDays));
    }

    void track(OpportunityRecord deal, PipelineStage stage) {
        String key = deal.id().toString();
        if (deal.status() != StageOutcome.OPEN || stage.normDays() == null) {
            context.storage().dueWork().cancel(deal.tenantId(), OpportunityService.STALLED, key);
            return;
        }
        // The payload names the stage, so the handler can tell a stay that ended from the one it was scheduled for.
        context.storage().dueWork().schedule(DueWorkRecord.of(deal.tenantId(), context.ids().next(),
                OpportunityService.STALLED, key, stallsAt(deal.stageEnteredAt(), stage.normDays()), stage.key()));
    }
}
