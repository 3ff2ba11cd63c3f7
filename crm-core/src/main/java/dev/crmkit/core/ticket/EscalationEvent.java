package dev.crmkit.core.ticket;

import dev.crmkit.core.common.DomainEvent;

/**
 * The domain events of a ticket's escalation: a milestone breached, a step of the escalation policy run, people to
 * notify. They belong to the ticket's aggregate ({@value TicketEvent#TICKET}), so they are delivered in order with
 * the ticket's other events; payloads carry ids, codes and times only.
 */
public sealed interface EscalationEvent extends DomainEvent permits TicketMilestoneBreached, TicketEscalated,
        TicketEscalationNotified {

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
