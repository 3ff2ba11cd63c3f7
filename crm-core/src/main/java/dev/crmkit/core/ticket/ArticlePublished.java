package dev.crmkit.core.ticket;

import dev.crmkit.core.common.EventType;
import dev.crmkit.model.ticket.ArticleState;
import java.time.Instant;
import java.util.UUID;

/**
 * A knowledge-base article was published: search finds it and tickets are suggested it.
 *
 * @param tenantId   the tenant
 * @param articleId  the article
 * @param from       the state it left
 * @param version    the article's version after the change
 * @param occurredAt when it happened
 */
@EventType("ticket.article.published")
public record ArticlePublished(String tenantId, UUID articleId, ArticleState from, long version, Instant occurredAt) implements ArticleEvent {
}
