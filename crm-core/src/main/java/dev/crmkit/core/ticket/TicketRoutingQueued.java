package dev.crmkit.core.ticket;

import dev.crmkit.core.common.EventType;
import java.time.Instant;
import java.util.UUID;

/**
 * No agent could take a ticket when it was routed, so it waits in the routing queue until
 * {@link TicketRouting#routeWaiting} finds one. Recorded once per stay in the queue, and again when the ticket is passed
 * on to wait for another team.
 *
 * @param tenantId   the tenant
 * @param ticketId   the ticket
 * @param customerId the ticket's customer
 * @param teamId     the team it waits for, or null for any team
 * @param matching   how many available members matched its role, team, skills and language (all of them out of
 *                   their working hours or at capacity)
 * @param occurredAt when it started waiting
 */
@EventType("ticket.routing-queued")
public record TicketRoutingQueued(String tenantId, UUID ticketId, UUID customerId, UUID teamId, int matching,
        Instant occurredAt) implements RoutingEvent {
}
