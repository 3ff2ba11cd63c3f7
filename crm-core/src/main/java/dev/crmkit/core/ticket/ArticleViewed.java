package dev.crmkit.core.ticket;

import dev.crmkit.core.common.EventType;
import java.time.Instant;
import java.util.UUID;

/**
 * A customer or an anonymous session read a published knowledge-base article; the view counts for deflection.
 *
 * @param tenantId     the tenant
 * @param articleId    the article
 * @param viewId       the view
 * @param customerId   the customer who read it, or null for an anonymous session (whose id stays in the database)
 * @param windowEndsAt when the view counts as deflected if no ticket was opened by then
 * @param occurredAt   when it was read
 */
@EventType("ticket.article.viewed")
public record ArticleViewed(String tenantId, UUID articleId, UUID viewId, UUID customerId, Instant windowEndsAt, Instant occurredAt) implements ArticleEvent {
}
