package dev.crmkit.core.ticket;

import dev.crmkit.core.common.DomainEvent;

/**
 * The domain events of ticket routing, recorded in the outbox in the unit that routed or queued the ticket, after the
 * ticket's own {@code ticket.assigned}. They are events of the ticket's aggregate ({@code ticket}), so they reach
 * listeners in order with the ticket's other events. Payloads carry ids, counts and times only.
 */
public sealed interface RoutingEvent extends DomainEvent permits TicketRouted, TicketRoutingQueued {
    /** The ticket the event is about. */
    java.util.UUID ticketId();

    /** The ticket's customer. */
    java.util.UUID customerId();

    @Override
    default String aggregateType() {
        return TicketEvent.TICKET;
    }

    @Override
    default String aggregateId() {
        return ticketId().toString();
    }
}
