package dev.crmkit.core.loyalty;

import dev.crmkit.core.module.DomainContext;
import dev.crmkit.core.scheduling.DueWork;
import dev.crmkit.core.scheduling.DueWorkHandler;
import java.util.UUID;

/**
 * Lets a member's points expire after the months of an activity-based policy without activity: due work of kind
 * {@link LoyaltyService#INACTIVITY_EXPIRY_DUE}, keyed by the membership. It runs in a unit of its own rather than the
 * scheduler's, because when the member turns out to be due later (the policy's months were lengthened) it moves the
 * same work on, which the scheduler's unit would take for a lost lease and roll back. Two nodes running it at once are
 * kept apart by the membership's version and the expiry's unique key (derived from the last activity): the loser's unit
 * fails and rolls back, and its retry finds the points expired.
 */
final class InactivityExpiryHandler implements DueWorkHandler {
    private final DomainContext context;

    InactivityExpiryHandler(DomainContext context) {
        this.context = context;
    }

    @Override
    public boolean runsInUnit() {
        return false;
    }

    @Override
    public void handle(DueWork work) {
        context.storage().transactions().run(() -> new PointsExpiry(context, work.tenantId(),
                ExpiryNoticeSettings.none())
                .expireInactive(UUID.fromString(work.key())));
    }
}
