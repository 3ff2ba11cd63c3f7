package dev.crmkit.core.ticket;

import dev.crmkit.core.common.EventType;
import dev.crmkit.model.ticket.MilestoneKind;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/**
 * The clock of an open milestone was paused (the ticket waits on the customer), resumed, or given another target (the
 * ticket's priority changed), so its due time moved.
 *
 * @param tenantId    the tenant
 * @param ticketId    the ticket
 * @param customerId  the ticket's customer
 * @param milestoneId the milestone
 * @param kind        which milestone
 * @param change      what happened to it
 * @param target      the business time allowed now
 * @param dueAt       when the target is reached if the clock keeps running; null while it is paused
 * @param breached    whether it was past its target by then
 * @param occurredAt  when it changed
 */
@EventType("ticket.milestone-changed")
public record TicketMilestoneChanged(String tenantId, UUID ticketId, UUID customerId, UUID milestoneId,
        MilestoneKind kind, MilestoneChange change, Duration target, Instant dueAt, boolean breached,
        Instant occurredAt) implements TicketEvent {
}
