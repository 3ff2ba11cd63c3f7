package dev.crmkit.jdbc;

import dev.crmkit.model.Checks;
import dev.crmkit.model.ConflictException;
import dev.crmkit.model.Cursor;
import dev.crmkit.model.DuplicateException;
import dev.crmkit.model.NotFoundException;
import dev.crmkit.model.Page;
import dev.crmkit.model.PageRequest;
import dev.crmkit.model.ValidationException;
import dev.crmkit.model.customer.DuplicatePairStatus;
import dev.crmkit.model.customer.DuplicateSource;
import dev.crmkit.spi.customer.DuplicateDecision;
import dev.crmkit.spi.customer.DuplicateEvidence;
import dev.crmkit.spi.customer.DuplicatePairRecord;
import dev.crmkit.spi.customer.DuplicatePairStore;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Suspected duplicate pairs in {@code crm_duplicate_pair}: one row per tenant and normalised pair, kept once by the
 * unique key {@code uq_crm_duplicate_pair}. {@link #suspect} inserts behind a savepoint and, when the key is taken,
 * reads the stored pair under its row lock and rescores it if it is open: a second unit inserting the same pair waits
 * for the first one's commit at the unique key and then finds its row.
 */
final class JdbcDuplicatePairStore implements DuplicatePairStore {
    private static final String TYPE = "duplicate pair";
    private static final String PAIR_KEY = "customers";
    private static final String COLUMNS = "p.tenant_id, p.id, p.version, p.created_at, p.updated_at,"
            + " p.first_customer_id, p.second_customer_id, p.score, p.reasons, p.contributions, p.source, p.found_at,"
            + " p.status, p.decided_by, p.decided_at, p.decision_reason";
    private static final String INSERT = "INSERT INTO crm_duplicate_pair (tenant_id, id, version, created_at,"
            + " updated_at, first_customer_id, second_customer_id, score, reasons, contributions, source, found_at,"
            + " status, decided_by, decided_at, decision_reason) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    private static final String UPDATE = "UPDATE crm_duplicate_pair SET version = ?, updated_at = ?, score = ?,"
            + " reasons = ?, contributions = ?, source = ?, found_at = ?, status = ?, decided_by = ?, decided_at = ?,"
            + " decision_reason = ? WHERE tenant_id = ? AND id = ? AND version = ?";

    private final Database db;

    JdbcDuplicatePairStore(Database db) {
        this.db = db;
    }

    @Override
    public Suspicion suspect(DuplicatePairRecord pair) {
        Checks.required("pair", pair);
        if (pair.version() != 1) {
            throw new ValidationException("version", "must be 1 for a newly suspected pair");
        }
        if (pair.status() != DuplicatePairStatus.OPEN) {
            throw new ValidationException("status", "must be OPEN for a newly suspected pair");
        }
        if (pair.decision() != null) {
            throw new ValidationException("decision", "must be absent for a newly suspected pair");
        }
        try {
            db.write(TYPE, Map.of("uq_crm_duplicate_pair", PAIR_KEY), c -> db.update(c, INSERT, Arrays.asList(
                    pair.tenantId(), pair.id(), 1L, pair.createdAt(), pair.updatedAt(), pair.firstCustomerId(),
                    pair.secondCustomerId(), score(pair.evidence()), reasons(pair.evidence()),
                    contributions(pair.evidence()), pair.evidence().source(), pair.evidence().foundAt(),
                    pair.status(), null, null, null)));
            return new Suspicion(pair, Outcome.INSERTED);
        } catch (DuplicateException e) {
            if (!PAIR_KEY.equals(e.key())) {
                throw e;
            }
        }
        return db.write(TYPE, Map.of(), c -> {
            DuplicatePairRecord existing = db.one(c, "SELECT " + COLUMNS + " FROM crm_duplicate_pair p"
                    + " WHERE p.tenant_id = ? AND p.first_customer_id = ? AND p.second_customer_id = ? FOR UPDATE",
                    List.of(pair.tenantId(), pair.firstCustomerId(), pair.secondCustomerId()),
                    JdbcDuplicatePairStore::read)
                    // the unit that held the key rolled back between our insert and this read
                    .orElseThrow(() -> new ConflictException(TYPE + " changed concurrently", true));
            if (existing.status() != DuplicatePairStatus.OPEN
                    || existing.evidence().sameFindingAs(pair.evidence())) {
                return new Suspicion(existing, Outcome.UNCHANGED);
            }
            DuplicatePairRecord rescored = new DuplicatePairRecord(existing.tenantId(), existing.id(),
                    existing.version() + 1, existing.createdAt(), pair.updatedAt(), existing.firstCustomerId(),
                    existing.secondCustomerId(), pair.evidence(), existing.status(), existing.decision());
            write(c, rescored, existing.version());
            return new Suspicion(rescored, Outcome.RESCORED);
        });
    }

    @Override
    public Optional<DuplicatePairRecord> get(String tenantId, UUID id) {
        Checks.tenantId("tenantId", tenantId);
        Checks.id("id", id);
        return db.read(TYPE, c -> load(c, tenantId, id));
    }

    @Override
    public DuplicatePairRecord update(DuplicatePairRecord pair, long expectedVersion) {
        Checks.required("pair", pair);
        return db.write(TYPE, Map.of(), c -> {
            DuplicatePairRecord stored = load(c, pair.tenantId(), pair.id())
                    .orElseThrow(() -> new NotFoundException(TYPE, pair.id()));
            if (!stored.firstCustomerId().equals(pair.firstCustomerId())
                    || !stored.secondCustomerId().equals(pair.secondCustomerId())) {
                throw new ValidationException("firstCustomerId", "must not change: a pair keeps its customers");
            }
            if (write(c, pair, expectedVersion) == 0) {
                throw ConflictException.staleVersion(TYPE, pair.id(), expectedVersion);
            }
            return load(c, pair.tenantId(), pair.id()).orElseThrow();
        });
    }

    private int write(Connection c, DuplicatePairRecord p, long expectedVersion) throws SQLException {
        DuplicateDecision d = p.decision();
        return db.update(c, UPDATE, Arrays.asList(expectedVersion + 1, p.updatedAt(), score(p.evidence()),
                reasons(p.evidence()), contributions(p.evidence()), p.evidence().source(), p.evidence().foundAt(),
                p.status(), d == null ? null : d.decidedBy(), d == null ? null : d.decidedAt(),
                d == null ? null : d.reason(), p.tenantId(), p.id(), expectedVersion));
    }

    @Override
    public Page<DuplicatePairRecord> open(String tenantId, UUID customerId, PageRequest page) {
        Checks.tenantId("tenantId", tenantId);
        Checks.required("page", page);
        BigDecimal afterScore = null;
        UUID afterId = null;
        if (page.after() != null) {
            List<String> parts = page.after().keys(2);
            try {
                afterScore = new BigDecimal(parts.get(0)).setScale(3, RoundingMode.UNNECESSARY);
            } catch (NumberFormatException | ArithmeticException e) {
                throw new ValidationException("cursor", "is not a cursor this library issued");
            }
            afterId = JdbcInteractionStore.parseId(parts.get(1));
        }
        List<Object> parameters = new ArrayList<>(List.of(tenantId, DuplicatePairStatus.OPEN));
        StringBuilder sql = new StringBuilder("SELECT " + COLUMNS
                + " FROM crm_duplicate_pair p WHERE p.tenant_id = ? AND p.status = ?");
        if (customerId != null) {
            sql.append(" AND (p.first_customer_id = ? OR p.second_customer_id = ?)");
            parameters.add(customerId);
            parameters.add(customerId);
        }
        if (afterScore != null) {
            sql.append(" AND (p.score < ? OR (p.score = ? AND p.id > ?))");
            parameters.add(afterScore);
            parameters.add(afterScore);
            parameters.add(afterId);
        }
        sql.append(" ORDER BY p.score DESC, p.id").append(Database.limit(page.limit()));
        List<DuplicatePairRecord> items = db.read(TYPE, c -> db.list(c, sql.toString(), parameters,
                JdbcDuplicatePairStore::read));
        Optional<Cursor> next = Optional.empty();
        if (items.size() == page.limit()) {
            DuplicatePairRecord last = items.get(items.size() - 1);
            next = Optional.of(Cursor.of(List.of(score(last.evidence()).toPlainString(), last.id().toString())));
        }
        return new Page<>(items, next);
    }

    @Override
    public List<DuplicatePairRecord> among(String tenantId, Collection<UUID> customerIds) {
        Checks.tenantId("tenantId", tenantId);
        List<UUID> ids = List.copyOf(new LinkedHashSet<>(Checks.noNulls("customerIds", customerIds)));
        if (ids.size() > MAX_IDS) {
            throw new ValidationException("customerIds", "must hold at most " + MAX_IDS + " ids");
        }
        if (ids.size() < 2) {
            return List.of();
        }
        // the first id looked up through the unique key (as an outer join with the list on H2, which scans for an
        // IN list), the second filtered
        List<Object> parameters = new ArrayList<>();
        String from = db.oneOf("crm_duplicate_pair", "p", List.of("tenant_id"), List.of(tenantId),
                "first_customer_id", ids, parameters);
        parameters.addAll(ids);
        return db.read(TYPE, c -> db.list(c, "SELECT " + COLUMNS + " FROM " + from + " AND p.second_customer_id IN "
                + Database.placeholders(ids.size()), parameters, JdbcDuplicatePairStore::read));
    }

    private Optional<DuplicatePairRecord> load(Connection c, String tenantId, UUID id) throws SQLException {
        return db.one(c, "SELECT " + COLUMNS + " FROM crm_duplicate_pair p WHERE p.tenant_id = ? AND p.id = ?",
                List.of(tenantId, id), JdbcDuplicatePairStore::read);
    }

    private static BigDecimal score(DuplicateEvidence evidence) {
        return BigDecimal.valueOf(evidence.score()).setScale(3, RoundingMode.HALF_EVEN);
    }

    private static String reasons(DuplicateEvidence evidence) {
        return String.join(",", evidence.reasons());
    }

    private static String contributions(DuplicateEvidence evidence) {
        StringBuilder text = new StringBuilder();
        evidence.contributions().forEach((field, weight) -> text.append(text.length() == 0 ? "" : ";")
                .append(field).append('=').append(weight));
        return text.toString();
    }

    private static DuplicatePairRecord read(Row r) throws SQLException {
        String reasonText = r.text("reasons");
        Set<String> reasons = new LinkedHashSet<>();
        if (reasonText != null && !reasonText.isEmpty()) {
            reasons.addAll(Arrays.asList(reasonText.split(",")));
        }
        String contributionText = r.text("contributions");
        Map<String, Double> contributions = new LinkedHashMap<>();
        if (contributionText != null && !contributionText.isEmpty()) {
            for (String entry : contributionText.split(";")) {
                int eq = entry.indexOf('=');
                contributions.put(entry.substring(0, eq), Double.parseDouble(entry.substring(eq + 1)));
            }
        }
        DuplicateEvidence evidence = new DuplicateEvidence(r.decimal("score").doubleValue(), reasons, contributions,
                r.enumValue(DuplicateSource.class, "source"), r.instant("found_at"));
        String decidedBy = r.text("decided_by");
        DuplicateDecision decision = decidedBy == null ? null
                : new DuplicateDecision(decidedBy, r.instant("decided_at"), r.text("decision_reason"));
        return new DuplicatePairRecord(r.text("tenant_id"), r.id("id"), r.number("version"), r.instant("created_at"),
                r.instant("updated_at"), r.id("first_customer_id"), r.id("second_customer_id"), evidence,
                r.enumValue(DuplicatePairStatus.class, "status"), decision);
    }
}
