package dev.crmkit.core.ticket;

import dev.crmkit.core.module.DomainContext;
import dev.crmkit.model.Checks;
import dev.crmkit.model.ConflictException;
import dev.crmkit.model.DuplicateException;
import dev.crmkit.model.NotFoundException;
import dev.crmkit.model.ValidationException;
import dev.crmkit.model.ticket.SatisfactionGrouping;
import dev.crmkit.model.ticket.SatisfactionSummary;
import dev.crmkit.model.ticket.TicketState;
import dev.crmkit.spi.team.TeamMemberRecord;
import dev.crmkit.spi.team.TeamStorage;
import dev.crmkit.spi.ticket.SatisfactionStorage;
import dev.crmkit.spi.ticket.SurveyResponseRecord;
import dev.crmkit.spi.ticket.SurveyStore;
import dev.crmkit.spi.ticket.TicketRecord;
import dev.crmkit.spi.ticket.TicketStorage;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** {@link SatisfactionSurveys} over the storage contract. */
final class StoredSurveys implements SatisfactionSurveys {
    private final DomainContext context;
    private final SurveyStore surveys;
    private final String tenantId;

    StoredSurveys(DomainContext context, String tenantId) {
        this.context = context;
        this.surveys = context.storage(SatisfactionStorage.class).surveys();
        this.tenantId = tenantId;
    }

    @Override
    public SurveyResponse answer(UUID ticketId, int score, String comment) {
        Checks.id("ticketId", ticketId);
        SurveyResponseRecord.score(score);
        if (comment != null) {
            Checks.text("comment", comment, SurveyResponseRecord.MAX_COMMENT);
        }
        Instant now = context.now();
        UUID id = context.ids().next();
        return context.storage().transactions().inTransaction(() -> {
            TicketRecord ticket = context.storage(TicketStorage.class).tickets().get(tenantId, ticketId)
                    .orElseThrow(() -> new NotFoundException("ticket", ticketId));
            if (!rateable(ticket)) {
                throw new ValidationException("ticketId", "must name a resolved or closed ticket that was not merged"
                        + " into another; it is " + ticket.state());
            }
            if (surveys.forTicket(tenantId, ticketId).isPresent()) {
                throw answeredAlready(ticketId);
            }
            UUID teamId = ticket.assigneeId() == null ? null : context.storage(TeamStorage.class).teamMembers()
                    .get(tenantId, ticket.assigneeId()).map(TeamMemberRecord::teamId).orElse(null);
            SurveyResponseRecord response = new SurveyResponseRecord(tenantId, id, ticketId, ticket.customerId(),
                    ticket.assigneeId(), teamId, score, comment, now);
            try {
                surveys.insert(response);
            } catch (DuplicateException e) {
                // another unit, perhaps on another node, answered between the check above and this insert
                throw "ticketId".equals(e.key()) ? answeredAlready(ticketId) : e;
            }
            context.events().record(List.of(new SurveyAnswered(tenantId, ticketId, id, ticket.customerId(),
                    ticket.assigneeId(), teamId, score, comment != null, now)));
            return SurveyResponse.of(response);
        });
    }

    @Override
    public Optional<SurveyResponse> response(UUID ticketId) {
        Checks.id("ticketId", ticketId);
        return surveys.forTicket(tenantId, ticketId).map(SurveyResponse::of);
    }

    @Override
    public List<SatisfactionSummary> satisfaction(Instant from, Instant to, SatisfactionGrouping by) {
        Checks.required("by", by);
        return surveys.summary(tenantId, Checks.instant("from", from), Checks.instant("to", to), by);
    }

    /** A ticket is rated once its work is done: resolved or closed, but not closed by merging it into another. */
    private static boolean rateable(TicketRecord ticket) {
        return (ticket.state() == TicketState.RESOLVED || ticket.state() == TicketState.CLOSED)
                && ticket.mergedInto() == null;
    }

    private static ConflictException answeredAlready(UUID ticketId) {
        return new ConflictException("the satisfaction survey of ticket " + ticketId + " was answered already");
    }
}
