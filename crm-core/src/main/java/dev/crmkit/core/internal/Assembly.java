package dev.crmkit.core.internal;

import dev.crmkit.core.common.DomainEvent;
import dev.crmkit.core.common.IdGenerator;
import dev.crmkit.core.event.EventCatalog;
import dev.crmkit.core.module.CustomerDataPart;
import dev.crmkit.core.module.DomainContext;
import dev.crmkit.core.module.DomainModule;
import dev.crmkit.core.module.DomainSetup;
import dev.crmkit.core.module.EventReaction;
import dev.crmkit.core.module.TenantServiceFactory;
import dev.crmkit.core.module.TenantServices;
import dev.crmkit.core.port.EventListener;
import dev.crmkit.core.scheduling.DueWorkHandler;
import dev.crmkit.model.Checks;
import dev.crmkit.model.ValidationException;
import dev.crmkit.spi.Storage;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The registered domains of one {@code Crm}, installed: their context, services, due-work handlers, event catalogue and
 * reactions. Made once by {@code Crm.builder().build()}; immutable afterwards.
 */
public final class Assembly {
    private final List<String> moduleNames = new ArrayList<>();
    private final RegisteredEvents events = new RegisteredEvents();
    private final StandardDomainContext context;
    private final Map<Class<?>, Registered<?>> services = new HashMap<>();
    private final Map<String, DueWorkHandler> dueWork = new LinkedHashMap<>();
    private final TypedReactions reactions = new TypedReactions(events);

    private Assembly(Storage storage, Clock clock, IdGenerator ids, String defaultPhoneRegion) {
        this.context = new StandardDomainContext(storage, clock, ids,
                new OutboxEventLog(storage.outbox(), ids, events), defaultPhoneRegion);
    }

    /**
     * Installs the modules, in the order given (see {@link Modules#resolve}).
     *
     * @throws ValidationException naming the clash when two domains register the same service type, due-work kind or
     *     event type name, or a registration is malformed
     */
    public static Assembly install(Storage storage, Clock clock, IdGenerator ids, String defaultPhoneRegion,
            List<DomainModule> modules) {
        Assembly assembly = new Assembly(storage, clock, ids, defaultPhoneRegion);
        for (DomainModule module : modules) {
            module.install(assembly.new Setup(module.name()));
            assembly.moduleNames.add(module.name());
        }
        return assembly;
    }

    /** The names of the installed domains, in installation order. */
    public List<String> moduleNames() {
        return List.copyOf(moduleNames);
    }

    /** The context the domains were built from. */
    public DomainContext context() {
        return context;
    }

    /** Every event type the domains registered. */
    public EventCatalog events() {
        return events;
    }

    /** The due-work handlers by kind. */
    public Map<String, DueWorkHandler> dueWorkHandlers() {
        return Map.copyOf(dueWork);
    }

    /** The domains' event reactions as one listener for the relay, reaching each tenant's services through {@code tenants}. */
    public EventListener reactions(Function<String, TenantServices> tenants) {
        return event -> reactions.dispatch(event, tenants);
    }

    /** The service types the domains offer per tenant. */
    public java.util.Set<Class<?>> serviceTypes() {
        return java.util.Set.copyOf(services.keySet());
    }

    /** The factory of a service type and the domain offering it, if any domain does. */
    public <S> Optional<TenantServiceFactory<S>> factory(Class<S> type) {
        @SuppressWarnings("unchecked")
        Registered<S> registered = (Registered<S>) services.get(type);
        return registered == null ? Optional.empty() : Optional.of(registered.factory());
    }

    private record Registered<S>(String domain, TenantServiceFactory<S> factory) {
    }

    /** What one module registers through, tagged with its name for the messages of clashes. */
    private final class Setup implements DomainSetup {
        private final String domain;

        Setup(String domain) {
            this.domain = domain;
        }

        @Override
        public DomainContext context() {
            return context;
        }

        @Override
        public <S> void service(Class<S> type, TenantServiceFactory<S> factory) {
            Checks.required("type", type);
            Checks.required("factory", factory);
            Registered<?> earlier = services.get(type);
            if (earlier != null) {
                throw new ValidationException("type", type.getName() + " is offered by the " + earlier.domain()
                        + " domain already; the " + domain + " domain cannot offer it too");
            }
            services.put(type, new Registered<>(domain, factory));
        }

        @Override
        public void dueWork(String kind, DueWorkHandler handler) {
            Checks.text("kind", kind, 100);
            Checks.required("handler", handler);
            if (dueWork.containsKey(kind)) {
                throw new ValidationException("kind", "the due-work kind " + kind + " has a handler already; the "
                        + domain + " domain cannot handle it too");
            }
            dueWork.put(kind, handler);
        }

        @Override
        public void events(Class<? extends DomainEvent> type) {
            Checks.required("events", type);
            events.register(domain, type);
        }

        @Override
        public <E extends DomainEvent> void on(Class<E> type, EventReaction<E> reaction) {
            Checks.required("type", type);
            Checks.required("reaction", reaction);
            reactions.add(type, reaction);
        }

        @Override
        public void customerDataPart(CustomerDataPart part) {
            context.addCustomerDataPart(Checks.required("part", part));
        }
    }
}
