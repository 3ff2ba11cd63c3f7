package dev.crmkit.core.ticket;

import dev.crmkit.core.common.EventType;
import dev.crmkit.model.ticket.MilestoneKind;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/**
 * A service-level milestone of a ticket started: its clock runs from now.
 *
 * @param tenantId    the tenant
 * @param ticketId    the ticket
 * @param customerId  the ticket's customer
 * @param milestoneId the milestone
 * @param kind        which milestone
 * @param target      the business time allowed, from the tenant's SLA policy
 * @param dueAt       when the target is reached if the clock keeps running
 * @param occurredAt  when it started
 */
@EventType("ticket.milestone-started")
public record TicketMilestoneStarted(String tenantId, UUID ticketId, UUID customerId, UUID milestoneId,
        MilestoneKind kind, Duration target, Instant dueAt, Instant occurredAt) implements TicketEvent {
}
