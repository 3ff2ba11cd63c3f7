package dev.crmkit.spi.ticket;

import dev.crmkit.model.ConflictException;
import dev.crmkit.model.DuplicateException;
import dev.crmkit.model.NotFoundException;
import dev.crmkit.model.Page;
import dev.crmkit.model.PageRequest;
import dev.crmkit.model.ValidationException;
import dev.crmkit.model.ticket.ArticleDeflection;
import dev.crmkit.model.ticket.ArticleSearch;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Knowledge-base articles, the views recorded of them and the tickets anonymous sessions opened. Scoped by tenant. */
public interface ArticleStore {
    /**
     * Stores a new article at version 1.
     *
     * @throws DuplicateException with {@code key() = "id"} when the tenant has an article with that id; nothing is
     *     stored
     * @throws dev.crmkit.model.ValidationException ({@code version}) when the version is not 1
     */
    ArticleRecord insert(ArticleRecord article);

    /**
     * Replaces an article whose stored version is {@code expectedVersion} with {@code article} (same tenant and id) at
     * version {@code expectedVersion + 1}; createdAt stays as stored. Returns the stored record.
     *
     * @throws NotFoundException when there is no such article in the tenant
     * @throws ConflictException (retryable) when the stored version differs; nothing changes
     */
    ArticleRecord update(ArticleRecord article, long expectedVersion);

    /** The article with this id in this tenant. */
    Optional<ArticleRecord> get(String tenantId, UUID id);

    /**
     * One page of the tenant's {@code PUBLISHED} articles that match the search (in its language when it names one),
     * most relevant first, computed by the database: PostgreSQL's full-text search ({@code ts_rank} over a weighted
     * tsvector of title and body in the article's text-search configuration), MariaDB's {@code FULLTEXT} index in
     * natural language mode (title counted twice), elsewhere {@link dev.crmkit.model.ticket.SearchTerms}. Drafts and
     * archived articles are never found, nor an article holding none of the search's words. Among equally relevant
     * articles the order is by id in {@link dev.crmkit.spi.Ids#ORDER}; the cursor counts the articles before the next
     * page, so walking the pages of an unchanged set of articles neither skips nor repeats one. Scores are the
     * backend's own and are not returned.
     */
    Page<ArticleRecord> search(String tenantId, ArticleSearch search, PageRequest page);

    /**
     * The number of ranked articles before the page {@code page} asks for: 0 for the first page, else the offset the
     * cursor of the previous {@link #search} page carries. Every adapter's {@code search} pages by this offset.
     *
     * @throws ValidationException naming {@code cursor} when the cursor is not one {@code search} issued
     */
    static int offset(PageRequest page) {
        if (page.after() == null) {
            return 0;
        }
        try {
            int offset = Integer.parseInt(page.after().keys(1).get(0));
            if (offset < 0) {
                throw new NumberFormatException();
            }
            return offset;
        } catch (NumberFormatException e) {
            throw new ValidationException("cursor", "is not a cursor this library issued");
        }
    }

    /**
     * Records a view of an article. The article is not checked here.
     *
     * @throws DuplicateException with {@code key() = "id"} when the tenant has a view with that id; nothing is stored
     */
    void recordView(ArticleViewRecord view);

    /**
     * Records that an anonymous session opened a ticket and returns true; recording the same session and ticket again
     * changes nothing and returns false.
     */
    boolean recordSessionTicket(SessionTicketRecord sessionTicket);

    /**
     * The deflection of every article viewed in {@code [from, to)}, ordered by article id in
     * {@link dev.crmkit.spi.Ids#ORDER}, computed by the database: a view is escalated when, from its {@code viewedAt}
     * (inclusive) until its {@code windowEndsAt} (exclusive), a ticket of its customer was created (a ticket's
     * {@code createdAt}) or its session opened one; otherwise deflected when its window ended at or before
     * {@code asOf}, pending when it did not.
     *
     * @throws dev.crmkit.model.ValidationException ({@code to}) when {@code to} is not after {@code from}
     */
    List<ArticleDeflection> deflection(String tenantId, Instant from, Instant to, Instant asOf);
}
