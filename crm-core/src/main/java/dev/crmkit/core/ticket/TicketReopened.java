package dev.crmkit.core.ticket;

import dev.crmkit.core.common.EventType;
import dev.crmkit.model.ticket.TicketState;
import java.time.Instant;
import java.util.UUID;

/**
 * A resolved or closed ticket was reopened within the tenant's window and is open again.
 *
 * @param tenantId   the tenant
 * @param ticketId   the ticket
 * @param customerId the ticket's customer
 * @param from       the state it was reopened from: {@code RESOLVED} or {@code CLOSED}
 * @param resolvedAt when it had been resolved
 * @param occurredAt when it was reopened
 */
@EventType("ticket.reopened")
public record TicketReopened(String tenantId, UUID ticketId, UUID customerId, TicketState from, Instant resolvedAt,
        Instant occurredAt) implements TicketEvent {
}
