package dev.crmkit.core.ticket;

import dev.crmkit.core.common.DomainEvent;

/**
 * The domain events of the knowledge base, each recorded in the outbox in the transaction of its change. Payloads carry
 * ids, codes, the language and times only: never an article's title or body, nor a session id.
 */
public sealed interface ArticleEvent extends DomainEvent permits ArticleDrafted, ArticleRevised, ArticlePublished,
        ArticleArchived, ArticleReturnedToDraft, ArticleViewed, SessionTicketRecorded {

    /** The aggregate type of knowledge-base events; all events of one article are delivered in order. */
    String ARTICLE = "ticket.article";

    /** The article the event is about (for {@link SessionTicketRecorded}, the ticket). */
    java.util.UUID articleId();

    @Override
    default String aggregateType() {
        return ARTICLE;
    }

    @Override
    default String aggregateId() {
        return articleId().toString();
    }
}
