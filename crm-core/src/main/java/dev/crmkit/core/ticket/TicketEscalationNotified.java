package dev.crmkit.core.ticket;

import dev.crmkit.core.common.EventType;
import dev.crmkit.model.ticket.MilestoneKind;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/**
 * An escalation step asks for people to be told that a ticket's milestone nears its breach or reached it: the host
 * consumes this event and sends the message through its channels, to the assignee, the team's lead or whoever its
 * rules say. Ids only; the host looks up names and addresses itself.
 *
 * @param tenantId       the tenant
 * @param ticketId       the ticket
 * @param customerId     the ticket's customer
 * @param milestoneId    the milestone
 * @param kind           which milestone
 * @param beforeBreach   how long before the due time the step ran; zero at breach
 * @param assigneeId     the ticket's assignee then, or null
 * @param assigneeTeamId the assignee's team, or null
 * @param occurredAt     when the step ran
 */
@EventType("ticket.escalation-notified")
public record TicketEscalationNotified(String tenantId, UUID ticketId, UUID customerId, UUID milestoneId,
        MilestoneKind kind, Duration beforeBreach, UUID assigneeId, UUID assigneeTeamId, Instant occurredAt)
        implements EscalationEvent {
}
