package dev.crmkit.core.messaging;

import dev.crmkit.core.common.EventType;
import dev.crmkit.model.message.ChannelKind;
import java.time.Instant;
import java.util.UUID;

/** A queued message was called off before it was handed to its channel. */
@EventType("message.cancelled")
public record MessageCancelled(
        String tenantId, UUID messageId, UUID customerId, ChannelKind kind, String origin, UUID originId,
        Instant occurredAt) implements MessageEvent {
}
