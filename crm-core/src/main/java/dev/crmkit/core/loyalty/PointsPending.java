package dev.crmkit.core.loyalty;

import dev.crmkit.core.common.EventType;
import java.time.Instant;
import java.util.UUID;

/**
 * A recorded purchase earned a member points that stay pending (not redeemable) until its return window passes at
 * {@code availableAt}; then they post, less what returns took back meanwhile.
 */
@EventType("loyalty.membership.points-pending")
public record PointsPending(String tenantId, UUID membershipId, UUID customerId, UUID accrualId, UUID purchaseId,
        long qualifyingPoints, long redeemablePoints, Instant availableAt, Instant occurredAt)
        implements AccrualEvent {
}
