package dev.crmkit.core.event;

import dev.crmkit.core.common.DomainEvent;
import dev.crmkit.core.port.PublishedEvent;
import java.util.List;
import java.util.Optional;

/**
 * Every event type the registered domains record: the public contract {@code docs/events.md} lists. A host's listener
 * may use it to turn a {@link PublishedEvent} back into its typed record instead of reading the JSON itself.
 */
public interface EventCatalog {
    /** Every registered event type, ordered by type name. */
    List<EventDefinition> definitions();

    /** The definition of a type name, or empty when no registered domain records it. */
    Optional<EventDefinition> find(String type);

    /** The definition of an event record class, or empty when it is not registered. */
    Optional<EventDefinition> find(Class<? extends DomainEvent> javaType);

    /**
     * The typed event a published one carries: empty when its type is not registered here or its schema version is
     * not the registered one (an event written by another release).
     *
     * @throws dev.crmkit.model.ValidationException ({@code payload}) when the payload does not fit the registered record
     */
    Optional<DomainEvent> decode(PublishedEvent event);
}
