package dev.crmkit.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import dev.crmkit.jdbc.RecordingDataSource.Recorded;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The relay's claim keeps one plan whatever the planner's statistics say: every query it runs on {@code crm_outbox}
 * reads {@code ix_crm_outbox_pending} in index order and stops after its limit, with no sort and no other scan of
 * the table, so its cost depends neither on statistics nor on how many delivered events the table keeps. The
 * statements are recorded as the claim runs them and planned again with {@code EXPLAIN} (without running them)
 * under the same session settings: with no statistics (a table PostgreSQL never analyzed), with statistics taken
 * before the undelivered events arrived, and with fresh ones. Timings are not asserted; they are in
 * docs/performance.md.
 */
class OutboxClaimPlanTest {
    private static final int DELIVERED = 20_000;
    private static final int UNDELIVERED = 2_000;
    private static final int HELD_ELSEWHERE = 100;
    private static final int AGGREGATES = 1_000;
    private static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.MICROS);

    private HikariDataSource pool;

    @AfterEach
    void closePool() {
        if (pool != null) {
            pool.close();
        }
    }

    private RecordingDataSource open(String url) {
        pool = TestDatabases.pool(url, 4);
        JdbcStorage.builder().dataSource(pool).migrate(true).build();
        TestDatabases.empty(pool);
        return new RecordingDataSource(pool);
    }

    /** The statements one claim of 100 events ran, its leases given back afterwards. */
    private List<Recorded> claimStatements(RecordingDataSource recording) throws SQLException {
        JdbcStorage storage = JdbcStorage.builder().dataSource(recording).build();
        List<Recorded> ran = recording.record(() -> assertThat(storage.outbox()
                .claim("plan-check", 100, Duration.ofMinutes(1), NOW)).hasSize(100));
        execute("UPDATE crm_outbox SET claimed_by = NULL, lease_until = NULL WHERE claimed_by = 'plan-check'");
        return ran;
    }

    /** The claim's reads of crm_outbox; the settings it made (plain statements) are applied before each is planned. */
    private static List<Recorded> outboxReads(List<Recorded> ran) {
        List<Recorded> reads = ran.stream().filter(r -> r.prepared() && r.sql().startsWith("SELECT")
                && r.sql().contains("FROM crm_outbox")).toList();
        assertThat(reads).as("the claim reads crm_outbox").isNotEmpty();
        return reads;
    }

    private static List<String> settings(List<Recorded> ran) {
        return ran.stream().filter(r -> !r.prepared()).map(Recorded::sql).toList();
    }

    private void execute(String... sql) throws SQLException {
        try (Connection c = pool.getConnection(); Statement s = c.createStatement()) {
            for (String statement : sql) {
                s.execute(statement);
            }
        }
    }

    /** The plans of the claim's reads, each planned in a transaction that first makes the claim's own settings. */
    private List<String> plans(List<Recorded> ran, String explain, List<String> extraSettings) throws SQLException {
        List<String> plans = new ArrayList<>();
        try (Connection c = pool.getConnection()) {
            c.setAutoCommit(false);
            try (Statement s = c.createStatement()) {
                for (String setting : settings(ran)) {
                    s.execute(setting);
                }
                for (String setting : extraSettings) {
                    s.execute(setting);
                }
                for (Recorded read : outboxReads(ran)) {
                    try (PreparedStatement p = RecordingDataSource.replay(c, explain, read);
                            ResultSet rows = p.executeQuery()) {
                        plans.add(text(rows));
                    }
                }
            } finally {
                c.rollback();
                c.setAutoCommit(true);
            }
        }
        return plans;
    }

    private static String text(ResultSet rows) throws SQLException {
        StringBuilder text = new StringBuilder();
        int columns = rows.getMetaData().getColumnCount();
        while (rows.next()) {
            for (int i = 1; i <= columns; i++) {
                text.append(rows.getString(i)).append(i == columns ? "\n" : "\t");
            }
        }
        return text.toString();
    }

    @Nested
    class On_PostgreSQL {
        @Test
        void the_claim_reads_the_pending_index_in_order_without_statistics_with_stale_ones_and_with_fresh_ones()
                throws SQLException {
            RecordingDataSource recording = open(TestDatabases.requiredUrl(TestDatabases.POSTGRES));
            // given: statistics taken while every event was delivered, then the undelivered ones arrive
            execute(fill("SELECT g AS x FROM generate_series(1, " + DELIVERED + ") g", true), "ANALYZE crm_outbox");
            execute(fill("SELECT g AS x FROM generate_series(" + (DELIVERED + 1) + ", " + (DELIVERED + UNDELIVERED)
                    + ") g", false), holdElsewhere());
            assertPostgresPlans(recording, "stale statistics");

            // no statistics at all, as on a table never analyzed
            execute("DELETE FROM pg_statistic WHERE starelid = 'crm_outbox'::regclass",
                    "UPDATE pg_class SET reltuples = -1, relpages = 0 WHERE oid = 'crm_outbox'::regclass");
            assertPostgresPlans(recording, "no statistics");

            execute("ANALYZE crm_outbox");
            assertPostgresPlans(recording, "fresh statistics");
        }

        private void assertPostgresPlans(RecordingDataSource recording, String statistics) throws SQLException {
            List<Recorded> ran = claimStatements(recording);
            List<String> custom = plans(ran, "EXPLAIN ", List.of());
            List<String> generic = genericPlans(ran);
            for (String plan : concat(custom, generic)) {
                assertThat(plan).as("plan with %s", statistics)
                        .contains("Index Scan using ix_crm_outbox_pending on crm_outbox")
                        .doesNotContain("Sort")
                        .doesNotContain("Seq Scan")
                        .doesNotContain("Bitmap");
                assertThat(plan.lines().filter(line -> line.contains("on crm_outbox")))
                        .as("every scan of crm_outbox, with %s", statistics)
                        .allMatch(line -> line.contains("Index Scan using ix_crm_outbox_pending on crm_outbox"));
            }
        }

        /**
         * The plans PostgreSQL makes once pgjdbc has prepared the statement on the server (from its fifth run on):
         * generic ones, which cannot see the bound values.
         */
        private List<String> genericPlans(List<Recorded> ran) throws SQLException {
            List<String> plans = new ArrayList<>();
            try (Connection c = pool.getConnection()) {
                c.setAutoCommit(false);
                try (Statement s = c.createStatement()) {
                    for (String setting : settings(ran)) {
                        s.execute(setting);
                    }
                    s.execute("SET LOCAL plan_cache_mode = force_generic_plan");
                    for (Recorded read : outboxReads(ran)) {
                        s.execute("PREPARE crm_plan_check AS " + numbered(read.sql()));
                        List<String> values = new ArrayList<>();
                        read.bindings().values().forEach(b -> values.add(
                                "'" + String.valueOf(b.arguments()[1]).replace("'", "''") + "'"));
                        try (ResultSet rows = s.executeQuery("EXPLAIN EXECUTE crm_plan_check("
                                + String.join(", ", values) + ")")) {
                            plans.add(text(rows));
                        }
                        s.execute("DEALLOCATE crm_plan_check");
                    }
                } finally {
                    c.rollback();
                    c.setAutoCommit(true);
                }
            }
            return plans;
        }
    }

    @Nested
    class On_MariaDB {
        @Test
        void the_claim_reads_the_pending_index_in_order_before_and_after_analyze() throws SQLException {
            RecordingDataSource recording = open(TestDatabases.requiredUrl(TestDatabases.MARIADB));
            String numbers = "WITH RECURSIVE g(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM g WHERE n < "
                    + (DELIVERED + UNDELIVERED) + ") SELECT n AS x FROM g";
            execute("SET SESSION max_recursive_iterations = 100000",
                    fill(numbers + " WHERE n <= " + DELIVERED, true), "ANALYZE TABLE crm_outbox",
                    fill(numbers + " WHERE n > " + DELIVERED, false), holdElsewhere());
            assertMariaDbPlans(recording, "statistics taken before the undelivered events arrived");

            execute("ANALYZE TABLE crm_outbox");
            assertMariaDbPlans(recording, "fresh statistics");
        }

        private void assertMariaDbPlans(RecordingDataSource recording, String statistics) throws SQLException {
            for (String plan : plans(claimStatements(recording), "EXPLAIN ", List.of())) {
                List<String> rows = plan.lines().toList();
                assertThat(rows).as("one table read, with %s: %s", statistics, plan).hasSize(1);
                assertThat(rows.get(0)).as("with %s", statistics)
                        .contains("\tix_crm_outbox_pending\t")
                        .doesNotContain("filesort")
                        .doesNotContain("temporary");
            }
        }
    }

    @Nested
    class On_H2 {
        @Test
        void the_claim_reads_the_pending_index_in_order_before_and_after_analyze() throws SQLException {
            pool = TestDatabases.freshH2();
            JdbcStorage.builder().dataSource(pool).migrate(true).build();
            RecordingDataSource recording = new RecordingDataSource(pool);
            execute(fill("SELECT X AS x FROM SYSTEM_RANGE(1, " + DELIVERED + ")", true), "ANALYZE TABLE crm_outbox",
                    fill("SELECT X AS x FROM SYSTEM_RANGE(" + (DELIVERED + 1) + ", " + (DELIVERED + UNDELIVERED) + ")",
                            false), holdElsewhere());
            assertH2Plans(recording, "statistics taken before the undelivered events arrived");

            execute("ANALYZE TABLE crm_outbox");
            assertH2Plans(recording, "fresh statistics");
        }

        private void assertH2Plans(RecordingDataSource recording, String statistics) throws SQLException {
            for (String plan : plans(claimStatements(recording), "EXPLAIN ", List.of())) {
                assertThat(plan).as("with %s", statistics)
                        .contains("PUBLIC.IX_CRM_OUTBOX_PENDING")
                        .contains("/* index sorted */")
                        .doesNotContain("tableScan")
                        .doesNotContain("IX_CRM_OUTBOX_AGGREGATE")
                        .doesNotContain("UQ_CRM_OUTBOX_SEQUENCE");
            }
        }
    }

    /**
     * An INSERT of one event per number the query {@code numbers} selects (as column {@code x}), spread over
     * {@value #AGGREGATES} aggregates, delivered or not.
     */
    private String fill(String numbers, boolean delivered) {
        String id = switch (dialect()) {
            case POSTGRESQL -> "gen_random_uuid()";
            case MARIADB -> "UUID()";
            case H2 -> "RANDOM_UUID()";
        };
        String now = dialect() == Dialect.MARIADB ? "UTC_TIMESTAMP(6)" : "CURRENT_TIMESTAMP";
        return "INSERT INTO crm_outbox (tenant_id, id, aggregatetype, aggregateid, type, payload, occurred_at,"
                + " delivered_at) SELECT 'plan-check', " + id + ", 'customer', CONCAT('c-', MOD(n.x, " + AGGREGATES
                + ")), 'customer.updated', '{}', " + now + ", " + (delivered ? now : "NULL") + " FROM (" + numbers
                + ") AS n";
    }

    /** Leases the oldest undelivered events to another relay, as a second node would hold them. */
    private String holdElsewhere() {
        String until = switch (dialect()) {
            case POSTGRESQL -> "CURRENT_TIMESTAMP + INTERVAL '1 hour'";
            case MARIADB -> "UTC_TIMESTAMP(6) + INTERVAL 1 HOUR";
            case H2 -> "DATEADD(HOUR, 1, CURRENT_TIMESTAMP)";
        };
        return "UPDATE crm_outbox SET claimed_by = 'elsewhere', lease_until = " + until + " WHERE delivered_at IS NULL"
                + " AND sequence <= (SELECT MIN(sequence) + " + (HELD_ELSEWHERE - 1) + " FROM (SELECT sequence FROM"
                + " crm_outbox WHERE delivered_at IS NULL) AS u)";
    }

    private Dialect dialect() {
        try (Connection c = pool.getConnection()) {
            return Dialect.detect(c.getMetaData());
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The statement with its {@code ?} placeholders numbered {@code $1, $2, ...}, as PREPARE takes them. */
    private static String numbered(String sql) {
        Matcher placeholder = Pattern.compile("\\?").matcher(sql);
        StringBuilder numbered = new StringBuilder();
        int n = 0;
        while (placeholder.find()) {
            placeholder.appendReplacement(numbered, "\\$" + ++n);
        }
        return placeholder.appendTail(numbered).toString();
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }
}
