package dev.crmkit.core.messaging;

import dev.crmkit.core.common.EventType;
import dev.crmkit.model.message.ChannelKind;
import java.time.Instant;
import java.util.UUID;

/**
 * A message failed for good, for {@code reasonCode} (such as {@code invalid-address}, or null) after {@code attempts}
 * hand-overs: its channel refused it, every attempt failed, or the provider reported it undeliverable.
 */
@EventType("message.failed")
public record MessageFailed(
        String tenantId, UUID messageId, UUID customerId, ChannelKind kind, String origin, UUID originId,
        String reasonCode, int attempts, Instant occurredAt) implements MessageEvent {
}
