package dev.crmkit.jdbc;

import dev.crmkit.model.Checks;
import dev.crmkit.model.ConflictException;
import dev.crmkit.model.Cursor;
import dev.crmkit.model.DuplicateException;
import dev.crmkit.model.NotFoundException;
import dev.crmkit.model.Page;
import dev.crmkit.model.PageRequest;
import dev.crmkit.model.ValidationException;
import dev.crmkit.model.ticket.ArticleContent;
import dev.crmkit.model.ticket.ArticleDeflection;
import dev.crmkit.model.ticket.ArticleSearch;
import dev.crmkit.model.ticket.ArticleState;
import dev.crmkit.model.ticket.SearchTerms;
import dev.crmkit.spi.ticket.ArticleRecord;
import dev.crmkit.spi.ticket.ArticleStore;
import dev.crmkit.spi.ticket.ArticleViewRecord;
import dev.crmkit.spi.ticket.SessionTicketRecord;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Articles in {@code crm_article}, ranked by the database: on PostgreSQL by {@code ts_rank} over the generated
 * {@code search_vector} (GIN index) in the article's text-search configuration, on MariaDB by {@code MATCH ... AGAINST}
 * in natural language mode over two FULLTEXT indexes (title and body, and the title again to weigh it), on H2 by the
 * sum of the {@link SearchTerms} weights the adapter keeps in {@code crm_article_term}. Views in
 * {@code crm_article_view}, sessions' tickets in {@code crm_session_ticket}; the deflection report joins
 * {@code crm_ticket}.
 */
final class JdbcArticleStore implements ArticleStore {
    private static final String TYPE = "article";
    private static final String COLUMNS = "a.tenant_id, a.id, a.version, a.created_at, a.updated_at, a.title, a.body,"
            + " a.tags, a.language, a.state, a.published_at";
    /** The text-search configuration of a language's English name, 'simple' when PostgreSQL has none for it. */
    private static final String TEXT_CONFIG = "COALESCE((SELECT c.oid::regconfig FROM pg_catalog.pg_ts_config c"
            + " WHERE c.cfgname = ? AND c.cfgnamespace = 'pg_catalog'::regnamespace), 'simple'::regconfig)";
    /** Written between words of a PostgreSQL web search for any of them. */
    private static final String OR = " or ";

    private final Database db;

    JdbcArticleStore(Database db) {
        this.db = db;
    }

    @Override
    public ArticleRecord insert(ArticleRecord a) {
        Checks.required("article", a);
        if (a.version() != 1) {
            throw new ValidationException("version", "must be 1 on insert");
        }
        boolean postgres = db.dialect() == Dialect.POSTGRESQL;
        db.write(TYPE, Map.of(), c -> {
            List<Object> parameters = new ArrayList<>(Arrays.asList(a.tenantId(), a.id(), 1L, a.createdAt(),
                    a.updatedAt(), a.content().title(), a.content().body(), tags(a.content()),
                    a.content().language(), a.state(), a.publishedAt()));
            if (postgres) {
                parameters.add(configName(a.content().language()));
            }
            db.update(c, "INSERT INTO crm_article (tenant_id, id, version, created_at, updated_at, title, body, tags,"
                    + " language, state, published_at" + (postgres ? ", text_config" : "") + ") VALUES (?, ?, ?, ?, ?,"
                    + " ?, ?, ?, ?, ?, ?" + (postgres ? ", " + TEXT_CONFIG : "") + ")", parameters);
            writeTerms(c, a);
            return null;
        });
        return a;
    }

    @Override
    public ArticleRecord update(ArticleRecord a, long expectedVersion) {
        Checks.required("article", a);
        boolean postgres = db.dialect() == Dialect.POSTGRESQL;
        return db.write(TYPE, Map.of(), c -> {
            List<Object> parameters = new ArrayList<>(Arrays.asList(expectedVersion + 1, a.updatedAt(),
                    a.content().title(), a.content().body(), tags(a.content()), a.content().language(), a.state(),
                    a.publishedAt()));
            if (postgres) {
                parameters.add(configName(a.content().language()));
            }
            parameters.addAll(Arrays.asList(a.tenantId(), a.id(), expectedVersion));
            int changed = db.update(c, "UPDATE crm_article SET version = ?, updated_at = ?, title = ?, body = ?,"
                    + " tags = ?, language = ?, state = ?, published_at = ?"
                    + (postgres ? ", text_config = " + TEXT_CONFIG : "")
                    + " WHERE tenant_id = ? AND id = ? AND version = ?", parameters);
            if (changed == 0) {
                throw load(c, a.tenantId(), a.id()).isEmpty() ? new NotFoundException(TYPE, a.id())
                        : ConflictException.staleVersion(TYPE, a.id(), expectedVersion);
            }
            writeTerms(c, a);
            return load(c, a.tenantId(), a.id()).orElseThrow();
        });
    }

    /** On H2, the article's words and weights for the portable ranking, written anew. */
    private void writeTerms(Connection c, ArticleRecord a) throws SQLException {
        if (db.dialect() != Dialect.H2) {
            return;
        }
        db.update(c, "DELETE FROM crm_article_term WHERE tenant_id = ? AND article_id = ?",
                List.of(a.tenantId(), a.id()));
        List<List<?>> rows = new ArrayList<>();
        SearchTerms.weights(a.content()).forEach((term, weight) -> rows.add(List.of(a.tenantId(), a.id(), term,
                weight)));
        db.batch(c, "INSERT INTO crm_article_term (tenant_id, article_id, term, weight) VALUES (?, ?, ?, ?)", rows);
    }

    @Override
    public Optional<ArticleRecord> get(String tenantId, UUID id) {
        Checks.tenantId("tenantId", tenantId);
        Checks.id("id", id);
        return db.read(TYPE, c -> load(c, tenantId, id));
    }

    private Optional<ArticleRecord> load(Connection c, String tenantId, UUID id) throws SQLException {
        return db.one(c, "SELECT " + COLUMNS + " FROM crm_article a WHERE a.tenant_id = ? AND a.id = ?",
                List.of(tenantId, id), JdbcArticleStore::article);
    }

    @Override
    public Page<ArticleRecord> search(String tenantId, ArticleSearch search, PageRequest page) {
        Checks.tenantId("tenantId", tenantId);
        Checks.required("search", search);
        Checks.required("page", page);
        int offset = ArticleStore.offset(page);
        List<Object> parameters = new ArrayList<>();
        String sql = switch (db.dialect()) {
            case POSTGRESQL -> postgresSearch(tenantId, search, parameters);
            case MARIADB -> mariaDbSearch(tenantId, search, parameters);
            case H2 -> portableSearch(tenantId, search, parameters);
        };
        String paged = sql + Database.limit(page.limit()) + " OFFSET " + offset;
        List<ArticleRecord> items = db.read(TYPE, c -> db.list(c, paged, parameters, JdbcArticleStore::article));
        return new Page<>(items, items.size() == page.limit()
                ? Optional.of(Cursor.of(List.of(String.valueOf(offset + items.size())))) : Optional.empty());
    }

    private static String published(String tenantId, ArticleSearch search, List<Object> parameters) {
        parameters.add(tenantId);
        parameters.add(ArticleState.PUBLISHED);
        if (search.language() == null) {
            return " WHERE a.tenant_id = ? AND a.state = ?";
        }
        parameters.add(search.language());
        return " WHERE a.tenant_id = ? AND a.state = ? AND a.language = ?";
    }

    /**
     * PostgreSQL: a web search in the searched language's configuration (so the GIN index serves it), or in each
     * article's own when no language is given; for any word, the words joined by {@code or}.
     */
    private static String postgresSearch(String tenantId, ArticleSearch search, List<Object> parameters) {
        String text = search.anyWord() ? SearchTerms.of(search.text()).stream().filter(w -> !w.equals("or"))
                .collect(Collectors.joining(OR)) : search.text();
        String config;
        if (search.language() == null) {
            config = "a.text_config";
        } else {
            config = TEXT_CONFIG;
            parameters.add(configName(search.language()));
        }
        parameters.add(text);
        String sql = "SELECT " + COLUMNS + " FROM crm_article a CROSS JOIN LATERAL (SELECT websearch_to_tsquery("
                + config + ", ?) AS query) s";
        return sql + published(tenantId, search, parameters)
                + " AND a.search_vector @@ s.query ORDER BY ts_rank(a.search_vector, s.query) DESC, a.id";
    }

    /** MariaDB: natural language mode over title and body, the title's match counted twice more. */
    private static String mariaDbSearch(String tenantId, ArticleSearch search, List<Object> parameters) {
        String words = String.join(" ", SearchTerms.of(search.text()));
        String where = published(tenantId, search, parameters);
        parameters.add(words);
        parameters.add(words);
        parameters.add(words);
        return "SELECT " + COLUMNS + " FROM crm_article a" + where
                + " AND MATCH (a.title, a.body) AGAINST (? IN NATURAL LANGUAGE MODE) > 0"
                + " ORDER BY 2 * MATCH (a.title) AGAINST (? IN NATURAL LANGUAGE MODE)"
                + " + MATCH (a.title, a.body) AGAINST (? IN NATURAL LANGUAGE MODE) DESC, a.id";
    }

    /** H2: the sum of the searched words' weights in {@code crm_article_term}. */
    private static String portableSearch(String tenantId, ArticleSearch search, List<Object> parameters) {
        Set<String> words = SearchTerms.of(search.text());
        parameters.add(tenantId);
        parameters.addAll(words);
        String scores = "SELECT article_id, SUM(weight) AS score FROM crm_article_term WHERE tenant_id = ?"
                + " AND term IN " + Database.placeholders(words.size()) + " GROUP BY article_id";
        return "SELECT " + COLUMNS + " FROM crm_article a JOIN (" + scores + ") s ON s.article_id = a.id"
                + published(tenantId, search, parameters) + " ORDER BY s.score DESC, a.id";
    }

    /** The English name of a language, which is the name of its PostgreSQL text-search configuration if it has one. */
    static String configName(String languageTag) {
        return Locale.forLanguageTag(languageTag).getDisplayLanguage(Locale.ENGLISH).toLowerCase(Locale.ROOT);
    }

    @Override
    public void recordView(ArticleViewRecord v) {
        Checks.required("view", v);
        db.write("article view", Map.of(), c -> db.update(c, "INSERT INTO crm_article_view (tenant_id, id, article_id,"
                + " customer_id, session_id, viewed_at, window_ends_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
                Arrays.asList(v.tenantId(), v.id(), v.articleId(), v.customerId(), v.sessionId(), v.viewedAt(),
                        v.windowEndsAt())));
    }

    @Override
    public boolean recordSessionTicket(SessionTicketRecord s) {
        Checks.required("sessionTicket", s);
        try {
            db.write("session ticket", Map.of(), c -> db.update(c, "INSERT INTO crm_session_ticket (tenant_id,"
                    + " session_id, ticket_id, opened_at) VALUES (?, ?, ?, ?)",
                    List.of(s.tenantId(), s.sessionId(), s.ticketId(), s.openedAt())));
            return true;
        } catch (DuplicateException e) {
            return false; // recorded before: nothing changes
        }
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
        String views = "SELECT v.article_id, v.window_ends_at, CASE WHEN EXISTS (SELECT 1 FROM crm_ticket t"
                + " WHERE t.tenant_id = v.tenant_id AND t.customer_id = v.customer_id AND t.created_at >= v.viewed_at"
                + " AND t.created_at < v.window_ends_at) OR EXISTS (SELECT 1 FROM crm_session_ticket s"
                + " WHERE s.tenant_id = v.tenant_id AND s.session_id = v.session_id AND s.opened_at >= v.viewed_at"
                + " AND s.opened_at < v.window_ends_at) THEN 1 ELSE 0 END AS escalated FROM crm_article_view v"
                + " WHERE v.tenant_id = ? AND v.viewed_at >= ? AND v.viewed_at < ?";
        String sql = "SELECT x.article_id AS article_id, COUNT(*) AS views,"
                + " SUM(CASE WHEN x.escalated = 0 AND x.window_ends_at <= ? THEN 1 ELSE 0 END) AS deflected,"
                + " SUM(CASE WHEN x.escalated = 0 AND x.window_ends_at > ? THEN 1 ELSE 0 END) AS pending"
                + " FROM (" + views + ") x GROUP BY x.article_id ORDER BY x.article_id";
        return db.read(TYPE, c -> db.list(c, sql, List.of(now, now, tenantId, start, end),
                r -> new ArticleDeflection(r.id("article_id"), r.number("views"), r.number("deflected"),
                        r.number("pending"))));
    }

    private static String tags(ArticleContent content) {
        return String.join(",", content.tags());
    }

    private static ArticleRecord article(Row r) throws SQLException {
        String tags = r.text("tags");
        return new ArticleRecord(r.text("tenant_id"), r.id("id"), r.number("version"), r.instant("created_at"),
                r.instant("updated_at"), new ArticleContent(r.text("title"), r.text("body"),
                        tags.isEmpty() ? List.of() : List.of(tags.split(",")), r.text("language")),
                ArticleState.valueOf(r.text("state")), r.instant("published_at"));
    }
}
