package dev.crmkit.core.ticket;

import dev.crmkit.core.common.EventType;
import dev.crmkit.model.ticket.MilestoneKind;
import dev.crmkit.model.ticket.TicketPriority;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A step of the tenant's escalation policy ran for a ticket's milestone, once per milestone and step; the events of
 * what its actions did follow it ({@code ticket.priority-changed}, {@code ticket.assigned},
 * {@code ticket.escalation-notified}).
 *
 * @param tenantId     the tenant
 * @param ticketId     the ticket
 * @param customerId   the ticket's customer
 * @param milestoneId  the milestone
 * @param kind         which milestone
 * @param priority     the ticket's priority when the step ran (the one the step was chosen for)
 * @param beforeBreach how long before the due time the step ran; zero at breach
 * @param dueAt        the milestone's due time
 * @param actions      the names of the step's actions, in order
 * @param occurredAt   when the step ran
 */
@EventType("ticket.escalated")
public record TicketEscalated(String tenantId, UUID ticketId, UUID customerId, UUID milestoneId, MilestoneKind kind,
        TicketPriority priority, Duration beforeBreach, Instant dueAt, List<String> actions, Instant occurredAt)
        implements EscalationEvent {
    /** Copies the action names. */
    public TicketEscalated {
        actions = List.copyOf(actions);
    }
}
