package dev.crmkit.core.loyalty;

import dev.crmkit.core.common.EventType;
import java.time.Instant;
import java.util.UUID;

/**
 * A review found a member below their tier: they now hold {@code toTier} (null: none) on {@code measure} under the
 * scheme at {@code schemeVersion}, reviewed again at {@code reviewAt} (null without a tier).
 */
@EventType("loyalty.tier.downgraded")
public record TierDowngraded(String tenantId, UUID membershipId, UUID customerId, String fromTier, String toTier,
        long measure, long schemeVersion, Instant reviewAt, Instant occurredAt) implements MemberTierEvent {
}
