package dev.crmkit.core.loyalty;

import dev.crmkit.core.common.EventType;
import java.time.Instant;
import java.util.UUID;

/**
 * A member reached a higher tier ({@code fromTier} null: their first), by a posting or at a review, on
 * {@code measure} under the scheme at {@code schemeVersion}; it is reviewed at {@code reviewAt}.
 */
@EventType("loyalty.tier.upgraded")
public record TierUpgraded(String tenantId, UUID membershipId, UUID customerId, String fromTier, String toTier,
        long measure, long schemeVersion, Instant reviewAt, Instant occurredAt) implements MemberTierEvent {
}
