package dev.crmkit.core.ticket;

import dev.crmkit.core.common.EventType;
import dev.crmkit.model.ticket.MilestoneKind;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/**
 * A running milestone reached its due time without being completed: recorded once per milestone, when the due work
 * at its due time runs (so {@code occurredAt} is at or a little after {@code dueAt}).
 *
 * @param tenantId    the tenant
 * @param ticketId    the ticket
 * @param customerId  the ticket's customer
 * @param milestoneId the milestone
 * @param kind        which milestone
 * @param target      the business time it allowed
 * @param dueAt       when it was due
 * @param occurredAt  when the breach was recorded
 */
@EventType("ticket.milestone-breached")
public record TicketMilestoneBreached(String tenantId, UUID ticketId, UUID customerId, UUID milestoneId,
        MilestoneKind kind, Duration target, Instant dueAt, Instant occurredAt) implements EscalationEvent {
}
