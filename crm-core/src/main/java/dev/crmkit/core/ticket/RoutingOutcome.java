package dev.crmkit.core.ticket;

import java.util.UUID;

/**
 * What routing did with a ticket: gave it to {@code agentId}, or (with {@code agentId} null) left it waiting in the
 * routing queue because no agent could take it.
 *
 * @param ticket  the ticket as stored after routing
 * @param agentId the agent routing gave it to, or null when it waits
 */
public record RoutingOutcome(Ticket ticket, UUID agentId) {
    /** Whether an agent was found; false when the ticket waits in the routing queue. */
    public boolean routed() {
        return agentId != null;
    }
}
