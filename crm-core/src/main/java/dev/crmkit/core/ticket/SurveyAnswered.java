package dev.crmkit.core.ticket;

import dev.crmkit.core.common.DomainEvent;
import dev.crmkit.core.common.EventType;
import java.time.Instant;
import java.util.UUID;

/**
 * A customer answered the satisfaction survey of a resolved ticket. The comment, the customer's own words, stays in
 * the database: the event says only whether there is one. Its aggregate is the ticket under
 * {@value #SATISFACTION}, so a ticket's survey events are delivered in order.
 *
 * @param tenantId   the tenant
 * @param ticketId   the ticket rated
 * @param responseId the stored response
 * @param customerId the ticket's customer
 * @param agentId    the team member the ticket was assigned to, or null
 * @param teamId     that member's team, or null
 * @param score      from 1 (very dissatisfied) to 5 (very satisfied)
 * @param commented  whether the customer left a comment
 * @param occurredAt when the customer answered
 */
@EventType("ticket.satisfaction.answered")
public record SurveyAnswered(String tenantId, UUID ticketId, UUID responseId, UUID customerId, UUID agentId,
        UUID teamId, int score, boolean commented, Instant occurredAt) implements DomainEvent {
    /** The aggregate type of satisfaction-survey events. */
    public static final String SATISFACTION = "ticket.satisfaction";

    @Override
    public String aggregateType() {
        return SATISFACTION;
    }

    @Override
    public String aggregateId() {
        return ticketId.toString();
    }
}
