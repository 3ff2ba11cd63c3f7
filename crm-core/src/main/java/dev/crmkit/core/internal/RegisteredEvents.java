package dev.crmkit.core.internal;

import dev.crmkit.core.common.DomainEvent;
import dev.crmkit.core.common.EventType;
import dev.crmkit.core.event.EventCatalog;
import dev.crmkit.core.event.EventDefinition;
import dev.crmkit.core.port.PublishedEvent;
import dev.crmkit.model.ValidationException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.ObjectWriter;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The event types the domains registered, and the one JSON form their payloads take. The mapper is CRMKit's own and
 * not configurable, because the payload is a public contract the golden files pin.
 */
public final class RegisteredEvents implements EventCatalog {
    /** Lower-case parts of letters, digits and '-', joined by '.': {@code customer.registered}. */
    static final Pattern TYPE_NAME = Pattern.compile("[a-z][a-z0-9-]*(\\.[a-z][a-z0-9-]*)+");

    private final JsonMapper json = JsonMapper.builder()
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .build();
    private final Map<String, EventDefinition> byType = new HashMap<>();
    private final Map<Class<?>, EventDefinition> byClass = new HashMap<>();
    /** A writer per event record, its serializer found once rather than on every event. */
    private final Map<Class<?>, ObjectWriter> writers = new HashMap<>();

    /**
     * Registers {@code type}, or every record a sealed interface permits, for {@code domain}.
     *
     * @throws ValidationException ({@code events}) for a record without {@link EventType}, a malformed name or
     *     version, or a name another record has
     */
    void register(String domain, Class<? extends DomainEvent> type) {
        Deque<Class<?>> pending = new ArrayDeque<>(List.of(type));
        while (!pending.isEmpty()) {
            Class<?> next = pending.pop();
            if (next.isSealed()) {
                pending.addAll(List.of(next.getPermittedSubclasses()));
            } else if (next.isRecord() && DomainEvent.class.isAssignableFrom(next)) {
                define(domain, next.asSubclass(DomainEvent.class));
            } else {
                throw new ValidationException("events", next.getName()
                        + " is neither an event record nor a sealed interface of event records");
            }
        }
    }

    private void define(String domain, Class<? extends DomainEvent> record) {
        EventType annotation = record.getAnnotation(EventType.class);
        if (annotation == null) {
            throw new ValidationException("events", record.getName() + " has no @EventType naming it");
        }
        String name = annotation.value();
        if (name.length() > 100 || !TYPE_NAME.matcher(name).matches()) {
            throw new ValidationException("events", record.getName() + " has the malformed type name '" + name
                    + "': lower-case parts of letters, digits and '-', joined by '.'");
        }
        if (annotation.version() < 1) {
            throw new ValidationException("events", record.getName() + " has a schema version below 1");
        }
        EventDefinition earlier = byType.get(name);
        if (earlier != null && !earlier.javaType().equals(record)) {
            throw new ValidationException("events", "the type name " + name + " of " + record.getName()
                    + " is taken by " + earlier.javaType().getName() + " of the " + earlier.domain() + " domain");
        }
        EventDefinition definition = new EventDefinition(name, annotation.version(), record, domain);
        byType.put(name, definition);
        byClass.put(record, definition);
        writers.put(record, json.writerFor(record));
    }

    /** The definition an event is recorded under; a programming error when its class was never registered. */
    EventDefinition definitionOf(DomainEvent event) {
        EventDefinition definition = byClass.get(event.getClass());
        if (definition == null) {
            throw new IllegalStateException("the event " + event.getClass().getName()
                    + " is not registered by any domain: register it with DomainSetup.events(...)");
        }
        return definition;
    }

    /** The event's payload. */
    String encode(DomainEvent event) {
        ObjectWriter writer = writers.get(event.getClass());
        return writer != null ? writer.writeValueAsString(event) : json.writeValueAsString(event);
    }

    @Override
    public List<EventDefinition> definitions() {
        List<EventDefinition> all = new ArrayList<>(byType.values());
        all.sort(Comparator.comparing(EventDefinition::type));
        return List.copyOf(all);
    }

    @Override
    public Optional<EventDefinition> find(String type) {
        return Optional.ofNullable(byType.get(type));
    }

    @Override
    public Optional<EventDefinition> find(Class<? extends DomainEvent> javaType) {
        return Optional.ofNullable(byClass.get(javaType));
    }

    @Override
    public Optional<DomainEvent> decode(PublishedEvent event) {
        EventDefinition definition = byType.get(event.type());
        if (definition == null || definition.version() != event.schemaVersion()) {
            return Optional.empty();
        }
        try {
            return Optional.of(json.readValue(event.payload(), definition.javaType()));
        } catch (JacksonException e) {
            throw new ValidationException("payload", "does not fit the registered " + event.type() + " version "
                    + definition.version() + " (" + e.getClass().getSimpleName() + ")");
        }
    }
}
