package dev.crmkit.core.ticket;

import dev.crmkit.spi.ticket.SurveyResponseRecord;
import java.time.Instant;
import java.util.UUID;

/**
 * A customer's answer to the satisfaction survey of one ticket.
 *
 * @param id         the response's id
 * @param ticketId   the ticket rated
 * @param customerId the ticket's customer when it was answered
 * @param agentId    the team member the ticket was assigned to when it was answered, or null
 * @param teamId     that member's team then, or null
 * @param score      from 1 (very dissatisfied) to 5 (very satisfied)
 * @param comment    the customer's words, or null; personal data
 * @param answeredAt when the customer answered
 */
public record SurveyResponse(UUID id, UUID ticketId, UUID customerId, UUID agentId, UUID teamId, int score,
        String comment, Instant answeredAt) {

    static SurveyResponse of(SurveyResponseRecord r) {
        return new SurveyResponse(r.id(), r.ticketId(), r.customerId(), r.agentId(), r.teamId(), r.score(),
                r.comment(), r.answeredAt());
    }
}
