package dev.crmkit.core.ticket;

import dev.crmkit.core.common.EventType;
import java.time.Instant;
import java.util.UUID;

/**
 * A draft knowledge-base article was revised. Title and body stay in the database.
 *
 * @param tenantId   the tenant
 * @param articleId  the article
 * @param language   its language (BCP 47 tag)
 * @param version    the article's version after the change
 * @param occurredAt when it happened
 */
@EventType("ticket.article.revised")
public record ArticleRevised(String tenantId, UUID articleId, String language, long version, Instant occurredAt) implements ArticleEvent {
}
