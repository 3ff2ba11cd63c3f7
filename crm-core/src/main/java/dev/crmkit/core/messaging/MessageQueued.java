package dev.crmkit.core.messaging;

import dev.crmkit.core.common.EventType;
import dev.crmkit.model.message.ChannelKind;
import java.time.Instant;
import java.util.UUID;

/** A message was queued for its channel, to go out at {@code notBefore} or as soon as its rate limit lets it. */
@EventType("message.queued")
public record MessageQueued(
        String tenantId, UUID messageId, UUID customerId, ChannelKind kind, String origin, UUID originId,
        Instant notBefore, Instant occurredAt) implements MessageEvent {
}
