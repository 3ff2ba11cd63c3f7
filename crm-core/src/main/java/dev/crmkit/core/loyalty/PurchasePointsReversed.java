package dev.crmkit.core.loyalty;

import dev.crmkit.core.common.EventType;
import java.time.Instant;
import java.util.UUID;

/**
 * A return took back what its lines had earned: pending points cancelled ({@code qualifyingCancelled},
 * {@code redeemableCancelled}), or posted points reversed from the balances ({@code qualifyingReversed},
 * {@code redeemableReversed}) and, where the member had spent them, the rest recorded as owed ({@code qualifyingOwed},
 * {@code redeemableOwed}), which later purchase accruals pay off. {@code returnId} is null when pending points lapsed
 * because the membership was closed before they posted.
 */
@EventType("loyalty.membership.purchase-points-reversed")
public record PurchasePointsReversed(String tenantId, UUID membershipId, UUID customerId, UUID accrualId,
        UUID purchaseId, UUID returnId, long qualifyingCancelled, long redeemableCancelled, long qualifyingReversed,
        long redeemableReversed, long qualifyingOwed, long redeemableOwed, long qualifyingBalance,
        long redeemableBalance, Instant occurredAt) implements AccrualEvent {
}
