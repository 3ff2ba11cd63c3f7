package dev.crmkit.core.messaging;

import dev.crmkit.core.common.EventType;
import dev.crmkit.model.message.ChannelKind;
import java.time.Instant;
import java.util.UUID;

/** The provider reported that the recipient marked a message as unwanted at {@code complainedAt}. */
@EventType("message.complained")
public record MessageComplained(
        String tenantId, UUID messageId, UUID customerId, ChannelKind kind, String origin, UUID originId,
        Instant complainedAt, Instant occurredAt) implements MessageEvent {
}
