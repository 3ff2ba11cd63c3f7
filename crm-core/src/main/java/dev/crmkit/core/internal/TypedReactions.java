package dev.crmkit.core.internal;

import dev.crmkit.core.common.DomainEvent;
import dev.crmkit.core.event.EventDefinition;
import dev.crmkit.core.module.EventReaction;
import dev.crmkit.core.module.TenantServices;
import dev.crmkit.core.port.PublishedEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The domains' reactions, by event class: the relay hands every published event here, and the ones some domain reacts
 * to are decoded into their records and passed on. The event class is resolved when the first event arrives, so a
 * domain may react to the events of a domain installed after it.
 */
final class TypedReactions {
    private static final Logger LOG = LoggerFactory.getLogger(TypedReactions.class);

    private final RegisteredEvents events;
    private final Map<Class<?>, List<EventReaction<?>>> byClass = new ConcurrentHashMap<>();

    TypedReactions(RegisteredEvents events) {
        this.events = events;
    }

    <E extends DomainEvent> void add(Class<E> type, EventReaction<E> reaction) {
        byClass.computeIfAbsent(type, t -> new ArrayList<>()).add(reaction);
    }

    void dispatch(PublishedEvent published, Function<String, TenantServices> tenants) {
        Optional<EventDefinition> definition = events.find(published.type());
        if (definition.isEmpty()) {
            return;
        }
        List<EventReaction<?>> reactions = byClass.get(definition.get().javaType());
        if (reactions == null) {
            return;
        }
        Optional<DomainEvent> event = events.decode(published);
        if (event.isEmpty()) {
            LOG.warn("Event {} is of {} version {}, which this release does not read (it reads version {});"
                    + " its reactions are skipped", published.id(), published.type(), published.schemaVersion(),
                    definition.get().version());
            return;
        }
        TenantServices tenant = tenants.apply(published.tenantId());
        for (EventReaction<?> reaction : reactions) {
            react(reaction, event.get(), tenant);
        }
    }

    @SuppressWarnings("unchecked")
    private static <E extends DomainEvent> void react(EventReaction<E> reaction, DomainEvent event,
            TenantServices tenant) {
        reaction.react((E) event, tenant);
    }
}
