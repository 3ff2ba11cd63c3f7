package dev.crmkit.core.loyalty;

import dev.crmkit.core.common.EventType;
import java.time.Instant;
import java.util.UUID;

/**
 * A redemption took {@code quantity} of a reward with a stock, leaving {@code stockLeft}, in the unit that posted the
 * ledger entry {@code entryId} of the membership. Rewards without a stock limit record no such event (the
 * membership's {@code loyalty.membership.points-posted} tells of the redemption).
 */
@EventType("loyalty.reward.redeemed")
public record RewardRedeemed(String tenantId, UUID rewardId, String code, int quantity, long stockLeft,
        UUID membershipId, UUID entryId, Instant occurredAt) implements RewardEvent {
}
