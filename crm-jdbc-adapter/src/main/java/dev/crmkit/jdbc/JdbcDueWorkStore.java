package dev.crmkit.jdbc;

import dev.crmkit.spi.Checks;
import dev.crmkit.spi.PageRequest;
import dev.crmkit.spi.ValidationException;
import dev.crmkit.spi.scheduling.DueWorkRecord;
import dev.crmkit.spi.scheduling.DueWorkStore;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

/**
 * Due work in {@code crm_due_work}, one row per tenant, kind and key. Claimers serialize on the row
 * {@code due_work} of {@code crm_lock}; completing and retrying are conditional on the holder.
 */
final class JdbcDueWorkStore implements DueWorkStore {
    private static final String TYPE = "due work";
    private static final String COLUMNS = "tenant_id, id, kind, work_key, due_at, payload, claimed_by, lease_until, attempts";
    /** Rescheduling: the stored id and attempts stay, any lease is dropped. */
    private static final String MOVE = "UPDATE crm_due_work SET due_at = ?, payload = ?, claimed_by = NULL,"
            + " lease_until = NULL WHERE tenant_id = ? AND kind = ? AND work_key = ?";
    private static final String INSERT = "INSERT INTO crm_due_work (" + COLUMNS
            + ") VALUES (?, ?, ?, ?, ?, ?, NULL, NULL, 0)";
    /** Keys per lookup, well below every driver's parameter limit. */
    private static final int CHUNK = 500;
    /** The order {@link #scheduleAll} locks and writes pieces of work in: tenant, kind, key. */
    private static final Comparator<DueWorkRecord> KEY_ORDER = Comparator.comparing(DueWorkRecord::tenantId)
            .thenComparing(DueWorkRecord::kind).thenComparing(DueWorkRecord::key);
    private static final Comparator<List<String>> GROUP_ORDER = Comparator.<List<String>, String>comparing(g -> g.get(0))
            .thenComparing(g -> g.get(1));

    private final Database db;

    JdbcDueWorkStore(Database db) {
        this.db = db;
    }

    @Override
    public DueWorkRecord schedule(DueWorkRecord work) {
        Checks.required("work", work);
        return db.write(TYPE, Map.of(), c -> {
            // Update first: rescheduling keeps the stored id, drops any lease and keeps the attempts.
            int moved = db.update(c, MOVE, Arrays.asList(work.dueAt(), work.payload(), work.tenantId(), work.kind(),
                    work.key()));
            if (moved == 0) {
                db.update(c, INSERT, Arrays.asList(work.tenantId(), work.id(), work.kind(), work.key(), work.dueAt(),
                        work.payload()));
            }
            return load(c, work.tenantId(), work.kind(), work.key()).orElseThrow();
        });
    }

    @Override
    public void scheduleAll(List<DueWorkRecord> work) {
        Checks.noNulls("work", work);
        Set<List<String>> pieces = new HashSet<>();
        // The keys by tenant and kind: one lookup per group (and 500 keys) finds the pieces that exist already.
        Map<List<String>, List<String>> keysByGroup = new TreeMap<>(GROUP_ORDER);
        for (DueWorkRecord w : work) {
            if (!pieces.add(List.of(w.tenantId(), w.kind(), w.key()))) {
                throw new ValidationException("work", "names one kind and key of a tenant twice");
            }
            keysByGroup.computeIfAbsent(List.of(w.tenantId(), w.kind()), g -> new ArrayList<>()).add(w.key());
        }
        if (work.isEmpty()) {
            return;
        }
        // Rows are locked and inserted in key order, so two batches sharing pieces of work take their locks in the
        // same order and wait for each other instead of deadlocking.
        keysByGroup.values().forEach(keys -> keys.sort(null));
        List<DueWorkRecord> ordered = work.stream().sorted(KEY_ORDER).toList();
        db.write(TYPE, Map.of(), c -> {
            Set<List<String>> existing = new HashSet<>();
            for (Map.Entry<List<String>, List<String>> group : keysByGroup.entrySet()) {
                List<String> keys = group.getValue();
                for (int from = 0; from < keys.size(); from += CHUNK) {
                    List<String> chunk = keys.subList(from, Math.min(keys.size(), from + CHUNK));
                    existing.addAll(existingKeys(c, group.getKey(), chunk));
                }
            }
            List<List<?>> moves = new ArrayList<>();
            List<List<?>> inserts = new ArrayList<>();
            for (DueWorkRecord w : ordered) {
                if (existing.contains(List.of(w.tenantId(), w.kind(), w.key()))) {
                    moves.add(Arrays.asList(w.dueAt(), w.payload(), w.tenantId(), w.kind(), w.key()));
                } else {
                    inserts.add(Arrays.asList(w.tenantId(), w.id(), w.kind(), w.key(), w.dueAt(), w.payload()));
                }
            }
            // Update counts are not read: MariaDB Connector/J may report SUCCESS_NO_INFO for a batch.
            db.batch(c, MOVE, moves);
            db.batch(c, INSERT, inserts);
            return null;
        });
    }

    /**
     * The (tenant, kind, key) triples of these keys of one group ({@code tenant, kind}) that exist, locked until the
     * unit ends: a claimer completing one of them meanwhile must not make the batch update miss it.
     */
    private List<List<String>> existingKeys(Connection c, List<String> group, List<String> keys) throws SQLException {
        List<Object> parameters = new ArrayList<>();
        String sql = "SELECT d.tenant_id, d.kind, d.work_key FROM " + db.oneOf("crm_due_work", "d",
                List.of("tenant_id", "kind"), group, "work_key", keys, parameters) + " FOR UPDATE";
        return db.list(c, sql, parameters, r -> List.of(r.text("tenant_id"), r.text("kind"), r.text("work_key")));
    }

    @Override
    public boolean cancel(String tenantId, String kind, String key) {
        Checks.tenantId("tenantId", tenantId);
        Checks.text("kind", kind, 100);
        Checks.text("key", key, 100);
        return db.write(TYPE, Map.of(), c -> db.update(c, "DELETE FROM crm_due_work WHERE tenant_id = ? AND kind = ?"
                + " AND work_key = ?", List.of(tenantId, kind, key)) > 0);
    }

    @Override
    public Optional<DueWorkRecord> find(String tenantId, String kind, String key) {
        Checks.tenantId("tenantId", tenantId);
        Checks.text("kind", kind, 100);
        Checks.text("key", key, 100);
        return db.read(TYPE, c -> load(c, tenantId, kind, key));
    }

    @Override
    public List<DueWorkRecord> claimDue(String claimer, int limit, Duration lease, Instant now) {
        Checks.text("claimer", claimer, 100);
        Checks.limit("limit", limit, PageRequest.MAX_LIMIT);
        JdbcOutboxStore.checkLease(lease);
        Instant at = Checks.instant("now", now);
        Instant until = Checks.instant("leaseUntil", at.plus(lease));
        return db.detached(TYPE, c -> {
            JdbcOutboxStore.lock(c, "due_work");
            List<DueWorkRecord> due = db.list(c, "SELECT " + COLUMNS + " FROM crm_due_work WHERE due_at <= ?"
                    + " AND (lease_until IS NULL OR lease_until <= ?) ORDER BY due_at, id"
                    + Database.limit(limit), List.of(at, at), JdbcDueWorkStore::work);
            List<List<?>> leases = new ArrayList<>();
            List<DueWorkRecord> claimed = new ArrayList<>();
            for (DueWorkRecord w : due) {
                leases.add(List.of(claimer, until, w.tenantId(), w.id()));
                claimed.add(new DueWorkRecord(w.tenantId(), w.id(), w.kind(), w.key(), w.dueAt(), w.payload(), claimer,
                        until, w.attempts() + 1));
            }
            db.batch(c, "UPDATE crm_due_work SET claimed_by = ?, lease_until = ?, attempts = attempts + 1"
                    + " WHERE tenant_id = ? AND id = ?", leases);
            return claimed;
        });
    }

    @Override
    public boolean complete(String claimer, String tenantId, UUID id) {
        Checks.text("claimer", claimer, 100);
        Checks.tenantId("tenantId", tenantId);
        Checks.id("id", id);
        return db.write(TYPE, Map.of(), c -> db.update(c, "DELETE FROM crm_due_work WHERE tenant_id = ? AND id = ?"
                + " AND claimed_by = ?", List.of(tenantId, id, claimer)) > 0);
    }

    @Override
    public boolean retryLater(String claimer, String tenantId, UUID id, Instant retryAt) {
        Checks.text("claimer", claimer, 100);
        Checks.tenantId("tenantId", tenantId);
        Checks.id("id", id);
        Instant at = Checks.instant("retryAt", retryAt);
        return db.write(TYPE, Map.of(), c -> db.update(c, "UPDATE crm_due_work SET due_at = ?, claimed_by = NULL,"
                + " lease_until = NULL WHERE tenant_id = ? AND id = ? AND claimed_by = ?",
                List.of(at, tenantId, id, claimer)) > 0);
    }

    private Optional<DueWorkRecord> load(Connection c, String tenantId, String kind, String key) throws SQLException {
        return db.one(c, "SELECT " + COLUMNS + " FROM crm_due_work WHERE tenant_id = ? AND kind = ? AND work_key = ?",
                List.of(tenantId, kind, key), JdbcDueWorkStore::work);
    }

    private static DueWorkRecord work(Row r) throws SQLException {
        return new DueWorkRecord(r.text("tenant_id"), r.id("id"), r.text("kind"), r.text("work_key"),
                r.instant("due_at"), r.text("payload"), r.text("claimed_by"), r.instant("lease_until"),
                r.integer("attempts"));
    }
}
