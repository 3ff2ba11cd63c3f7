package dev.crmkit.core.common;

import dev.crmkit.spi.outbox.OutboxEvent;
import dev.crmkit.spi.outbox.OutboxStore;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes domain events to the outbox. Call it inside the service's transaction, after the change: the event
 * then commits or rolls back with the change.
 */
public final class EventRecorder {
    private final OutboxStore outbox;
    private final IdGenerator ids;
    private final JsonMapper json;

    public EventRecorder(OutboxStore outbox, IdGenerator ids, JsonMapper json) {
        this.outbox = outbox;
        this.ids = ids;
        this.json = json;
    }

    /** Appends the events, in order, to the outbox of the current transaction. */
    public void record(List<? extends DomainEvent> events) {
        if (events.isEmpty()) {
            return;
        }
        List<OutboxEvent> rows = new ArrayList<>(events.size());
        for (DomainEvent event : events) {
            rows.add(OutboxEvent.of(event.tenantId(), ids.next(), event.aggregateType(), event.aggregateId(),
                    event.getClass().getSimpleName(), json.writeValueAsString(event), event.occurredAt()));
        }
        outbox.append(rows);
    }

    /** Appends one event to the outbox of the current transaction. */
    public void record(DomainEvent event) {
        record(List.of(event));
    }
}
