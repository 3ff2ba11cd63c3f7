package dev.crmkit.core.loyalty;

import dev.crmkit.core.common.EventType;
import java.time.Instant;
import java.util.UUID;

/** A review found a member still reaching their tier: they keep it until the next review at {@code reviewAt}. */
@EventType("loyalty.tier.retained")
public record TierRetained(String tenantId, UUID membershipId, UUID customerId, String tier, long measure,
        long schemeVersion, Instant reviewAt, Instant occurredAt) implements MemberTierEvent {
}
