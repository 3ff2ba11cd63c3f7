package dev.crmkit.core.ticket;

import dev.crmkit.core.common.EventType;
import dev.crmkit.model.ticket.TicketState;
import java.time.Instant;
import java.util.UUID;

/**
 * The customer replied on the ticket: a ticket waiting on the customer is open again (its clocks resume), and a
 * next-response milestone starts when no response is due yet.
 *
 * @param tenantId   the tenant
 * @param ticketId   the ticket
 * @param customerId the ticket's customer
 * @param from       the state before the reply
 * @param to         the state after it: {@code OPEN} when it waited on the customer, else as before
 * @param occurredAt when the reply came
 */
@EventType("ticket.customer-replied")
public record TicketCustomerReplied(String tenantId, UUID ticketId, UUID customerId, TicketState from,
        TicketState to, Instant occurredAt) implements TicketEvent {
}
