package dev.crmkit.core.port;

import dev.crmkit.spi.outbox.OutboxEvent;
import java.time.Instant;
import java.util.UUID;

/**
 * A domain event as listeners receive it from the outbox relay: its id (the same on every redelivery, so a listener
 * can de-duplicate), tenant, the aggregate it is about, its stable type name (such as {@code follow-up.scheduled}) and
 * schema version, its JSON payload, when it happened, and its outbox sequence number, which increases with every event
 * of an aggregate. {@code docs/events.md} lists every type with its fields.
 */
public record PublishedEvent(
        UUID id,
        String tenantId,
        String aggregateType,
        String aggregateId,
        String type,
        int schemaVersion,
        String payload,
        Instant occurredAt,
        long sequence) {

    /** The published form of an outbox row. */
    public static PublishedEvent of(OutboxEvent event) {
        return new PublishedEvent(event.id(), event.tenantId(), event.aggregateType(), event.aggregateId(),
                event.type(), event.schemaVersion(), event.payload(), event.occurredAt(), event.sequence());
    }
}
