package dev.crmkit.core.lead;

import dev.crmkit.core.common.DomainEvent;

/**
 * The domain events of leads, each recorded in the outbox in the transaction of its change, in order per lead.
 * Payloads carry ids, codes, scores and times only, never names, contact data, reasons or submissions, so the
 * event stream holds no personal data.
 */
public sealed interface LeadEvent extends DomainEvent permits LeadCaptured, LeadResubmitted, LeadChanged,
        LeadScored, LeadAssigned, LeadStatusChanged, LeadFirstContactOverdue, LeadConverted {

    /** The aggregate type of every lead event. */
    String LEAD = "lead";

    /** The lead's id. */
    java.util.UUID leadId();

    @Override
    default String aggregateType() {
        return LEAD;
    }

    @Override
    default String aggregateId() {
        return leadId().toString();
    }
}
