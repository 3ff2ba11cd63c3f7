package dev.crmkit.core.ticket;

import dev.crmkit.core.common.EventType;
import dev.crmkit.model.ticket.TicketState;
import java.time.Instant;
import java.util.UUID;

/**
 * A ticket moved from one state to another by work on it: taken up, waiting on the customer or a third party,
 * resumed, resolved or closed. Reopening and merging have events of their own.
 *
 * @param tenantId   the tenant
 * @param ticketId   the ticket
 * @param customerId the ticket's customer
 * @param from       the state before
 * @param to         the state now
 * @param occurredAt when it moved
 */
@EventType("ticket.state-changed")
public record TicketStateChanged(String tenantId, UUID ticketId, UUID customerId, TicketState from, TicketState to,
        Instant occurredAt) implements TicketEvent {
}
