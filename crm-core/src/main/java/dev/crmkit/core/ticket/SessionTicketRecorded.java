package dev.crmkit.core.ticket;

import dev.crmkit.core.common.EventType;
import java.time.Instant;
import java.util.UUID;

/**
 * The host said that an anonymous session opened a ticket: the session's article views in their windows no longer
 * count as deflected. The session's id stays in the database. Delivered in order with the ticket's other knowledge-base
 * events (its aggregate is the ticket's id under {@code ticket.article}).
 *
 * @param tenantId   the tenant
 * @param ticketId   the ticket the session opened
 * @param openedAt   when the ticket was opened
 * @param occurredAt when it was recorded
 */
@EventType("ticket.article.session-ticket-recorded")
public record SessionTicketRecorded(String tenantId, UUID ticketId, Instant openedAt, Instant occurredAt)
        implements ArticleEvent {
    @Override
    public UUID articleId() {
        return ticketId;
    }
}
