package dev.crmkit.core.module;

import dev.crmkit.core.common.DomainEvent;
import java.util.List;

/**
 * Records domain events in the transactional outbox. Call it inside the service's unit, after the change: the events
 * commit or roll back with it. Each event is written under its {@link dev.crmkit.core.common.EventType type name and
 * schema version}, its payload the event record as JSON.
 */
public interface EventLog {
    /**
     * Appends the events, in order, to the outbox of the current unit.
     *
     * @throws IllegalStateException when an event's class was not registered by any domain: a programming error of
     *     the domain, not bad input
     */
    void record(List<? extends DomainEvent> events);

    /** Appends one event to the outbox of the current unit. */
    default void record(DomainEvent event) {
        record(List.of(event));
    }
}
