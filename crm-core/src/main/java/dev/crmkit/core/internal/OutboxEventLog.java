package dev.crmkit.core.internal;

import dev.crmkit.core.common.DomainEvent;
import dev.crmkit.core.common.IdGenerator;
import dev.crmkit.core.event.EventDefinition;
import dev.crmkit.core.module.EventLog;
import dev.crmkit.spi.outbox.OutboxEvent;
import dev.crmkit.spi.outbox.OutboxStore;
import java.util.ArrayList;
import java.util.List;

/** Records events in the storage's outbox under their registered type names and schema versions. */
final class OutboxEventLog implements EventLog {
    private final OutboxStore outbox;
    private final IdGenerator ids;
    private final RegisteredEvents events;

    OutboxEventLog(OutboxStore outbox, IdGenerator ids, RegisteredEvents events) {
        this.outbox = outbox;
        this.ids = ids;
        this.events = events;
    }

    @Override
    public void record(List<? extends DomainEvent> recorded) {
        if (recorded.isEmpty()) {
            return;
        }
        List<OutboxEvent> rows = new ArrayList<>(recorded.size());
        for (DomainEvent event : recorded) {
            EventDefinition definition = events.definitionOf(event);
            rows.add(OutboxEvent.of(event.tenantId(), ids.next(), event.aggregateType(), event.aggregateId(),
                    definition.type(), definition.version(), events.encode(event), event.occurredAt()));
        }
        outbox.append(rows);
    }
}
