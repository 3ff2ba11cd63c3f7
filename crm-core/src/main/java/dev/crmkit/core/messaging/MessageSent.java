package dev.crmkit.core.messaging;

import dev.crmkit.core.common.EventType;
import dev.crmkit.model.message.ChannelKind;
import java.time.Instant;
import java.util.UUID;

/** A message's channel accepted it, at its {@code attempt}-th hand-over; for a list kind, it is on its list. */
@EventType("message.sent")
public record MessageSent(
        String tenantId, UUID messageId, UUID customerId, ChannelKind kind, String origin, UUID originId,
        int attempt, Instant occurredAt) implements MessageEvent {
}
