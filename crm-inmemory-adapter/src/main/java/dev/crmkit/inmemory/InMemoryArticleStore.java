package dev.crmkit.inmemory;

import dev.crmkit.model.Checks;
import dev.crmkit.model.Cursor;
import dev.crmkit.model.DuplicateException;
import dev.crmkit.model.Page;
import dev.crmkit.model.PageRequest;
import dev.crmkit.model.ValidationException;
import dev.crmkit.model.ticket.ArticleDeflection;
import dev.crmkit.model.ticket.ArticleSearch;
import dev.crmkit.model.ticket.ArticleState;
import dev.crmkit.model.ticket.SearchTerms;
import dev.crmkit.model.ticket.TicketFilter;
import dev.crmkit.spi.Ids;
import dev.crmkit.spi.ticket.ArticleRecord;
import dev.crmkit.spi.ticket.ArticleStore;
import dev.crmkit.spi.ticket.ArticleViewRecord;
import dev.crmkit.spi.ticket.SessionTicketRecord;
import dev.crmkit.spi.ticket.TicketRecord;
import dev.crmkit.spi.ticket.TicketStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

/**
 * Articles in a {@link Table}, ranked by {@link SearchTerms}; views and session tickets in lists per tenant. The
 * deflection report reads the tickets of the {@link TicketStore} it is given.
 */
final class InMemoryArticleStore implements ArticleStore {
    private final UnitOfWork unit;
    private final Table<ArticleRecord> table;
    private final TicketStore tickets;
    private final Map<String, List<ArticleViewRecord>> views = new HashMap<>();
    private final Map<String, Set<SessionTicketRecord>> sessionTickets = new HashMap<>();

    InMemoryArticleStore(UnitOfWork unit, TicketStore tickets) {
        this.unit = unit;
        this.table = new Table<>("article", unit);
        this.tickets = tickets;
    }

    @Override
    public ArticleRecord insert(ArticleRecord article) {
        Checks.required("article", article);
        return unit.inTransaction(() -> table.insert(article));
    }

    @Override
    public ArticleRecord update(ArticleRecord a, long expectedVersion) {
        Checks.required("article", a);
        return unit.inTransaction(() -> {
            ArticleRecord stored = table.expect(a.tenantId(), a.id(), expectedVersion);
            ArticleRecord next = new ArticleRecord(a.tenantId(), a.id(), expectedVersion + 1, stored.createdAt(),
                    a.updatedAt(), a.content(), a.state(), a.publishedAt());
            table.put(next);
            return next;
        });
    }

    @Override
    public Optional<ArticleRecord> get(String tenantId, UUID id) {
        Checks.tenantId("tenantId", tenantId);
        Checks.id("id", id);
        return unit.inTransaction(() -> table.get(tenantId, id));
    }

    @Override
    public Page<ArticleRecord> search(String tenantId, ArticleSearch search, PageRequest page) {
        Checks.tenantId("tenantId", tenantId);
        Checks.required("search", search);
        Checks.required("page", page);
        int offset = ArticleStore.offset(page);
        Set<String> words = SearchTerms.of(search.text());
        return unit.inTransaction(() -> {
            record Hit(ArticleRecord article, int score) {
            }
            List<ArticleRecord> ranked = table.all(tenantId).stream()
                    .filter(a -> a.state() == ArticleState.PUBLISHED)
                    .filter(a -> search.language() == null || search.language().equals(a.content().language()))
                    .map(a -> new Hit(a, SearchTerms.score(SearchTerms.weights(a.content()), words)))
                    .filter(h -> h.score() > 0)
                    .sorted((x, y) -> x.score() != y.score() ? Integer.compare(y.score(), x.score())
                            : Ids.ORDER.compare(x.article().id(), y.article().id()))
                    .skip(offset).limit(page.limit()).map(Hit::article).toList();
            return new Page<>(ranked, ranked.size() == page.limit()
                    ? Optional.of(Cursor.of(List.of(String.valueOf(offset + ranked.size())))) : Optional.empty());
        });
    }

    @Override
    public void recordView(ArticleViewRecord view) {
        Checks.required("view", view);
        unit.run(() -> {
            List<ArticleViewRecord> tenant = views.computeIfAbsent(view.tenantId(), t -> new ArrayList<>());
            if (tenant.stream().anyMatch(v -> v.id().equals(view.id()))) {
                throw new DuplicateException("article view", "id");
            }
            tenant.add(view);
            unit.onRollback(() -> tenant.remove(view));
        });
    }

    @Override
    public boolean recordSessionTicket(SessionTicketRecord s) {
        Checks.required("sessionTicket", s);
        return unit.inTransaction(() -> {
            Set<SessionTicketRecord> tenant = sessionTickets.computeIfAbsent(s.tenantId(), t -> new LinkedHashSet<>());
            boolean known = tenant.stream()
                    .anyMatch(t -> t.sessionId().equals(s.sessionId()) && t.ticketId().equals(s.ticketId()));
            if (!known) {
                tenant.add(s);
                unit.onRollback(() -> tenant.remove(s));
            }
            return !known;
        });
    }

    @Override
    public List<ArticleDeflection> deflection(String tenantId, Instant from, Instant to, Instant asOf) {
        Checks.tenantId("tenantId", tenantId);
        Instant start = Checks.instant("from", from);
        Instant end = Checks.instant("to", to);
        Instant now = Checks.instant("asOf", asOf);
        if (!end.isAfter(start)) {
            throw new ValidationException("to", "must be after from");
        }
        return unit.inTransaction(() -> {
            List<TicketRecord> opened = allTickets(tenantId);
            Set<SessionTicketRecord> sessions = sessionTickets.getOrDefault(tenantId, Set.of());
            Map<UUID, long[]> counts = new TreeMap<>(Ids.ORDER);
            for (ArticleViewRecord v : views.getOrDefault(tenantId, List.of())) {
                if (v.viewedAt().isBefore(start) || !v.viewedAt().isBefore(end)) {
                    continue;
                }
                boolean escalated = opened.stream().anyMatch(t -> t.customerId().equals(v.customerId())
                        && within(t.createdAt(), v)) || sessions.stream().anyMatch(s -> s.sessionId()
                        .equals(v.sessionId()) && within(s.openedAt(), v));
                long[] c = counts.computeIfAbsent(v.articleId(), a -> new long[3]);
                c[0]++;
                if (!escalated) {
                    c[v.windowEndsAt().isAfter(now) ? 2 : 1]++;
                }
            }
            List<ArticleDeflection> report = new ArrayList<>();
            counts.forEach((article, c) -> report.add(new ArticleDeflection(article, c[0], c[1], c[2])));
            return report;
        });
    }

    private static boolean within(Instant at, ArticleViewRecord v) {
        return !at.isBefore(v.viewedAt()) && at.isBefore(v.windowEndsAt());
    }

    private List<TicketRecord> allTickets(String tenantId) {
        List<TicketRecord> all = new ArrayList<>();
        PageRequest request = PageRequest.first(PageRequest.MAX_LIMIT);
        while (true) {
            Page<TicketRecord> page = tickets.find(tenantId, TicketFilter.all(), request);
            all.addAll(page.items());
            if (page.next().isEmpty()) {
                return all;
            }
            request = request.next(page.next().get());
        }
    }
}
