package dev.crmkit.core.ticket;

import dev.crmkit.core.common.EventType;
import java.time.Instant;
import java.util.UUID;

/**
 * A ticket was assigned to a team member (or to another one).
 *
 * @param tenantId           the tenant
 * @param ticketId           the ticket
 * @param customerId         the ticket's customer
 * @param assigneeId         the team member it is assigned to now
 * @param previousAssigneeId the team member it was assigned to before, or null
 * @param occurredAt         when it was assigned
 */
@EventType("ticket.assigned")
public record TicketAssigned(String tenantId, UUID ticketId, UUID customerId, UUID assigneeId,
        UUID previousAssigneeId, Instant occurredAt) implements TicketEvent {
}
