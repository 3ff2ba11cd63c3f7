package dev.crmkit.benchmarks;

import dev.crmkit.core.Crm;
import dev.crmkit.core.touchpoint.Interaction;
import dev.crmkit.core.touchpoint.TouchPointService;
import dev.crmkit.jdbc.JdbcStorage;
import dev.crmkit.model.Page;
import dev.crmkit.model.PageRequest;
import dev.crmkit.model.touchpoint.TimelineFilter;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * (b) The newest page of one customer's timeline among many interactions: CRMKit's
 * {@link TouchPointService#timeline} against the raw indexed SQL query, alternating round by round in one run.
 */
final class TimelineBenchmark {
    static final String TENANT = "bench";
    static final int PAGE = 20;
    static final int INTERACTIONS_PER_CUSTOMER = 100;

    private final Backend backend;
    private final DataSource dataSource;
    private final JdbcStorage storage;
    /** Fixed by the first size, so as the table grows 10x the read customer's history grows 10x too. */
    private final long customerCount;
    private long seeded;

    TimelineBenchmark(Backend backend, DataSource dataSource, JdbcStorage storage, long firstSize) {
        this.customerCount = Math.max(1, firstSize / INTERACTIONS_PER_CUSTOMER);
        this.backend = backend;
        this.dataSource = dataSource;
        this.storage = storage;
    }

    /** Adds interactions until the table holds {@code total}, spread over customers 100 each, in SQL. */
    void seedUpTo(long total) throws SQLException {
        long started = System.nanoTime();
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            if (seeded == 0) {
                s.execute(backend == Backend.POSTGRES ? postgresCustomers() : h2Customers());
            }
            s.execute(backend == Backend.POSTGRES ? postgresSeed(seeded + 1, total) : h2Seed(seeded + 1, total));
            if (backend == Backend.POSTGRES) {
                s.execute("ANALYZE crm_interaction");
            }
        }
        seeded = total;
        System.out.printf("  seeded %,d interactions on %s in %.1f s%n", total, backend,
                (System.nanoTime() - started) / 1e9);
    }

    private String postgresCustomers() {
        return "INSERT INTO crm_customer (tenant_id, id, version, created_at, updated_at, kind, display_name,"
                + " lifecycle_stage) SELECT 'bench', md5('c' || g)::uuid, 1, now(), now(), 'PERSON', 'Customer ' || g,"
                + " 'CUSTOMER' FROM generate_series(0, " + (customerCount - 1) + ") AS g";
    }

    private String h2Customers() {
        return "INSERT INTO crm_customer (tenant_id, id, version, created_at, updated_at, kind, display_name,"
                + " lifecycle_stage) SELECT 'bench', CAST(HASH('MD5', CAST('c' || X AS VARBINARY)) AS UUID), 1,"
                + " CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, 'PERSON', 'Customer ' || X, 'CUSTOMER'"
                + " FROM SYSTEM_RANGE(0, " + (customerCount - 1) + ")";
    }

    private String postgresSeed(long from, long to) {
        return "INSERT INTO crm_interaction (tenant_id, id, version, created_at, updated_at, customer_id, channel,"
                + " direction, purpose, outcome, agent_id, summary, occurred_at, idempotency_key)"
                + " SELECT 'bench', gen_random_uuid(), 1, now(), now(), md5('c' || (g % " + customerCount + "))::uuid,"
                + " (ARRAY['PHONE','EMAIL','WEB','CHAT','STORE_VISIT','SOCIAL','SMS','MAIL','MOBILE_APP','POINT_OF_SALE'])[g % 10 + 1],"
                + " CASE WHEN g % 2 = 0 THEN 'INBOUND' ELSE 'OUTBOUND' END, 'SALES', 'reached', 'agent-' || (g % 50),"
                + " 'Talked about order ' || g, timestamptz '2020-01-01 00:00:00+00' + g * interval '1 second', NULL"
                + " FROM generate_series(" + from + ", " + to + ") AS g";
    }

    private String h2Seed(long from, long to) {
        return "INSERT INTO crm_interaction (tenant_id, id, version, created_at, updated_at, customer_id, channel,"
                + " direction, purpose, outcome, agent_id, summary, occurred_at, idempotency_key)"
                + " SELECT 'bench', RANDOM_UUID(), 1, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP,"
                + " CAST(HASH('MD5', CAST('c' || MOD(X, " + customerCount + ") AS VARBINARY)) AS UUID),"
                + " ARRAY_GET(ARRAY['PHONE','EMAIL','WEB','CHAT','STORE_VISIT','SOCIAL','SMS','MAIL','MOBILE_APP','POINT_OF_SALE'], MOD(X, 10) + 1),"
                + " CASE WHEN MOD(X, 2) = 0 THEN 'INBOUND' ELSE 'OUTBOUND' END, 'SALES', 'reached', 'agent-' || MOD(X, 50),"
                + " 'Talked about order ' || X, TIMESTAMP WITH TIME ZONE '2020-01-01 00:00:00+00' + X * INTERVAL '1' SECOND, NULL"
                + " FROM SYSTEM_RANGE(" + from + ", " + to + ")";
    }

    /** Finds the id of a customer that has interactions: the one the benchmark reads. */
    private UUID someCustomer() throws SQLException {
        try (Connection c = dataSource.getConnection();
                PreparedStatement p = c.prepareStatement(
                        "SELECT customer_id FROM crm_interaction WHERE tenant_id = ? ORDER BY occurred_at DESC")) {
            p.setString(1, TENANT);
            p.setMaxRows(1);
            try (ResultSet r = p.executeQuery()) {
                r.next();
                return r.getObject(1, UUID.class);
            }
        }
    }

    /** One row as the raw query maps it: every column CRMKit's interaction record carries. */
    record RawInteraction(String tenantId, UUID id, long version, Instant createdAt, Instant updatedAt,
            UUID customerId, String channel, String direction, String purpose, String outcome, String agentId,
            String summary, Instant occurredAt, String idempotencyKey) {
    }

    private List<RawInteraction> rawPage(UUID customerId) throws SQLException {
        try (Connection c = dataSource.getConnection();
                PreparedStatement p = c.prepareStatement("SELECT tenant_id, id, version, created_at, updated_at,"
                        + " customer_id, channel, direction, purpose, outcome, agent_id, summary, occurred_at,"
                        + " idempotency_key FROM crm_interaction WHERE tenant_id = ? AND customer_id = ?"
                        + " ORDER BY occurred_at DESC, id DESC LIMIT " + PAGE)) {
            p.setString(1, TENANT);
            p.setObject(2, customerId);
            List<RawInteraction> rows = new ArrayList<>(PAGE);
            try (ResultSet r = p.executeQuery()) {
                while (r.next()) {
                    rows.add(new RawInteraction(r.getString(1), r.getObject(2, UUID.class), r.getLong(3),
                            instant(r, 4), instant(r, 5), r.getObject(6, UUID.class), r.getString(7), r.getString(8),
                            r.getString(9), r.getString(10), r.getString(11), r.getString(12), instant(r, 13),
                            r.getString(14)));
                }
            }
            return rows;
        }
    }

    private static Instant instant(ResultSet r, int column) throws SQLException {
        return r.getObject(column, OffsetDateTime.class).toInstant();
    }

    /** Measures both contenders at the current table size; returns CRMKit's median over raw's. */
    Result measure(int warmup, int rounds) throws SQLException {
        UUID customer = someCustomer();
        TouchPointService touchPoints = Crm.builder().storage(storage).build().tenant(TENANT)
                .service(TouchPointService.class);
        Timing crmkit = new Timing(rounds);
        Timing raw = new Timing(rounds);
        for (int i = 0; i < warmup + rounds; i++) {
            // Whoever reads second finds the page's index and row data in the CPU caches the first read filled,
            // so the contenders take turns at going first.
            boolean crmkitFirst = i % 2 == 0;
            List<RawInteraction> rows = null;
            long rawNanos = 0;
            if (!crmkitFirst) {
                long r0 = System.nanoTime();
                rows = rawPage(customer);
                rawNanos = System.nanoTime() - r0;
            }
            long t0 = System.nanoTime();
            Page<Interaction> page = touchPoints.timeline(customer, TimelineFilter.everything(), PageRequest.first(PAGE));
            long crmkitNanos = System.nanoTime() - t0;
            if (crmkitFirst) {
                long r0 = System.nanoTime();
                rows = rawPage(customer);
                rawNanos = System.nanoTime() - r0;
            }
            if (page.items().size() != rows.size() || !page.items().get(0).id().equals(rows.get(0).id())) {
                throw new IllegalStateException("CRMKit and the raw query disagree on the timeline page");
            }
            if (i >= warmup) {
                crmkit.add(crmkitNanos);
                raw.add(rawNanos);
            }
        }
        return new Result(seeded, crmkit.medianMicros(), raw.medianMicros(), crmkit.percentileMicros(99),
                raw.percentileMicros(99));
    }

    /** The outcome at one table size. */
    record Result(long interactions, double crmkitMedianMicros, double rawMedianMicros, double crmkitP99Micros,
            double rawP99Micros) {
        double ratio() {
            return crmkitMedianMicros / rawMedianMicros;
        }
    }
}
