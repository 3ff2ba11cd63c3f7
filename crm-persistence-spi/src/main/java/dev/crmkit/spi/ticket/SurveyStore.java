package dev.crmkit.spi.ticket;

import dev.crmkit.model.DuplicateException;
import dev.crmkit.model.ValidationException;
import dev.crmkit.model.ticket.SatisfactionGrouping;
import dev.crmkit.model.ticket.SatisfactionSummary;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The satisfaction surveys' responses, at most one per ticket. Scoped by tenant. */
public interface SurveyStore {
    /**
     * Stores a response. A ticket has at most one, kept by a unique key of the storage even when two units insert
     * one for the same ticket at once: the second waits for the first and then fails.
     *
     * @throws DuplicateException with {@code key() = "ticketId"} when the tenant has a response for the ticket, and with
     *     {@code key() = "id"} when it has a response with the id; nothing is stored
     */
    void insert(SurveyResponseRecord response);

    /** The response for this ticket in this tenant, if it was answered. */
    Optional<SurveyResponseRecord> forTicket(String tenantId, UUID ticketId);

    /**
     * The responses answered in {@code [from, to)} added up by the database per group ({@link SatisfactionSummary}):
     * one row for the tenant ({@link SatisfactionGrouping#TENANT}, none when nothing was answered), or one per agent
     * or team the responses recorded. Rows come in group id order ({@link dev.crmkit.spi.Ids#ORDER}), the row with a
     * null group id (no agent, no team) first.
     *
     * @throws ValidationException ({@code to}) when {@code to} is not after {@code from}
     */
    List<SatisfactionSummary> summary(String tenantId, Instant from, Instant to, SatisfactionGrouping by);
}
