package dev.crmkit.core.ticket;

import dev.crmkit.core.module.DomainContext;
import dev.crmkit.model.Checks;
import dev.crmkit.model.NotFoundException;
import dev.crmkit.model.Page;
import dev.crmkit.model.PageRequest;
import dev.crmkit.model.ValidationException;
import dev.crmkit.model.ticket.ArticleContent;
import dev.crmkit.model.ticket.ArticleDeflection;
import dev.crmkit.model.ticket.ArticleSearch;
import dev.crmkit.model.ticket.ArticleState;
import dev.crmkit.spi.customer.CustomerStorage;
import dev.crmkit.spi.ticket.ArticleRecord;
import dev.crmkit.spi.ticket.ArticleStore;
import dev.crmkit.spi.ticket.ArticleViewRecord;
import dev.crmkit.spi.ticket.KnowledgeBaseStorage;
import dev.crmkit.spi.ticket.SessionTicketRecord;
import dev.crmkit.spi.ticket.TicketRecord;
import dev.crmkit.spi.ticket.TicketStorage;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.BiFunction;
import java.util.function.Supplier;

/** {@link KnowledgeBase} over the storage contract. */
final class StoredArticles implements KnowledgeBase {
    /** The most suggestions for one ticket. */
    static final int MAX_SUGGESTIONS = 50;

    private final DomainContext context;
    private final ArticleStore articles;
    private final String tenantId;
    private final Duration deflectionWindow;

    StoredArticles(DomainContext context, String tenantId, Duration deflectionWindow) {
        this.context = context;
        this.articles = context.storage(KnowledgeBaseStorage.class).articles();
        this.tenantId = tenantId;
        this.deflectionWindow = deflectionWindow;
    }

    @Override
    public Article draft(ArticleContent content) {
        Checks.required("content", content);
        Instant now = context.now();
        UUID id = context.ids().next();
        return inTransaction(() -> Article.of(store(ArticleAggregate.draft(tenantId, id, content, now))));
    }

    @Override
    public Article revise(UUID articleId, long version, ArticleContent content) {
        Checks.version("version", version);
        Checks.required("content", content);
        return change(articleId, (article, now) -> {
            if (article.record().version() != version) {
                throw dev.crmkit.model.ConflictException.staleVersion("article", articleId, version);
            }
            return article.revise(content, now);
        });
    }

    @Override
    public Article publish(UUID articleId) {
        return change(articleId, (article, now) -> article.publish(now));
    }

    @Override
    public Article archive(UUID articleId) {
        return change(articleId, (article, now) -> article.archive(now));
    }

    @Override
    public Article returnToDraft(UUID articleId) {
        return change(articleId, (article, now) -> article.returnToDraft(now));
    }

    @Override
    public Article article(UUID articleId) {
        Checks.id("articleId", articleId);
        return Article.of(load(articleId).record());
    }

    @Override
    public Page<Article> search(String query, String language, PageRequest page) {
        ArticleSearch search = new ArticleSearch(query, language, false);
        Checks.required("page", page);
        Page<ArticleRecord> found = articles.search(tenantId, search, page);
        return new Page<>(found.items().stream().map(Article::of).toList(), found.next());
    }

    @Override
    public List<Article> suggestFor(UUID ticketId, int limit) {
        Checks.id("ticketId", ticketId);
        Checks.limit("limit", limit, MAX_SUGGESTIONS);
        TicketRecord ticket = tickets().get(tenantId, ticketId)
                .orElseThrow(() -> new NotFoundException("ticket", ticketId));
        String text = ticket.content().description() == null ? ticket.content().subject()
                : ticket.content().subject() + "\n" + ticket.content().description();
        if (dev.crmkit.model.ticket.SearchTerms.of(text).isEmpty()) {
            return List.of();
        }
        return articles.search(tenantId, new ArticleSearch(text, null, true), PageRequest.first(limit)).items()
                .stream().map(Article::of).toList();
    }

    @Override
    public void recordView(UUID articleId, UUID customerId, String sessionId) {
        Checks.id("articleId", articleId);
        ArticleViewRecord.sessionId(sessionId);
        if (customerId == null && sessionId == null) {
            throw new ValidationException("customerId", "or a session id is required");
        }
        Instant now = context.now();
        UUID id = context.ids().next();
        inTransaction(() -> {
            if (articles.get(tenantId, articleId).filter(a -> a.state() == ArticleState.PUBLISHED).isEmpty()) {
                throw new ValidationException("articleId", "names no published article of this tenant");
            }
            if (customerId != null && !context.storage(CustomerStorage.class).customers()
                    .liveKinds(tenantId, List.of(customerId)).containsKey(customerId)) {
                throw new ValidationException("customerId", "names no live customer of this tenant");
            }
            ArticleViewRecord view = new ArticleViewRecord(tenantId, id, articleId, customerId, sessionId, now,
                    now.plus(deflectionWindow));
            articles.recordView(view);
            context.events().record(List.of(new ArticleViewed(tenantId, articleId, id, customerId,
                    view.windowEndsAt(), now)));
            return null;
        });
    }

    @Override
    public void recordSessionTicket(String sessionId, UUID ticketId) {
        Checks.required("sessionId", sessionId);
        ArticleViewRecord.sessionId(sessionId);
        Checks.id("ticketId", ticketId);
        Instant now = context.now();
        inTransaction(() -> {
            if (tickets().get(tenantId, ticketId).isEmpty()) {
                throw new ValidationException("ticketId", "names no ticket of this tenant");
            }
            if (articles.recordSessionTicket(new SessionTicketRecord(tenantId, sessionId, ticketId, now))) {
                context.events().record(List.of(new SessionTicketRecorded(tenantId, ticketId, now, now)));
            }
            return null;
        });
    }

    @Override
    public List<ArticleDeflection> deflection(Instant from, Instant to) {
        return articles.deflection(tenantId, Checks.instant("from", from), Checks.instant("to", to), context.now());
    }

    private dev.crmkit.spi.ticket.TicketStore tickets() {
        return context.storage(TicketStorage.class).tickets();
    }

    /** Loads the article, calls the behaviour and stores what it did, in one transaction. */
    private Article change(UUID articleId, BiFunction<ArticleAggregate, Instant, ArticleAggregate.Change> behaviour) {
        Checks.id("articleId", articleId);
        Instant now = context.now();
        return inTransaction(() -> Article.of(store(behaviour.apply(load(articleId), now))));
    }

    /** Inserts a new draft or stores over the version read, and records the change's events. */
    private ArticleRecord store(ArticleAggregate.Change change) {
        ArticleRecord stored = change.before() == null ? articles.insert(change.after())
                : articles.update(change.after(), change.before().version());
        context.events().record(change.events());
        return stored;
    }

    private ArticleAggregate load(UUID id) {
        return new ArticleAggregate(articles.get(tenantId, id).orElseThrow(() -> new NotFoundException("article", id)));
    }

    private <T> T inTransaction(Supplier<T> work) {
        return context.storage().transactions().inTransaction(work);
    }
}
