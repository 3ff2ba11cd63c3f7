package dev.crmkit.model.customer;

/**
 * Where a suspected duplicate pair stands in the review queue. A pair starts {@link #OPEN}; a reviewer dismisses it
 * or merges it; a dismissed pair may be reopened; a pair one of whose customers was merged into a third one is
 * closed. The transitions are in the customer domain's {@code DuplicatePairReview}.
 */
public enum DuplicatePairStatus {
    /** Waiting for a reviewer; shown in the queue and on both customers' 360-degree views. */
    OPEN,
    /** A reviewer decided the two are different parties: never suggested again unless reopened. */
    DISMISSED,
    /** A reviewer merged the two (or they were merged directly). */
    MERGED,
    /** One of the two was merged into another customer, so the pair no longer exists as such. */
    CLOSED
}
