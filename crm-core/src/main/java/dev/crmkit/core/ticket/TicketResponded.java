package dev.crmkit.core.ticket;

import dev.crmkit.core.common.EventType;
import java.time.Instant;
import java.util.UUID;

/**
 * An agent answered the customer publicly on the ticket: it completes the open first-response or next-response
 * milestone.
 *
 * @param tenantId   the tenant
 * @param ticketId   the ticket
 * @param customerId the ticket's customer
 * @param agentId    the team member who responded
 * @param occurredAt when the response was given
 */
@EventType("ticket.responded")
public record TicketResponded(String tenantId, UUID ticketId, UUID customerId, UUID agentId, Instant occurredAt)
        implements TicketEvent {
}
