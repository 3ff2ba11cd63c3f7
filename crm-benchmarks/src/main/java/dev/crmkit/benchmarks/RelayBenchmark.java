package dev.crmkit.benchmarks;

import dev.crmkit.core.event.OutboxRelay;
import dev.crmkit.jdbc.JdbcStorage;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;

/**
 * (d) The outbox relay: CRMKit's relay thread, started with {@code OutboxRelay.Settings.defaults()} (batches of 100,
 * a one-minute lease, a one-second poll) and a listener that does nothing, delivering N waiting events, against raw
 * JDBC claiming the same rows batch after batch with the same rules and marking them delivered. Per batch the raw
 * contender takes the lock row {@code outbox} in a READ COMMITTED transaction, reads the undelivered events in
 * sequence order from {@code ix_crm_outbox_pending} (on PostgreSQL with sorting priced out, on H2 naming the index)
 * and keeps those not under a live lease whose aggregate has no earlier event under one, writes their lease in one
 * {@code UPDATE ... WHERE sequence = ANY (?)} (H2: a batch of {@code = ?}), commits, and then marks them delivered in one
 * more such statement, as the events a listener took. The two contenders take turns on the same rows: before each
 * turn every event is made undelivered again and the table vacuumed, so neither pays for the other's dead rows. Rates
 * count events from the start of a turn until the last one is marked.
 */
final class RelayBenchmark {
    private static final int BATCH = 100;
    private static final Duration LEASE = Duration.ofMinutes(1);

    private final DataSource dataSource;
    private final JdbcStorage storage;
    private final boolean postgres;

    RelayBenchmark(DataSource dataSource, JdbcStorage storage) throws SQLException {
        this.dataSource = dataSource;
        this.storage = storage;
        try (Connection c = dataSource.getConnection()) {
            this.postgres = c.getMetaData().getDatabaseProductName().equals("PostgreSQL");
        }
    }

    /** The outcome: the median rate of each contender over its turns, in events per second. */
    record Result(int events, int turns, double crmkitPerSecond, double rawPerSecond, double[] crmkitTurns,
            double[] rawTurns) {
        double ratio() {
            return crmkitPerSecond / rawPerSecond;
        }
    }

    /**
     * Seeds {@code events} waiting events over {@code events / 10} aggregates, interleaved, then runs a warm-up turn
     * of each contender and {@code turns} measured turns each, alternating which goes first.
     */
    Result run(int events, int turns) throws Exception {
        seed(events);
        reset();
        raw(events);
        reset();
        crmkit(events);
        double[] crmkitRates = new double[turns];
        double[] rawRates = new double[turns];
        for (int turn = 0; turn < turns; turn++) {
            if (turn % 2 == 0) {
                reset();
                rawRates[turn] = raw(events);
                reset();
                crmkitRates[turn] = crmkit(events);
            } else {
                reset();
                crmkitRates[turn] = crmkit(events);
                reset();
                rawRates[turn] = raw(events);
            }
            System.out.printf("   turn %d: CRMKit %,.0f events/s, raw %,.0f events/s%n", turn + 1, crmkitRates[turn],
                    rawRates[turn]);
        }
        return new Result(events, turns, median(crmkitRates), median(rawRates), crmkitRates, rawRates);
    }

    /** CRMKit's relay thread from start until every event is delivered; events per second. */
    private double crmkit(int events) throws InterruptedException {
        AtomicLong received = new AtomicLong();
        long elapsed;
        try (OutboxRelay relay = OutboxRelay.create(storage, Clock.systemUTC(), "bench-crmkit",
                OutboxRelay.Settings.defaults())) {
            relay.register(event -> received.incrementAndGet());
            long t0 = System.nanoTime();
            relay.start();
            while (received.get() < events) {
                Thread.sleep(1);
            }
            // the listener has seen every event; the last batch is marked right after
            while (storage.outbox().countUndelivered() > 0) {
                Thread.sleep(1);
            }
            elapsed = System.nanoTime() - t0;
        }
        if (received.get() != events) {
            throw new IllegalStateException("CRMKit's listener received " + received.get() + " of " + events);
        }
        return events / (elapsed / 1e9);
    }

    /** Raw JDBC claiming and marking batch after batch until a claim finds nothing; events per second. */
    private double raw(int events) throws SQLException {
        long delivered = 0;
        long t0 = System.nanoTime();
        try (Connection c = dataSource.getConnection()) {
            while (true) {
                List<Long> claimed = rawClaim(c);
                if (claimed.isEmpty()) {
                    break;
                }
                // the listener: nothing to do; then mark the batch delivered
                delivered += rawMark(c, claimed);
            }
        }
        long elapsed = System.nanoTime() - t0;
        if (delivered != events || storage.outbox().countUndelivered() != 0) {
            throw new IllegalStateException("raw JDBC delivered " + delivered + " of " + events);
        }
        return events / (elapsed / 1e9);
    }

    private List<Long> rawClaim(Connection c) throws SQLException {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        c.setAutoCommit(false);
        c.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
        try {
            try (PreparedStatement lock = c.prepareStatement("SELECT name FROM crm_lock WHERE name = 'outbox' FOR UPDATE");
                    ResultSet r = lock.executeQuery()) {
                r.next();
            }
            if (postgres) {
                try (Statement s = c.createStatement()) {
                    s.execute("SET LOCAL enable_sort = off");
                }
            }
            List<Long> claimed = new ArrayList<>();
            Set<String> heldBack = new HashSet<>();
            long after = 0;
            int page = 2 * BATCH;
            boolean more = true;
            while (claimed.size() < BATCH && more) {
                try (PreparedStatement read = c.prepareStatement("SELECT sequence, aggregatetype, aggregateid,"
                        + " lease_until FROM crm_outbox" + (postgres ? "" : " USE INDEX (ix_crm_outbox_pending)")
                        + " WHERE delivered_at IS NULL AND sequence > ? ORDER BY delivered_at, sequence LIMIT " + page)) {
                    read.setLong(1, after);
                    int rows = 0;
                    try (ResultSet r = read.executeQuery()) {
                        while (r.next()) {
                            rows++;
                            after = r.getLong(1);
                            String aggregate = r.getString(2) + '\u0000' + r.getString(3);
                            OffsetDateTime lease = r.getObject(4, OffsetDateTime.class);
                            if (heldBack.contains(aggregate)) {
                                continue;
                            }
                            if (lease != null && lease.toInstant().isAfter(now)) {
                                heldBack.add(aggregate);
                            } else if (claimed.size() < BATCH) {
                                claimed.add(after);
                            }
                        }
                    }
                    more = rows == page;
                }
            }
            if (!claimed.isEmpty()) {
                bySequence(c, "UPDATE crm_outbox SET claimed_by = 'bench-raw', lease_until = ? WHERE sequence",
                        now.plus(LEASE).atOffset(ZoneOffset.UTC), claimed);
            }
            c.commit();
            return claimed;
        } catch (SQLException | RuntimeException e) {
            c.rollback();
            throw e;
        } finally {
            c.setAutoCommit(true);
        }
    }

    private int rawMark(Connection c, List<Long> claimed) throws SQLException {
        return bySequence(c, "UPDATE crm_outbox SET delivered_at = ?, claimed_by = NULL, lease_until = NULL"
                + " WHERE claimed_by = 'bench-raw' AND delivered_at IS NULL AND sequence",
                OffsetDateTime.now(ZoneOffset.UTC), claimed);
    }

    /**
     * {@code update} (ending in {@code sequence}) for these sequences with one time value: on PostgreSQL one statement,
     * {@code = ANY (?)}; on H2, which reads an {@code IN} list by scanning the table, a batch of {@code = ?}.
     */
    private int bySequence(Connection c, String update, OffsetDateTime time, List<Long> sequences)
            throws SQLException {
        if (postgres) {
            try (PreparedStatement p = c.prepareStatement(update + " = ANY (?)")) {
                p.setObject(1, time);
                p.setArray(2, c.createArrayOf("bigint", sequences.toArray()));
                return p.executeUpdate();
            }
        }
        try (PreparedStatement p = c.prepareStatement(update + " = ?")) {
            for (Long sequence : sequences) {
                p.setObject(1, time);
                p.setLong(2, sequence);
                p.addBatch();
            }
            int changed = 0;
            for (int n : p.executeBatch()) {
                changed += n;
            }
            return changed;
        }
    }

    /** {@code events} undelivered events over {@code events / 10} aggregates, interleaved, as busy customers make them. */
    private void seed(int events) throws SQLException {
        int aggregates = Math.max(1, events / 10);
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        // the events the other benchmarks of this run wrote (imports, captures) are not this benchmark's: both
        // contenders deliver exactly the seeded events, and reset() would otherwise hand the others out again too
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.executeUpdate("DELETE FROM crm_outbox");
        }
        try (Connection c = dataSource.getConnection(); PreparedStatement insert = c.prepareStatement(
                "INSERT INTO crm_outbox (tenant_id, id, aggregatetype, aggregateid, type, payload, occurred_at)"
                        + " VALUES ('relay-bench', ?, 'customer', ?, 'customer.updated', ?, ?)")) {
            c.setAutoCommit(false);
            for (int i = 0; i < events; i++) {
                String aggregate = new UUID(0L, i % aggregates).toString();
                insert.setObject(1, UUID.randomUUID());
                insert.setString(2, aggregate);
                insert.setString(3, "{\"tenantId\":\"relay-bench\",\"customerId\":\"" + aggregate
                        + "\",\"changed\":[\"displayName\",\"externalRef\"],\"occurredAt\":\"" + now + "\"}");
                insert.setObject(4, now);
                insert.addBatch();
                if (i % 500 == 499) {
                    insert.executeBatch();
                    c.commit();
                }
            }
            insert.executeBatch();
            c.commit();
            c.setAutoCommit(true);
        }
    }

    /** Every event waiting again, the table vacuumed and analyzed (PostgreSQL), as before the first turn. */
    private void reset() throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.executeUpdate("UPDATE crm_outbox SET delivered_at = NULL, claimed_by = NULL, lease_until = NULL");
            if (postgres) {
                s.execute("VACUUM ANALYZE crm_outbox");
            }
        }
    }

    private static double median(double[] rates) {
        double[] sorted = rates.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }
}
