package dev.crmkit.core.loyalty;

import dev.crmkit.core.module.DomainContext;
import dev.crmkit.core.scheduling.DueWork;
import dev.crmkit.core.scheduling.DueWorkHandler;
import java.util.UUID;

/**
 * Lets a lot of points expire when its fixed expiry falls due: due work of kind {@link LoyaltyService#LOT_EXPIRY_DUE},
 * keyed by the lot's ledger entry, the membership in the payload, run in the unit that completes the work. Run twice
 * (a lease ran out on a slow node), the second run finds the expiry's key taken and does nothing; run at once on two
 * nodes, the scheduler's lease, the membership's version and the expiry's unique key each let one unit commit.
 */
final class LotExpiryHandler implements DueWorkHandler {
    private final DomainContext context;

    LotExpiryHandler(DomainContext context) {
        this.context = context;
    }

    @Override
    public void handle(DueWork work) {
        new PointsExpiry(context, work.tenantId(), ExpiryNoticeSettings.none())
                .expireLot(UUID.fromString(work.payload()),
                UUID.fromString(work.key()));
    }
}
