package dev.crmkit.core.messaging;

import dev.crmkit.core.common.EventType;
import dev.crmkit.model.message.ChannelKind;
import java.time.Instant;
import java.util.UUID;

/**
 * The provider reported that the address rejected a message at {@code bouncedAt}, for {@code reasonCode} (such as
 * {@code mailbox-full}, or null).
 */
@EventType("message.bounced")
public record MessageBounced(
        String tenantId, UUID messageId, UUID customerId, ChannelKind kind, String origin, UUID originId,
        String reasonCode, Instant bouncedAt, Instant occurredAt) implements MessageEvent {
}
