package dev.crmkit.core.loyalty;

import dev.crmkit.core.common.EventType;
import java.time.Instant;
import java.util.UUID;

/**
 * The points a purchase earned became available: when its return window passed, or at once for a purchase whose
 * window had passed when it was recorded. What the member owed from earlier returns was paid off first
 * ({@code qualifyingPaidOff}, {@code redeemablePaidOff}); the rest was added to the balances.
 */
@EventType("loyalty.membership.purchase-points-posted")
public record PurchasePointsPosted(String tenantId, UUID membershipId, UUID customerId, UUID accrualId,
        UUID purchaseId, long qualifyingPoints, long redeemablePoints, long qualifyingPaidOff, long redeemablePaidOff,
        long qualifyingBalance, long redeemableBalance, Instant occurredAt) implements AccrualEvent {
}
