package dev.crmkit.core.loyalty;

import dev.crmkit.core.module.DomainContext;
import dev.crmkit.core.scheduling.DueWork;
import dev.crmkit.core.scheduling.DueWorkHandler;
import java.util.UUID;

/**
 * Posts a purchase's pending points once its return window passed: due work of kind
 * {@link LoyaltyService#PENDING_POINTS_DUE}, keyed by the accrual's id, run in the unit that completes the work. Run
 * twice (a lease ran out on a slow node), the second run finds the accrual posted and does nothing; run at once on two
 * nodes, the accrual's and the membership's versions let one unit commit and roll the other back.
 */
final class PendingPointsHandler implements DueWorkHandler {
    private final DomainContext context;
    private final ExpiryNoticeSettings notices;

    PendingPointsHandler(DomainContext context, ExpiryNoticeSettings notices) {
        this.context = context;
        this.notices = notices;
    }

    @Override
    public void handle(DueWork work) {
        new PurchaseAccruals(context, work.tenantId(), notices).post(UUID.fromString(work.key()));
    }
}
