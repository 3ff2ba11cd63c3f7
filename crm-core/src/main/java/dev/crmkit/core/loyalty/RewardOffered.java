package dev.crmkit.core.loyalty;

import dev.crmkit.core.common.EventType;
import java.time.Instant;
import java.util.UUID;

/** A reward was added to the catalogue at version 1 ({@code stock} null: no limit). A retry records nothing. */
@EventType("loyalty.reward.offered")
public record RewardOffered(String tenantId, UUID rewardId, String code, long points, Instant validFrom,
        Instant validUntil, Long stock, Instant occurredAt) implements RewardEvent {
}
