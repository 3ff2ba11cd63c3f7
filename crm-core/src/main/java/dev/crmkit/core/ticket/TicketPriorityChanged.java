package dev.crmkit.core.ticket;

import dev.crmkit.core.common.EventType;
import dev.crmkit.model.ticket.TicketPriority;
import java.time.Instant;
import java.util.UUID;

/**
 * A ticket's priority changed after it was opened.
 *
 * @param tenantId         the tenant
 * @param ticketId         the ticket
 * @param customerId       the ticket's customer
 * @param previousPriority the priority before
 * @param priority         the priority now
 * @param override         whether an agent chose it over what the rules gave (true for
 *                         {@link TicketService#changePriority}; false for an escalation step raising it)
 * @param agentId          the team member who changed it; null for an escalation ({@code override} false)
 * @param reasonCode       why, as a code ({@code customer-escalated}), never free text
 * @param occurredAt       when it changed
 */
@EventType("ticket.priority-changed")
public record TicketPriorityChanged(String tenantId, UUID ticketId, UUID customerId, TicketPriority previousPriority,
        TicketPriority priority, boolean override, UUID agentId, String reasonCode, Instant occurredAt)
        implements TicketEvent {
}
