package dev.crmkit.core.ticket;

import dev.crmkit.core.common.DomainEvent;

/**
 * The domain events of service tickets, each recorded in the outbox in the transaction of its change. Payloads carry
 * ids, codes and times only: never the subject, the description, attachments or custom field values, which are the
 * customer's words. Every payload names the ticket's customer, so a customer's timeline can show it.
 */
public sealed interface TicketEvent extends DomainEvent permits TicketOpened, TicketAssigned, TicketStateChanged,
        TicketReopened, TicketMerged, TicketPriorityChanged, TicketResponded, TicketCustomerReplied,
        TicketMilestoneStarted, TicketMilestoneChanged, TicketMilestoneCompleted, TicketAcknowledged {

    /** The aggregate type of ticket events; all events of one ticket are delivered in order. */
    String TICKET = "ticket";

    /** The ticket the event is about. */
    java.util.UUID ticketId();

    /** The ticket's customer when the event occurred. */
    java.util.UUID customerId();

    @Override
    default String aggregateType() {
        return TICKET;
    }

    @Override
    default String aggregateId() {
        return ticketId().toString();
    }
}
