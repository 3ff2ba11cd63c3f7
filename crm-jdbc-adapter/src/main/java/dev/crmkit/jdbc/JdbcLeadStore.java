package dev.crmkit.jdbc;

import dev.crmkit.model.Checks;
import dev.crmkit.model.ConflictException;
import dev.crmkit.model.Cursor;
import dev.crmkit.model.DuplicateException;
import dev.crmkit.model.NotFoundException;
import dev.crmkit.model.Page;
import dev.crmkit.model.PageRequest;
import dev.crmkit.model.ValidationException;
import dev.crmkit.model.lead.LeadFilter;
import dev.crmkit.model.lead.LeadSource;
import dev.crmkit.model.lead.LeadStatus;
import dev.crmkit.spi.Ids;
import dev.crmkit.spi.lead.LeadKey;
import dev.crmkit.spi.lead.LeadRecord;
import dev.crmkit.spi.lead.LeadRotationRecord;
import dev.crmkit.spi.lead.LeadStore;
import dev.crmkit.spi.lead.LeadTally;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Leads in {@code crm_lead}, one flat row per lead ({@link LeadRows}). The open leads per owner are counted in
 * {@code crm_lead_load} ({@link LeadLoad}), changed in the same write as the leads. Distribution state is one row
 * per pool in {@code crm_lead_rotation}, written by compare-and-set on its version.
 */
final class JdbcLeadStore implements LeadStore {
    private static final String TYPE = "lead";
    private static final String ROTATION = "leadRotation";
    private static final Map<String, String> UNIQUE = Map.of("uq_crm_lead_idempotency_key", "idempotencyKey");
    private static final String COLUMNS = LeadRows.COLUMNS;
    private static final String INSERT = "INSERT INTO crm_lead (" + COLUMNS.replace("l.", "") + ") VALUES "
            + Database.placeholders(40);
    /** Every column an update replaces: all but the key, createdAt and the idempotency key. */
    private static final String UPDATE = "UPDATE crm_lead SET version = ?, updated_at = ?, given_name = ?,"
            + " family_name = ?, company_name = ?, job_title = ?, industry = ?, employees = ?, email = ?, phone = ?,"
            + " country_code = ?, postcode = ?, city = ?, name_key = ?, source = ?, campaign_id = ?, tracking_code = ?,"
            + " raw_submission = ?, status = ?, disqualification_reason = ?, budget = ?, budget_currency = ?,"
            + " authority = ?, need = ?, timeline = ?, score = ?, score_factors = ?, owner_id = ?, assigned_at = ?,"
            + " first_contact_due_at = ?, first_contacted_at = ?, matched_customer_id = ?, needs_review = ?,"
            + " converted_customer_id = ?, converted_opportunity_id = ?, closed_at = ?"
            + " WHERE tenant_id = ? AND id = ? AND version = ?";
    /** The open states, sorted so the statement text is the same on every call. */
    private static final List<LeadStatus> OPEN = LeadFilter.OPEN.stream().sorted().toList();
    private static final int CHUNK = 500;

    /** What an update needs of the stored row: its version, what it keeps, and what the counts depend on. */
    private record Stored(long version, Instant createdAt, UUID ownerId, LeadStatus status, String idempotencyKey) {
    }

    private final Database db;
    private final LeadLoad load;

    JdbcLeadStore(Database db) {
        this.db = db;
        this.load = new LeadLoad(db);
    }

    @Override
    public LeadRecord insert(LeadRecord lead) {
        insertAll(List.of(Checks.required("lead", lead)));
        return lead;
    }

    @Override
    public void insertAll(List<LeadRecord> leads) {
        Checks.noNulls("leads", leads);
        for (LeadRecord lead : leads) {
            if (lead.version() != 1) {
                throw new ValidationException("version", "must be 1 on insert");
            }
        }
        if (leads.isEmpty()) {
            return;
        }
        List<List<?>> rows = new ArrayList<>(leads.size());
        LeadLoad.Changes changes = new LeadLoad.Changes();
        for (LeadRecord lead : leads) {
            List<Object> row = new ArrayList<>(Arrays.asList(lead.tenantId(), lead.id(), 1L, lead.createdAt()));
            row.addAll(LeadRows.changeable(lead));
            row.add(lead.idempotencyKey());
            rows.add(row);
            changes.count(lead.tenantId(), lead.ownerId(), lead.status(), +1);
        }
        db.write(TYPE, UNIQUE, c -> {
            db.batch(c, INSERT, rows);
            load.apply(c, changes);
            return null;
        });
    }

    @Override
    public void lock(String tenantId, UUID id) {
        Checks.tenantId("tenantId", tenantId);
        Checks.id("id", id);
        db.lockRow(TYPE, "crm_lead", tenantId, id);
    }

    @Override
    public LeadRecord update(LeadRecord lead, long expectedVersion) {
        Checks.required("lead", lead);
        List<Object> parameters = new ArrayList<>();
        parameters.add(expectedVersion + 1);
        parameters.addAll(LeadRows.changeable(lead));
        parameters.addAll(Arrays.asList(lead.tenantId(), lead.id(), expectedVersion));
        return db.write(TYPE, UNIQUE, c -> {
            // The stored owner and state tell which counts the update changes; the version check of the UPDATE
            // proves that the row replaced is the one read.
            Stored stored = db.one(c, "SELECT l.version, l.created_at, l.owner_id, l.status, l.idempotency_key"
                    + " FROM crm_lead l WHERE l.tenant_id = ? AND l.id = ?", List.of(lead.tenantId(), lead.id()),
                    r -> new Stored(r.number("version"), r.instant("created_at"), r.id("owner_id"),
                            r.enumValue(LeadStatus.class, "status"), r.text("idempotency_key")))
                    .orElseThrow(() -> new NotFoundException(TYPE, lead.id()));
            if (stored.version() != expectedVersion || db.update(c, UPDATE, parameters) == 0) {
                throw ConflictException.staleVersion(TYPE, lead.id(), expectedVersion);
            }
            load.apply(c, new LeadLoad.Changes()
                    .count(lead.tenantId(), stored.ownerId(), stored.status(), -1)
                    .count(lead.tenantId(), lead.ownerId(), lead.status(), +1));
            return new LeadRecord(lead.tenantId(), lead.id(), expectedVersion + 1, stored.createdAt(),
                    lead.updatedAt(), lead.details(), lead.nameKey(), lead.attribution(), lead.status(),
                    lead.disqualificationReason(), lead.qualification(), lead.score(), lead.scoreFactors(),
                    lead.ownerId(), lead.assignedAt(), lead.firstContactDueAt(), lead.firstContactedAt(),
                    lead.matchedCustomerId(), lead.needsReview(), lead.convertedCustomerId(),
                    lead.convertedOpportunityId(), lead.closedAt(), stored.idempotencyKey());
        });
    }

    @Override
    public int moveCustomer(String tenantId, UUID fromCustomerId, UUID toCustomerId, Instant now) {
        Checks.tenantId("tenantId", tenantId);
        Checks.id("fromCustomerId", fromCustomerId);
        Checks.id("toCustomerId", toCustomerId);
        Instant at = Checks.instant("now", now);
        // The second statement finds only the leads the first left: those converted into, not linked to, the customer.
        return db.write(TYPE, UNIQUE, c -> db.update(c, "UPDATE crm_lead SET matched_customer_id = ?,"
                + " converted_customer_id = CASE WHEN converted_customer_id = ? THEN ? ELSE converted_customer_id END,"
                + " version = version + 1, updated_at = ? WHERE tenant_id = ? AND matched_customer_id = ?",
                List.of(toCustomerId, fromCustomerId, toCustomerId, at, tenantId, fromCustomerId))
                + db.update(c, "UPDATE crm_lead SET converted_customer_id = ?, version = version + 1, updated_at = ?"
                        + " WHERE tenant_id = ? AND converted_customer_id = ?",
                        List.of(toCustomerId, at, tenantId, fromCustomerId)));
    }

    @Override
    public Optional<LeadRecord> get(String tenantId, UUID id) {
        Checks.tenantId("tenantId", tenantId);
        Checks.id("id", id);
        return db.read(TYPE, c -> load(c, tenantId, id));
    }

    @Override
    public List<LeadRecord> getAll(String tenantId, Collection<UUID> ids) {
        Checks.tenantId("tenantId", tenantId);
        List<UUID> distinct = List.copyOf(new LinkedHashSet<>(Checks.noNulls("ids", ids)));
        return db.read(TYPE, c -> {
            List<LeadRecord> found = new ArrayList<>();
            for (List<UUID> chunk : chunks(distinct)) {
                List<Object> parameters = new ArrayList<>();
                parameters.add(tenantId);
                parameters.addAll(chunk);
                found.addAll(db.list(c, "SELECT " + COLUMNS + " FROM crm_lead l WHERE l.tenant_id = ? AND l.id IN "
                        + Database.placeholders(chunk.size()), parameters, LeadRows::lead));
            }
            return found;
        });
    }

    @Override
    public Optional<LeadRecord> findByIdempotencyKey(String tenantId, String idempotencyKey) {
        Checks.tenantId("tenantId", tenantId);
        Checks.text("idempotencyKey", idempotencyKey, 100);
        return db.read(TYPE, c -> db.one(c, "SELECT " + COLUMNS + " FROM crm_lead l WHERE l.tenant_id = ?"
                + " AND l.idempotency_key = ?", List.of(tenantId, idempotencyKey), LeadRows::lead));
    }

    @Override
    public List<LeadRecord> findByIdempotencyKeys(String tenantId, Collection<String> idempotencyKeys) {
        Checks.tenantId("tenantId", tenantId);
        List<String> wanted = List.copyOf(new LinkedHashSet<>(Checks.noNulls("idempotencyKeys", idempotencyKeys)));
        Checks.limit("idempotencyKeys.size", Math.max(1, wanted.size()), MAX_LOOKUP);
        if (wanted.isEmpty()) {
            return List.of();
        }
        return db.read(TYPE, c -> {
            List<LeadRecord> found = new ArrayList<>();
            for (List<String> chunk : chunks(wanted)) {
                List<Object> parameters = new ArrayList<>();
                String sql = "SELECT " + COLUMNS + " FROM " + db.oneOf("crm_lead", "l", List.of("tenant_id"),
                        List.of(tenantId), "idempotency_key", chunk, parameters);
                found.addAll(db.list(c, sql, parameters, LeadRows::lead));
            }
            return found;
        });
    }

    @Override
    public List<LeadRecord> findOpenByKey(String tenantId, LeadKey key, Collection<String> values, int limit) {
        Checks.tenantId("tenantId", tenantId);
        Checks.required("key", key);
        List<String> distinct = List.copyOf(new LinkedHashSet<>(Checks.noNulls("values", values)));
        Checks.limit("limit", limit, MAX_LOOKUP);
        if (distinct.isEmpty()) {
            return List.of();
        }
        String column = switch (key) {
            case EMAIL -> "email";
            case PHONE -> "phone";
            case NAME_KEY -> "name_key";
        };
        List<LeadRecord> found = db.read(TYPE, c -> {
            List<LeadRecord> all = new ArrayList<>();
            for (List<String> chunk : chunks(distinct)) {
                all.addAll(openByValues(c, tenantId, column, chunk, limit));
            }
            return all;
        });
        // Each chunk is ordered and limited by the database; merging chunks needs one more sort in id order.
        found.sort(Comparator.comparing(LeadRecord::id, Ids.ORDER));
        return found.size() > limit ? List.copyOf(found.subList(0, limit)) : found;
    }

    /** The open leads whose {@code column} is one of {@code values}, as {@link Database#oneOf} plans it. */
    private List<LeadRecord> openByValues(Connection c, String tenantId, String column, List<String> values,
            int limit) throws SQLException {
        List<Object> parameters = new ArrayList<>();
        String sql = "SELECT " + COLUMNS + " FROM " + db.oneOf("crm_lead", "l", "ix_crm_lead_" + column,
                List.of("tenant_id"), List.of(tenantId), column, values, parameters) + " AND l.status IN " + Database.placeholders(OPEN.size())
                + " ORDER BY l.id" + Database.limit(limit);
        parameters.addAll(OPEN);
        return db.list(c, sql, parameters, LeadRows::lead);
    }

    @Override
    public List<LeadRecord> convertedInto(String tenantId, UUID customerId, int limit) {
        Checks.tenantId("tenantId", tenantId);
        Checks.id("customerId", customerId);
        Checks.limit("limit", limit, MAX_LOOKUP);
        return db.read(TYPE, c -> db.list(c, "SELECT " + COLUMNS + " FROM crm_lead l WHERE l.tenant_id = ?"
                + " AND l.converted_customer_id = ? ORDER BY l.closed_at, l.id"
                + Database.limit(limit), List.of(tenantId, customerId), LeadRows::lead));
    }

    @Override
    public Page<LeadRecord> find(String tenantId, LeadFilter filter, PageRequest page) {
        Checks.tenantId("tenantId", tenantId);
        Checks.required("filter", filter);
        Checks.required("page", page);
        StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + " FROM crm_lead l WHERE l.tenant_id = ?");
        List<Object> parameters = new ArrayList<>(List.of(tenantId));
        if (!filter.statuses().isEmpty()) {
            sql.append(" AND l.status IN ").append(Database.placeholders(filter.statuses().size()));
            filter.statuses().stream().sorted().forEach(parameters::add);
        }
        if (filter.ownerId() != null) {
            sql.append(" AND l.owner_id = ?");
            parameters.add(filter.ownerId());
        }
        if (filter.assigned() != null) {
            sql.append(filter.assigned() ? " AND l.owner_id IS NOT NULL" : " AND l.owner_id IS NULL");
        }
        if (filter.source() != null) {
            sql.append(" AND l.source = ?");
            parameters.add(filter.source());
        }
        if (filter.needsReview() != null) {
            sql.append(" AND l.needs_review = ?");
            parameters.add(filter.needsReview());
        }
        if (filter.createdFrom() != null) {
            sql.append(" AND l.created_at >= ?");
            parameters.add(filter.createdFrom());
        }
        if (filter.createdBefore() != null) {
            sql.append(" AND l.created_at < ?");
            parameters.add(filter.createdBefore());
        }
        if (page.after() != null) {
            sql.append(" AND l.id > ?");
            parameters.add(cursorId(page.after()));
        }
        sql.append(" ORDER BY l.id").append(Database.limit(page.limit()));
        List<LeadRecord> items = db.read(TYPE, c -> db.list(c, sql.toString(), parameters, LeadRows::lead));
        Optional<Cursor> next = items.size() == page.limit()
                ? Optional.of(Cursor.of(List.of(items.get(items.size() - 1).id().toString())))
                : Optional.empty();
        return new Page<>(items, next);
    }

    @Override
    public Map<UUID, Integer> openCountsByOwner(String tenantId, Collection<UUID> ownerIds) {
        Checks.tenantId("tenantId", tenantId);
        List<UUID> distinct = List.copyOf(new LinkedHashSet<>(Checks.noNulls("ownerIds", ownerIds)));
        if (distinct.isEmpty()) {
            return new LinkedHashMap<>();
        }
        return db.read(TYPE, c -> load.counts(c, tenantId, distinct));
    }

    @Override
    public List<LeadTally> tally(String tenantId, Instant from, Instant to) {
        Checks.tenantId("tenantId", tenantId);
        Instant start = Checks.instant("from", from);
        Instant end = Checks.instant("to", to);
        List<LeadTally> tallies = new ArrayList<>(db.read(TYPE, c -> db.list(c,
                "SELECT source, status, COUNT(*) AS n FROM crm_lead WHERE tenant_id = ? AND created_at >= ?"
                        + " AND created_at < ? GROUP BY source, status", List.of(tenantId, start, end),
                r -> new LeadTally(r.enumValue(LeadSource.class, "source"), r.enumValue(LeadStatus.class, "status"),
                        r.number("n")))));
        // SQL would order the names alphabetically; the contract orders by declaration.
        tallies.sort(Comparator.comparing(LeadTally::source).thenComparing(LeadTally::status));
        return tallies;
    }

    @Override
    public Optional<LeadRotationRecord> rotation(String tenantId, String pool) {
        Checks.tenantId("tenantId", tenantId);
        Checks.text("pool", pool, 100);
        return db.read(ROTATION, c -> db.one(c, "SELECT tenant_id, pool, last_member_id, version FROM crm_lead_rotation"
                + " WHERE tenant_id = ? AND pool = ?", List.of(tenantId, pool),
                r -> new LeadRotationRecord(r.text("tenant_id"), r.text("pool"), r.id("last_member_id"),
                        r.number("version"))));
    }

    @Override
    public LeadRotationRecord saveRotation(LeadRotationRecord rotation, long expectedVersion) {
        Checks.required("rotation", rotation);
        if (expectedVersion < 0) {
            throw new ValidationException("expectedVersion", "must not be negative");
        }
        LeadRotationRecord next = new LeadRotationRecord(rotation.tenantId(), rotation.pool(), rotation.lastMemberId(),
                expectedVersion + 1);
        if (expectedVersion == 0) {
            try {
                db.write(ROTATION, Map.of(), c -> db.update(c, "INSERT INTO crm_lead_rotation (tenant_id, pool,"
                        + " last_member_id, version) VALUES (?, ?, ?, ?)", Arrays.asList(next.tenantId(), next.pool(),
                        next.lastMemberId(), next.version())));
            } catch (DuplicateException e) {
                // Another assignment saved the first state already: a lost race, not a duplicate the caller made.
                throw ConflictException.staleVersion(ROTATION, rotation.pool(), expectedVersion);
            }
            return next;
        }
        int changed = db.write(ROTATION, Map.of(), c -> db.update(c, "UPDATE crm_lead_rotation SET last_member_id = ?,"
                + " version = ? WHERE tenant_id = ? AND pool = ? AND version = ?", Arrays.asList(next.lastMemberId(),
                next.version(), next.tenantId(), next.pool(), expectedVersion)));
        if (changed == 0) {
            throw ConflictException.staleVersion(ROTATION, rotation.pool(), expectedVersion);
        }
        return next;
    }

    // ---- rows ---------------------------------------------------------------------------------------------

    private Optional<LeadRecord> load(Connection c, String tenantId, UUID id) throws SQLException {
        return db.one(c, "SELECT " + COLUMNS + " FROM crm_lead l WHERE l.tenant_id = ? AND l.id = ?",
                List.of(tenantId, id), LeadRows::lead);
    }

    private static <T> List<List<T>> chunks(List<T> values) {
        List<List<T>> chunks = new ArrayList<>();
        for (int from = 0; from < values.size(); from += CHUNK) {
            chunks.add(values.subList(from, Math.min(values.size(), from + CHUNK)));
        }
        return chunks;
    }

    private static UUID cursorId(Cursor cursor) {
        try {
            return UUID.fromString(cursor.keys(1).get(0));
        } catch (IllegalArgumentException e) {
            throw new ValidationException("cursor", "is not a cursor this library issued");
        }
    }
}
