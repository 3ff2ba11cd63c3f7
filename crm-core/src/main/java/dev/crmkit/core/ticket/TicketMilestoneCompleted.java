package dev.crmkit.core.ticket;

import dev.crmkit.core.common.EventType;
import dev.crmkit.model.ticket.MilestoneKind;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/**
 * A milestone of a ticket was reached: the response was given, or the ticket was resolved (or merged into another).
 *
 * @param tenantId    the tenant
 * @param ticketId    the ticket
 * @param customerId  the ticket's customer
 * @param milestoneId the milestone
 * @param kind        which milestone
 * @param elapsed     the business time it took, pauses left out
 * @param breached    whether it was reached after its target
 * @param occurredAt  when it was reached
 */
@EventType("ticket.milestone-completed")
public record TicketMilestoneCompleted(String tenantId, UUID ticketId, UUID customerId, UUID milestoneId,
        MilestoneKind kind, Duration elapsed, boolean breached, Instant occurredAt) implements TicketEvent {
}
