package dev.crmkit.jdbc;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.io.PrintStream;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Where the tests find their databases: H2 in memory, PostgreSQL and MariaDB from the environment variables
 * {@value #POSTGRES} and {@value #MARIADB}. Without a URL a test class is skipped, except on CI
 * ({@code CI=true}), where a missing database is an error rather than a silently smaller test run.
 */
final class TestDatabases {
    static final String POSTGRES = "CRMKIT_TEST_POSTGRES_URL";
    static final String MARIADB = "CRMKIT_TEST_MARIADB_URL";
    private static final AtomicInteger H2_COUNTER = new AtomicInteger();
    /** The variables whose absence this test JVM has announced already. */
    private static final Set<String> ANNOUNCED = ConcurrentHashMap.newKeySet();

    /** Every table the tests empty between tests: all of CRMKit's except the schema history and the lock rows. */
    static final List<String> DATA_TABLES = List.of("crm_customer_tag", "crm_customer_field", "crm_customer",
            "crm_contact_point", "crm_relationship", "crm_custom_field_definition", "crm_interaction", "crm_task",
            "crm_outbox", "crm_due_work", "crm_team_member_attribute", "crm_team_member", "crm_team",
            "crm_lead", "crm_lead_rotation", "crm_lead_load", "crm_idempotency_key",
            "crm_pipeline_stage", "crm_pipeline", "crm_opportunity_line_item", "crm_opportunity_contact",
            "crm_opportunity_competitor", "crm_opportunity_stage_change", "crm_opportunity",
            "crm_message", "crm_send_rate", "crm_lead_model", "crm_purchase_return_line", "crm_purchase_return",
            "crm_purchase_line", "crm_purchase", "crm_loyalty_accrual_line", "crm_loyalty_accrual",
            "crm_loyalty_ledger", "crm_loyalty_membership",
            "crm_loyalty_programme_rule", "crm_loyalty_programme", "crm_quota",
            "crm_forecast_submission", "crm_forecast_snapshot_cell", "crm_forecast_snapshot_rate",
            "crm_forecast_snapshot",
            "crm_match_key", "crm_ticket_field", "crm_ticket_attachment", "crm_ticket", "crm_business_calendar",
            "crm_sla_policy", "crm_ticket_milestone", "crm_team_member_hours", "crm_duplicate_pair",
            "crm_loyalty_tier_benefit", "crm_loyalty_tier", "crm_loyalty_tier_scheme", "crm_loyalty_member_tier",
            "crm_loyalty_tier_change", "crm_loyalty_reward",
            "crm_article", "crm_article_view", "crm_session_ticket",
            "crm_ticket_agent_slot", "crm_ticket_routing_queue", "crm_survey_response", "crm_duplicate_job");

    private TestDatabases() {
    }

    /**
     * The JDBC URL in {@code variable}; skips the calling test class when it is missing, fails on CI. A skip is
     * also announced once per variable on the console, where someone running {@code mvn verify} sees it: JUnit
     * puts the assumption's message only into the XML reports.
     */
    static String requiredUrl(String variable) {
        String url = System.getenv(variable);
        if (url == null || url.isBlank()) {
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                throw new IllegalStateException(variable + " is not set, but CI=true requires every backend to be tested");
            }
            announceSkip(variable, System.err);
            assumeTrue(false, "set " + variable + " to a JDBC URL (with user) to run these tests");
        }
        return url;
    }

    /** Prints the notice that {@code variable} is missing, the first time only; whether it printed. */
    static boolean announceSkip(String variable, PrintStream console) {
        if (!ANNOUNCED.add(variable)) {
            return false;
        }
        console.println("[CRMKit tests] " + variable + " is not set: the tests on " + backendOf(variable)
                + " in this module are SKIPPED. Set it to the JDBC URL (with user) of an empty database to run them;"
                + " see docs/operations.md.");
        return true;
    }

    private static String backendOf(String variable) {
        return switch (variable) {
            case POSTGRES -> "PostgreSQL";
            case MARIADB -> "MariaDB";
            default -> variable;
        };
    }

    /**
     * A pool over a new, empty database on the MariaDB server of {@code url}, named after the URL's database with
     * {@code suffix} added, so runs on one server with different URLs stay apart. {@link #dropMariaDbBeside} drops it.
     */
    static HikariDataSource freshMariaDbBeside(String url, String suffix, int size) throws SQLException {
        String database = besideName(url, suffix);
        onServer(url, "DROP DATABASE IF EXISTS " + database);
        onServer(url, "CREATE DATABASE " + database + " CHARACTER SET utf8mb4 COLLATE utf8mb4_bin");
        // The same server and options, another database: jdbc:mariadb://host:port/<database>?options
        return pool(url.replaceFirst("^(jdbc:mariadb://[^/?]+)/[^?]*", "$1/" + database), size);
    }

    /** Drops the database {@link #freshMariaDbBeside} made. */
    static void dropMariaDbBeside(String url, String suffix) throws SQLException {
        onServer(url, "DROP DATABASE IF EXISTS " + besideName(url, suffix));
    }

    private static String besideName(String url, String suffix) {
        return url.replaceFirst("^jdbc:mariadb://[^/?]+/([^?]*).*$", "$1") + "_" + suffix;
    }

    private static void onServer(String url, String sql) throws SQLException {
        try (HikariDataSource admin = pool(url, 1); Connection c = admin.getConnection();
                Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    /** A pool over a new, empty H2 database in memory. */
    static HikariDataSource freshH2() {
        return pool("jdbc:h2:mem:crm" + H2_COUNTER.incrementAndGet() + ";DB_CLOSE_DELAY=-1", 4);
    }

    static HikariDataSource pool(String url, int size) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url);
        config.setMaximumPoolSize(size);
        config.setMinimumIdle(1);
        config.setPoolName("crm-test");
        return new HikariDataSource(config);
    }

    /** Shuts an in-memory H2 database down and closes its pool, so its memory is freed. */
    static void dropH2(HikariDataSource pool) {
        try (Connection c = pool.getConnection(); Statement s = c.createStatement()) {
            s.execute("SHUTDOWN");
        } catch (SQLException ignored) {
            // the database is gone either way
        }
        pool.close();
    }

    /** Deletes every row of the data tables, children first. */
    static void empty(HikariDataSource pool) {
        try (Connection c = pool.getConnection(); Statement s = c.createStatement()) {
            for (String table : DATA_TABLES) {
                s.addBatch("DELETE FROM " + table);
            }
            s.executeBatch();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot empty the test database", e);
        }
    }
}
