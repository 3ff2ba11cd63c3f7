package dev.crmkit.jdbc;

import dev.crmkit.model.Checks;
import dev.crmkit.model.PageRequest;
import dev.crmkit.model.ValidationException;
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
    /**
     * Scheduling in one statement: inserted, or on the key rescheduled as {@link #MOVE} does. Two units scheduling the
     * same key then wait for each other instead of both inserting (a unique violation for the second on PostgreSQL),
     * and on MariaDB no unit holds a gap lock that another's insert must wait for (an update of a key that does not
     * exist locks the gap where it would be, and two such units inserting into one gap deadlock: measured, 3% of
     * units on two nodes).
     */
    private static final String UPSERT_POSTGRESQL = INSERT + " ON CONFLICT (tenant_id, kind, work_key) DO UPDATE SET"
            + " due_at = EXCLUDED.due_at, payload = EXCLUDED.payload, claimed_by = NULL, lease_until = NULL";
    private static final String UPSERT_MARIADB = INSERT + " ON DUPLICATE KEY UPDATE due_at = VALUES(due_at),"
            + " payload = VALUES(payload), claimed_by = NULL, lease_until = NULL";
    /** The order {@link #scheduleAll} writes pieces of work in: tenant, kind, key. */
    private static final Comparator<DueWorkRecord> KEY_ORDER = Comparator.comparing(DueWorkRecord::tenantId)
            .thenComparing(DueWorkRecord::kind).thenComparing(DueWorkRecord::key);

    private final Database db;

    JdbcDueWorkStore(Database db) {
        this.db = db;
    }

    @Override
    public DueWorkRecord schedule(DueWorkRecord work) {
        Checks.required("work", work);
        return db.write(TYPE, Map.of(), c -> {
            write(c, List.of(work));
            return load(c, work.tenantId(), work.kind(), work.key()).orElseThrow();
        });
    }

    @Override
    public void scheduleAll(List<DueWorkRecord> work) {
        Checks.noNulls("work", work);
        Set<List<String>> pieces = new HashSet<>();
        for (DueWorkRecord w : work) {
            if (!pieces.add(List.of(w.tenantId(), w.kind(), w.key()))) {
                throw new ValidationException("work", "names one kind and key of a tenant twice");
            }
        }
        if (work.isEmpty()) {
            return;
        }
        // Rows are written in key order, so two batches sharing pieces of work lock them in the same order and wait
        // for each other instead of deadlocking.
        List<DueWorkRecord> ordered = work.stream().sorted(KEY_ORDER).toList();
        // No savepoint in a unit CRMKit began (Database.writeWithoutSavepoint): no caller recovers from a failed batch
        // inside the unit. H2's racing insert is handled inside the write, where a failed statement leaves the
        // transaction as it was.
        db.writeWithoutSavepoint(TYPE, Map.of(), c -> {
            write(c, ordered);
            return null;
        });
    }

    /**
     * Schedules each piece, in the given order: one upsert per piece, as one JDBC batch, on PostgreSQL and MariaDB
     * (update counts are not read: MariaDB Connector/J may answer {@code SUCCESS_NO_INFO}). H2 takes no gap locks and
     * its {@code MERGE} is not atomic, so there the pieces are moved in one batch and those no row was moved for are
     * inserted in a second; when another unit inserted one of them meanwhile, the inserts fail and each of those pieces
     * is moved, inserted when no row was, and moved again when another unit inserted it (a failed statement leaves
     * H2's transaction intact, and a row the failed batch did insert is then moved onto itself).
     */
    private void write(Connection c, List<DueWorkRecord> work) throws SQLException {
        switch (db.dialect()) {
            case POSTGRESQL -> db.batch(c, UPSERT_POSTGRESQL, insertRows(work));
            case MARIADB -> db.batch(c, UPSERT_MARIADB, insertRows(work));
            case H2 -> {
                int[] moved = db.batch(c, MOVE, work.stream().<List<?>>map(JdbcDueWorkStore::moveRow).toList());
                List<DueWorkRecord> fresh = new ArrayList<>();
                for (int i = 0; i < work.size(); i++) {
                    if (moved[i] == 0) {
                        fresh.add(work.get(i));
                    }
                }
                try {
                    db.batch(c, INSERT, insertRows(fresh));
                } catch (SQLException e) {
                    if (!"23505".equals(e.getSQLState())) {
                        throw e;
                    }
                    oneByOne(c, fresh);
                }
            }
        }
    }

    /** Each piece moved, inserted when no row was, and moved again when another unit inserted the key meanwhile. */
    private void oneByOne(Connection c, List<DueWorkRecord> work) throws SQLException {
        for (DueWorkRecord w : work) {
            if (db.update(c, MOVE, moveRow(w)) > 0) {
                continue;
            }
            try {
                db.update(c, INSERT, insertRow(w));
            } catch (SQLException e) {
                if (!"23505".equals(e.getSQLState())) {
                    throw e;
                }
                db.update(c, MOVE, moveRow(w));
            }
        }
    }

    private static List<List<?>> insertRows(List<DueWorkRecord> work) {
        return work.stream().<List<?>>map(JdbcDueWorkStore::insertRow).toList();
    }

    private static List<?> insertRow(DueWorkRecord w) {
        return Arrays.asList(w.tenantId(), w.id(), w.kind(), w.key(), w.dueAt(), w.payload());
    }

    private static List<?> moveRow(DueWorkRecord w) {
        return Arrays.asList(w.dueAt(), w.payload(), w.tenantId(), w.kind(), w.key());
    }

    @Override
    public boolean cancel(String tenantId, String kind, String key) {
        Checks.tenantId("tenantId", tenantId);
        Checks.text("kind", kind, 100);
        Checks.text("key", key, 100);
        return db.write(TYPE, Map.of(), c -> db.update(c, deleteByKey(""), List.of(tenantId, kind, key)) > 0);
    }

    /**
     * A {@code DELETE} of the row with a tenant, kind and key ({@code d.tenant_id = ? AND d.kind = ? AND
     * d.work_key = ?}) and {@code extra} conditions. On MariaDB it must go through the unique key, as an upsert does:
     * InnoDB locks the index entries a statement reads, and a key that is scheduled and cancelled again and again
     * keeps deleted entries until they are purged; estimating from those, the optimizer sometimes walked the primary
     * key instead, locking every row, and a delete that locks a row before its key entry deadlocks with an upsert that
     * locks the key entry first (seen in DueWorkTwoNodesTest). The multi-table form is the one that takes an index
     * hint.
     */
    private String deleteByKey(String extra) {
        String where = " WHERE d.tenant_id = ? AND d.kind = ? AND d.work_key = ?" + extra;
        return db.dialect() == Dialect.MARIADB
                ? "DELETE d FROM crm_due_work d FORCE INDEX (uq_crm_due_work_key)" + where
                : "DELETE FROM crm_due_work d" + where;
    }

    /**
     * An {@code UPDATE} of one row by its primary key; on MariaDB told so, for the reason {@link #deleteByKey} gives:
     * it changes no column of the unique key, so it locks the row alone.
     */
    private String updateById(String set, String extra) {
        String table = db.dialect() == Dialect.MARIADB ? "crm_due_work FORCE INDEX (PRIMARY)" : "crm_due_work";
        return "UPDATE " + table + " SET " + set + " WHERE tenant_id = ? AND id = ?" + extra;
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
            List<DueWorkRecord> claimed = new ArrayList<>();
            for (DueWorkRecord w : due) {
                claimed.add(new DueWorkRecord(w.tenantId(), w.id(), w.kind(), w.key(), w.dueAt(), w.payload(), claimer,
                        until, w.attempts() + 1));
            }
            // Leased in key order, the order scheduleAll writes in, so a claim and a batch that reschedules some of
            // the same pieces wait for each other rather than deadlock.
            List<List<?>> leases = due.stream().sorted(KEY_ORDER)
                    .<List<?>>map(w -> List.of(claimer, until, w.tenantId(), w.id())).toList();
            db.batch(c, updateById("claimed_by = ?, lease_until = ?, attempts = attempts + 1", ""), leases);
            return claimed;
        });
    }

    @Override
    public boolean complete(String claimer, String tenantId, UUID id) {
        Checks.text("claimer", claimer, 100);
        Checks.tenantId("tenantId", tenantId);
        Checks.id("id", id);
        return db.write(TYPE, Map.of(), c -> {
            // Deleted through its key, as cancel does, so that it locks the key entry before the row (see deleteByKey).
            Optional<List<String>> key = db.one(c, "SELECT kind, work_key FROM crm_due_work WHERE tenant_id = ?"
                    + " AND id = ? AND claimed_by = ?", List.of(tenantId, id, claimer),
                    r -> List.of(r.text("kind"), r.text("work_key")));
            return key.isPresent() && db.update(c, deleteByKey(" AND d.id = ? AND d.claimed_by = ?"),
                    List.of(tenantId, key.get().get(0), key.get().get(1), id, claimer)) > 0;
        });
    }

    @Override
    public boolean retryLater(String claimer, String tenantId, UUID id, Instant retryAt) {
        Checks.text("claimer", claimer, 100);
        Checks.tenantId("tenantId", tenantId);
        Checks.id("id", id);
        Instant at = Checks.instant("retryAt", retryAt);
        return db.write(TYPE, Map.of(), c -> db.update(c, updateById("due_at = ?, claimed_by = NULL, lease_until = NULL",
                " AND claimed_by = ?"), List.of(at, tenantId, id, claimer)) > 0);
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
