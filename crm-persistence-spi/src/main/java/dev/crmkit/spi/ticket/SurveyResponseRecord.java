package dev.crmkit.spi.ticket;

import dev.crmkit.model.Checks;
import dev.crmkit.model.ValidationException;
import java.time.Instant;
import java.util.UUID;

/**
 * A customer's answer to the satisfaction survey of one ticket: a fact, stored once and never changed.
 *
 * @param tenantId   the tenant
 * @param id         the response's id
 * @param ticketId   the ticket it rates; a ticket has at most one response
 * @param customerId the ticket's customer
 * @param agentId    the team member the ticket was assigned to when it was answered, or null
 * @param teamId     that member's team when it was answered, or null
 * @param score      from {@link #MIN_SCORE} (very dissatisfied) to {@link #MAX_SCORE} (very satisfied)
 * @param comment    the customer's words, at most {@link #MAX_COMMENT} characters, or null; personal data
 * @param answeredAt when the customer answered
 */
public record SurveyResponseRecord(String tenantId, UUID id, UUID ticketId, UUID customerId, UUID agentId,
        UUID teamId, int score, String comment, Instant answeredAt) {
    /** The lowest score. */
    public static final int MIN_SCORE = 1;
    /** The highest score. */
    public static final int MAX_SCORE = 5;
    /** The lowest score that counts as satisfied. */
    public static final int SATISFIED = 4;
    /** The longest comment. */
    public static final int MAX_COMMENT = 2000;

    /**
     * Checks the rules above; the comment is well-formed text under the library's text rule, and blank is refused
     * (null stands for no comment). The time is truncated to microseconds.
     *
     * @throws ValidationException naming the first component that breaks a rule
     */
    public SurveyResponseRecord {
        Checks.tenantId("tenantId", tenantId);
        Checks.id("id", id);
        Checks.id("ticketId", ticketId);
        Checks.id("customerId", customerId);
        score(score);
        if (comment != null) {
            Checks.text("comment", comment, MAX_COMMENT);
        }
        answeredAt = Checks.instant("answeredAt", answeredAt);
    }

    /**
     * Checks a score.
     *
     * @throws ValidationException ({@code score}) when it is not from {@link #MIN_SCORE} to {@link #MAX_SCORE}
     */
    public static int score(int score) {
        if (score < MIN_SCORE || score > MAX_SCORE) {
            throw new ValidationException("score", "must be from " + MIN_SCORE + " to " + MAX_SCORE);
        }
        return score;
    }
}
