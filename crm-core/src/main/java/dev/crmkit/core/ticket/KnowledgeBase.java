package dev.crmkit.core.ticket;

import dev.crmkit.model.ConflictException;
import dev.crmkit.model.IllegalTransitionException;
import dev.crmkit.model.NotFoundException;
import dev.crmkit.model.Page;
import dev.crmkit.model.PageRequest;
import dev.crmkit.model.ValidationException;
import dev.crmkit.model.ticket.ArticleContent;
import dev.crmkit.model.ticket.ArticleDeflection;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The knowledge base (FAQ) of one tenant: articles written as drafts, published for customers and agents to find,
 * archived when they no longer apply, and back to draft for revision ({@code ArticleAggregate}); search by relevance
 * computed in the database; suggestions for a ticket; and deflection, counted from the views the host records.
 *
 * <p>Every command is one transaction, joining the caller's, records its {@link ArticleEvent} in the outbox and stores
 * over the version it read, so a concurrent change makes the second writer fail with a retryable
 * {@link ConflictException}. Bad input is a {@link ValidationException} naming the field and changes nothing; a move
 * the lifecycle does not allow is an {@link IllegalTransitionException}; an article or ticket the tenant does not have
 * is a {@link NotFoundException}.
 */
public interface KnowledgeBase {
    /** Writes a new article as a draft; publishes {@link ArticleDrafted}. */
    Article draft(ArticleContent content);

    /**
     * Replaces a draft's content, saving over the version the editor read; publishes {@link ArticleRevised}.
     *
     * @throws ConflictException when the article's version is no longer {@code version} (another editor saved first)
     * @throws IllegalTransitionException when the article is not a draft (return it to draft first)
     */
    Article revise(UUID articleId, long version, ArticleContent content);

    /** A draft becomes findable: {@code DRAFT} to {@code PUBLISHED}; publishes {@link ArticlePublished}. */
    Article publish(UUID articleId);

    /** A published article no longer applies: to {@code ARCHIVED}; publishes {@link ArticleArchived}. */
    Article archive(UUID articleId);

    /** A published or archived article goes back to {@code DRAFT} for revision; publishes {@link ArticleReturnedToDraft}. */
    Article returnToDraft(UUID articleId);

    /** The article. */
    Article article(UUID articleId);

    /**
     * One page of the published articles matching {@code query}, most relevant first, in {@code language} (a BCP 47
     * tag) or in every language when it is null. Relevance is the database's: PostgreSQL's full-text ranking, MariaDB's
     * FULLTEXT natural language mode, elsewhere the portable {@link dev.crmkit.model.ticket.SearchTerms} ranking.
     *
     * @throws ValidationException ({@code query}) when the query is blank, longer than 10,000 characters or has no
     *     word; ({@code language}) when the tag is not well-formed
     */
    Page<Article> search(String query, String language, PageRequest page);

    /**
     * The {@code limit} (1 to 50) published articles most relevant to the ticket's subject and description, any of
     * whose words may match.
     *
     * @throws NotFoundException when the tenant has no such ticket
     */
    List<Article> suggestFor(UUID ticketId, int limit);

    /**
     * Records that a customer, or an anonymous session, read a published article; publishes {@link ArticleViewed}. The
     * view counts as deflected when no ticket of the customer is created, and no ticket is
     * {@link #recordSessionTicket recorded} for the session, within the tenant's deflection window from now.
     *
     * @param customerId a live customer of the tenant, or null for an anonymous reader
     * @param sessionId  the host's opaque session id (1 to 100 characters), or null; one of the two is required
     * @throws ValidationException ({@code articleId}) when it names no published article; ({@code customerId}) when
     *     it names no live customer, or neither is given; ({@code sessionId}) when it is blank or too long
     */
    void recordView(UUID articleId, UUID customerId, String sessionId);

    /**
     * Records that an anonymous session opened a ticket now; publishes {@link SessionTicketRecorded}. Recording the
     * same session and ticket again changes nothing more.
     *
     * @throws ValidationException ({@code ticketId}) when it names no ticket of the tenant; ({@code sessionId}) when it
     *     is missing, blank or too long
     */
    void recordSessionTicket(String sessionId, UUID ticketId);

    /**
     * Views, deflected and pending views per article for the views recorded in {@code [from, to)}, as of now,
     * computed by the database.
     *
     * @throws ValidationException ({@code to}) when it is not after {@code from}
     */
    List<ArticleDeflection> deflection(Instant from, Instant to);
}
