package dev.crmkit.jdbc;

import dev.crmkit.spi.Checks;
import dev.crmkit.spi.PageRequest;
import dev.crmkit.spi.ValidationException;
import dev.crmkit.spi.outbox.OutboxEvent;
import dev.crmkit.spi.outbox.OutboxStore;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The outbox in {@code crm_outbox}; its identity column {@code sequence} numbers events in append order.
 * Claimers on every node serialize on the row {@code outbox} of {@code crm_lock}, so two claims never pick the
 * same event and each sees the leases the previous one committed.
 */
final class JdbcOutboxStore implements OutboxStore {
    private static final String TYPE = "outbox event";
    private static final String COLUMNS = "o.sequence, o.tenant_id, o.id, o.aggregatetype, o.aggregateid, o.type,"
            + " o.schemaversion, o.payload, o.occurred_at";
    private static final int CHUNK = 500;

    private final Database db;

    JdbcOutboxStore(Database db) {
        this.db = db;
    }

    @Override
    public void append(List<OutboxEvent> events) {
        Checks.noNulls("events", events);
        if (events.isEmpty()) {
            return;
        }
        db.write(TYPE, Map.of(), c -> {
            List<List<?>> rows = new ArrayList<>();
            for (OutboxEvent e : events) {
                rows.add(List.of(e.tenantId(), e.id(), e.aggregateType(), e.aggregateId(), e.type(),
                        e.schemaVersion(), e.payload(), e.occurredAt()));
            }
            db.batch(c, "INSERT INTO crm_outbox (tenant_id, id, aggregatetype, aggregateid, type, schemaversion,"
                    + " payload, occurred_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", rows);
            return null;
        });
    }

    @Override
    public List<OutboxEvent> claim(String claimer, int limit, Duration lease, Instant now) {
        Checks.text("claimer", claimer, 100);
        Checks.limit("limit", limit, PageRequest.MAX_LIMIT);
        checkLease(lease);
        Instant at = Checks.instant("now", now);
        Instant until = Checks.instant("leaseUntil", at.plus(lease));
        return db.detached(TYPE, c -> {
            lock(c, "outbox");
            // Claimable, and no earlier undelivered event of its aggregate is under a live lease (whoever holds it),
            // so each aggregate's events are handed out oldest first.
            List<OutboxEvent> claimed = db.list(c, "SELECT " + COLUMNS + " FROM crm_outbox o"
                    + " WHERE o.delivered_at IS NULL AND (o.lease_until IS NULL OR o.lease_until <= ?)"
                    + " AND NOT EXISTS (SELECT 1 FROM crm_outbox p WHERE p.aggregatetype = o.aggregatetype"
                    + " AND p.aggregateid = o.aggregateid AND p.sequence < o.sequence AND p.delivered_at IS NULL"
                    + " AND p.lease_until > ?)"
                    + " ORDER BY o.sequence" + Database.limit(limit), List.of(at, at), JdbcOutboxStore::event);
            List<List<?>> leases = new ArrayList<>();
            for (OutboxEvent e : claimed) {
                leases.add(List.of(claimer, until, e.tenantId(), e.id()));
            }
            db.batch(c, "UPDATE crm_outbox SET claimed_by = ?, lease_until = ? WHERE tenant_id = ? AND id = ?", leases);
            return claimed;
        });
    }

    @Override
    public int markDelivered(String claimer, List<UUID> eventIds, Instant now) {
        Checks.text("claimer", claimer, 100);
        Checks.noNulls("eventIds", eventIds);
        Instant at = Checks.instant("now", now);
        return byIds(eventIds, "UPDATE crm_outbox SET delivered_at = ?, claimed_by = NULL, lease_until = NULL"
                + " WHERE claimed_by = ? AND delivered_at IS NULL AND id IN ", List.of(at, claimer));
    }

    @Override
    public int release(String claimer, List<UUID> eventIds) {
        Checks.text("claimer", claimer, 100);
        Checks.noNulls("eventIds", eventIds);
        return byIds(eventIds, "UPDATE crm_outbox SET claimed_by = NULL, lease_until = NULL"
                + " WHERE claimed_by = ? AND delivered_at IS NULL AND id IN ", List.of(claimer));
    }

    private int byIds(List<UUID> eventIds, String sql, List<?> leading) {
        if (eventIds.isEmpty()) {
            return 0;
        }
        List<UUID> distinct = List.copyOf(new LinkedHashSet<>(eventIds));
        return db.write(TYPE, Map.of(), c -> {
            int changed = 0;
            for (int from = 0; from < distinct.size(); from += CHUNK) {
                List<UUID> chunk = distinct.subList(from, Math.min(distinct.size(), from + CHUNK));
                List<Object> parameters = new ArrayList<>(leading);
                parameters.addAll(chunk);
                changed += db.update(c, sql + Database.placeholders(chunk.size()), parameters);
            }
            return changed;
        });
    }

    @Override
    public long countUndelivered() {
        return db.read(TYPE, c -> db.one(c, "SELECT COUNT(*) AS n FROM crm_outbox WHERE delivered_at IS NULL",
                List.of(), r -> r.number("n")).orElse(0L));
    }

    @Override
    public int purgeDelivered(Instant before) {
        Instant limit = Checks.instant("before", before);
        return db.write(TYPE, Map.of(), c -> db.update(c,
                "DELETE FROM crm_outbox WHERE delivered_at IS NOT NULL AND delivered_at < ?", List.of(limit)));
    }

    static void checkLease(Duration lease) {
        Checks.required("lease", lease);
        if (lease.isNegative() || lease.isZero()) {
            throw new ValidationException("lease", "must be positive");
        }
    }

    /** Takes the named row of {@code crm_lock} for the rest of the claim's transaction. */
    static void lock(Connection c, String name) throws SQLException {
        try (PreparedStatement statement = c.prepareStatement("SELECT name FROM crm_lock WHERE name = ? FOR UPDATE")) {
            statement.setString(1, name);
            try (ResultSet rows = statement.executeQuery()) {
                if (!rows.next()) {
                    throw new SQLException("the lock row " + name + " is missing from crm_lock", "55000");
                }
            }
        }
    }

    private static OutboxEvent event(Row r) throws SQLException {
        return new OutboxEvent(r.text("tenant_id"), r.id("id"), r.text("aggregatetype"), r.text("aggregateid"),
                r.text("type"), r.integer("schemaversion"), r.text("payload"), r.instant("occurred_at"),
                r.number("sequence"));
    }
}
