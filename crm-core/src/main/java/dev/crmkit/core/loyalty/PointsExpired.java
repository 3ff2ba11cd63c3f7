package dev.crmkit.core.loyalty;

import dev.crmkit.core.common.EventType;
import dev.crmkit.model.loyalty.ExpiryKind;
import java.time.Instant;
import java.util.UUID;

/**
 * Redeemable points expired: an {@link dev.crmkit.model.loyalty.LedgerEntryKind#EXPIRY} entry of minus
 * {@code redeemablePoints} was appended, under the programme's policy {@code policy}. {@code lotEntryId} names the
 * entry whose expiry this is: under {@link ExpiryKind#FIXED} the lot that fell due (what was left of it and of any
 * older lot), under {@link ExpiryKind#ACTIVITY} the member's last activity, after which nothing happened for the
 * policy's months. Each lot, and each last activity, expires once.
 */
@EventType("loyalty.membership.points-expired")
public record PointsExpired(String tenantId, UUID membershipId, UUID customerId, UUID entryId, UUID lotEntryId,
        ExpiryKind policy, long redeemablePoints, long redeemableBalance, Instant occurredAt) implements ExpiryEvent {
}
