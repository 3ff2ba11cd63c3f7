package dev.crmkit.core.loyalty;

import dev.crmkit.core.module.DomainContext;
import dev.crmkit.core.scheduling.DueWork;
import dev.crmkit.core.scheduling.DueWorkHandler;
import java.time.Instant;
import java.util.UUID;

/**
 * Runs a member's tier review when it falls due ({@link TierService#REVIEW}), in a unit of its own rather than the
 * scheduler's: the review moves the member's next review (the same work, rescheduled), which the scheduler's unit
 * would take for a lost lease and roll back. The payload names the review's moment: a review the member is no longer
 * due (upgraded since, or run already by another node that took the work over after this node's lease ran out)
 * changes nothing. Two nodes running the same review at once are kept apart by the member's version: the loser's unit
 * fails with a retryable conflict, rolls back, and its retry finds the review done.
 */
final class TierReviewHandler implements DueWorkHandler {
    private final DomainContext context;

    TierReviewHandler(DomainContext context) {
        this.context = context;
    }

    @Override
    public boolean runsInUnit() {
        return false;
    }

    @Override
    public void handle(DueWork work) {
        new StoredTiers(context, work.tenantId()).review(UUID.fromString(work.key()), Instant.parse(work.payload()));
    }
}
