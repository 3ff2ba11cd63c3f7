package dev.crmkit.core.opportunity;

import dev.crmkit.core.common.DomainEvent;

/**
 * The domain events of pipelines and opportunities, each recorded in the outbox in the transaction of its change.
 * Payloads carry ids, stage keys, codes, amounts and times only: never a deal's name, a close reason or who acted
 * (the stage history keeps the actor), so the event stream holds no personal data.
 */
public sealed interface OpportunityEvent extends DomainEvent permits PipelineDefined, OpportunityOpened,
        OpportunityStageChanged, OpportunityChanged, OpportunityWon, OpportunityLost, OpportunityReopened,
        OpportunityStalled {

    /** The aggregate type of opportunity events; all events of one deal are delivered in order. */
    String OPPORTUNITY = "opportunity";

    /** The aggregate type of pipeline events. */
    String PIPELINE = "pipeline";

    /** {@link #OPPORTUNITY} for every event but {@link PipelineDefined}. */
    @Override
    default String aggregateType() {
        return OPPORTUNITY;
    }
}
