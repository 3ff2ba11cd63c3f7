package dev.crmkit.core.loyalty;

import dev.crmkit.core.common.EventType;
import java.time.Instant;
import java.util.UUID;

/**
 * A customer merge closed this membership and moved the points a purchase earned it, still pending, to the survivor's
 * membership {@code toMembershipId} in the same programme: this accrual is cancelled and {@code movedAccrualId} holds
 * the points there, pending until the same {@code availableAt} (the survivor's membership records a
 * {@code loyalty.membership.points-pending} for it). What returns took back before the merge is not moved.
 */
@EventType("loyalty.membership.pending-points-moved")
public record PendingPointsMoved(String tenantId, UUID membershipId, UUID customerId, UUID accrualId,
        UUID toMembershipId, UUID movedAccrualId, UUID purchaseId, long qualifyingPoints, long redeemablePoints,
        Instant availableAt, Instant occurredAt) implements AccrualEvent {
}
