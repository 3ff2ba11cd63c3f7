package dev.crmkit.core.ticket;

import dev.crmkit.core.common.EventType;
import dev.crmkit.model.ticket.ArticleState;
import java.time.Instant;
import java.util.UUID;

/**
 * A published knowledge-base article was archived: search no longer finds it.
 *
 * @param tenantId   the tenant
 * @param articleId  the article
 * @param from       the state it left
 * @param version    the article's version after the change
 * @param occurredAt when it happened
 */
@EventType("ticket.article.archived")
public record ArticleArchived(String tenantId, UUID articleId, ArticleState from, long version, Instant occurredAt) implements ArticleEvent {
}
