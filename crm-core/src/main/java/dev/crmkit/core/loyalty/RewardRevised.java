package dev.crmkit.core.loyalty;

import dev.crmkit.core.common.EventType;
import java.time.Instant;
import java.util.UUID;

/** A reward's terms were replaced at {@code version} ({@code stock} null: no limit). A retry records nothing. */
@EventType("loyalty.reward.revised")
public record RewardRevised(String tenantId, UUID rewardId, String code, long version, long points,
        Instant validFrom, Instant validUntil, Long stock, Instant occurredAt) implements RewardEvent {
}
