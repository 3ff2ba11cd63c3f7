package dev.crmkit.core.ticket;

import java.time.Instant;
import java.util.UUID;

/**
 * A ticket in the routing queue, waiting for an agent.
 *
 * @param ticketId     the ticket
 * @param teamId       the team it waits for, or null for any agent its routing rules allow
 * @param assigneeId   the assignee it had when it started waiting (a ticket passed on to another team), or null
 * @param waitingSince when it started waiting
 */
public record WaitingTicket(UUID ticketId, UUID teamId, UUID assigneeId, Instant waitingSince) {
}
