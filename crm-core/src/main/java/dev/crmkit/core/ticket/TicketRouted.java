package dev.crmkit.core.ticket;

import dev.crmkit.core.common.EventType;
import java.time.Instant;
import java.util.UUID;

/**
 * Routing gave a ticket to an agent: available, at work, with the skills and language the ticket needs and room left
 * under the agent's capacity.
 *
 * @param tenantId        the tenant
 * @param ticketId        the ticket
 * @param customerId      the ticket's customer
 * @param agentId         the team member it was routed to
 * @param previousAgentId the team member it was assigned to before (a ticket passed on to another team), or null
 * @param teamId          the team it was routed within, or null for any team
 * @param openTickets     the agent's active tickets with this one
 * @param capacity        the agent's capacity when it was routed
 * @param waitedSince     when it started waiting in the routing queue, or null when it was routed at once
 * @param occurredAt      when it was routed
 */
@EventType("ticket.routed")
public record TicketRouted(String tenantId, UUID ticketId, UUID customerId, UUID agentId, UUID previousAgentId,
        UUID teamId, int openTickets, int capacity, Instant waitedSince, Instant occurredAt) implements RoutingEvent {
}
