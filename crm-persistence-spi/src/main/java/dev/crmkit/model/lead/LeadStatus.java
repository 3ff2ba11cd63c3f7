package dev.crmkit.model.lead;

/**
 * Where a lead is in its life. The allowed moves between these states live in the core's lead lifecycle; storage
 * keeps whatever state it is given. {@link #DISQUALIFIED} and {@link #CONVERTED} are closed: the lead is no
 * longer worked, counts against no rep's capacity, and is not matched against new leads.
 */
public enum LeadStatus {
    /** Captured, not yet contacted. */
    NEW,
    /** Someone reached out to the lead. */
    CONTACTED,
    /** Budget, authority, need and timeline make it worth a sale. */
    QUALIFIED,
    /** Not ready to buy now; kept warm for later. */
    NURTURING,
    /** Not a prospect, with a reason; closed. */
    DISQUALIFIED,
    /** Became a customer (and perhaps an opportunity); closed. */
    CONVERTED;

    /** Whether the lead is still being worked. */
    public boolean isOpen() {
        return this != DISQUALIFIED && this != CONVERTED;
    }
}
