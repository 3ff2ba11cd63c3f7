package dev.crmkit.core.messaging;

import dev.crmkit.core.common.EventType;
import dev.crmkit.model.message.ChannelKind;
import java.time.Instant;
import java.util.UUID;

/** The provider reported a message delivered at {@code deliveredAt}. */
@EventType("message.delivered")
public record MessageDelivered(
        String tenantId, UUID messageId, UUID customerId, ChannelKind kind, String origin, UUID originId,
        Instant deliveredAt, Instant occurredAt) implements MessageEvent {
}
