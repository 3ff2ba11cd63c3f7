package dev.crmkit.core.ticket;

import dev.crmkit.model.ConflictException;
import dev.crmkit.model.NotFoundException;
import dev.crmkit.model.ValidationException;
import dev.crmkit.model.ticket.SatisfactionGrouping;
import dev.crmkit.model.ticket.SatisfactionSummary;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The satisfaction surveys of one tenant's customer service: after a ticket is resolved its customer rates it with a
 * score from 1 to 5 and, if they like, a comment; each ticket is rated at most once, and the ratings add up per agent,
 * team and period for the service desk's reports.
 *
 * <p>CRMKit does not send the invitation: the host sends its survey link (or asks on its web page or in its app) when
 * it hears {@code ticket.state-changed} to {@code RESOLVED}, and hands the answer to {@link #answer}.
 */
public interface SatisfactionSurveys {
    /**
     * Records the customer's answer for a resolved or closed ticket, with the ticket's assignee and the assignee's
     * team at this moment, and publishes {@code ticket.satisfaction.answered} (without the comment).
     *
     * @param score   from 1 (very dissatisfied) to 5 (very satisfied)
     * @param comment the customer's words, up to 2,000 characters, or null for none
     * @throws ValidationException naming {@code score}, {@code comment} (blank, too long or not well-formed text) or
     *     {@code ticketId} (a ticket not resolved or closed, or merged into another); nothing is stored
     * @throws NotFoundException when the tenant has no such ticket
     * @throws ConflictException (not retryable) when the ticket was answered already, on this node or any other;
     *     nothing changes
     */
    SurveyResponse answer(UUID ticketId, int score, String comment);

    /** The answer for this ticket, if its customer answered. */
    Optional<SurveyResponse> response(UUID ticketId);

    /**
     * The answers of {@code [from, to)} added up by the database: for the whole tenant, or per agent or team as they
     * were when the customers answered ({@link SatisfactionSummary}: responses, score sum, satisfied answers, the
     * average and the satisfied share). Rows without an agent or team come first, then by id.
     *
     * @throws ValidationException ({@code to}) when {@code to} is not after {@code from}; ({@code by}) when null
     */
    List<SatisfactionSummary> satisfaction(Instant from, Instant to, SatisfactionGrouping by);
}
