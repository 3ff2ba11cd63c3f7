package dev.crmkit.core.ticket;

import dev.crmkit.core.module.DomainModule;
import dev.crmkit.core.module.DomainSetup;
import dev.crmkit.spi.StorageCapability;
import dev.crmkit.spi.ticket.TicketStorage;
import dev.crmkit.spi.touchpoint.TouchPointStorage;
import java.util.Set;

/**
 * Tickets on the customer's timeline, and so on the 360-degree view: after each ticket event commits (a
 * {@link TicketEvent}, an {@link EscalationEvent} or a {@link RoutingEvent}), the outbox relay
 * hands it to this module's reaction, which records it as a service touch point of the ticket's customer
 * ({@code TicketTimeline}). Built on the ticket and touch-point domains through the event reactions every domain may
 * register; no hub names it. Registered by default; a host without touch points leaves it out.
 */
public final class TicketTimelineModule implements DomainModule {
    /** The domain's name. */
    public static final String NAME = "ticket.timeline";

    /** The module; it has no settings. */
    public TicketTimelineModule() {
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Set<String> requires() {
        return Set.of(TicketModule.NAME, "touchpoint");
    }

    @Override
    public Set<Class<? extends StorageCapability>> storageCapabilities() {
        return Set.of(TicketStorage.class, TouchPointStorage.class);
    }

    @Override
    public void install(DomainSetup setup) {
        for (Class<?> type : TicketEvent.class.getPermittedSubclasses()) {
            react(setup, type.asSubclass(TicketEvent.class));
        }
        for (Class<?> type : EscalationEvent.class.getPermittedSubclasses()) {
            reactToEscalation(setup, type.asSubclass(EscalationEvent.class));
        }
        for (Class<?> type : RoutingEvent.class.getPermittedSubclasses()) {
            reactToRouting(setup, type.asSubclass(RoutingEvent.class));
        }
    }

    private static <E extends TicketEvent> void react(DomainSetup setup, Class<E> type) {
        setup.on(type, TicketTimeline::record);
    }

    private static <E extends EscalationEvent> void reactToEscalation(DomainSetup setup, Class<E> type) {
        setup.on(type, (event, tenant) -> TicketTimeline.record(event, event.ticketId(), event.customerId(), tenant));
    }

    private static <E extends RoutingEvent> void reactToRouting(DomainSetup setup, Class<E> type) {
        setup.on(type, (event, tenant) -> TicketTimeline.record(event, event.ticketId(), event.customerId(), tenant));
    }
}
