package dev.crmkit.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import dev.crmkit.model.StorageFailureException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * {@code JdbcStorage.builder().build()} against a database whose CRMKit schema is missing, older or newer than the
 * code: start-up stops and says what to do; a table that goes missing later is named as a schema problem at the
 * call that meets it.
 */
class SchemaVersionCheckTest {
    /** The schema version of this code: that of the last shipped script. */
    static final int CURRENT = SchemaMigrator.describe(
            SchemaMigrator.SCRIPTS.get(SchemaMigrator.SCRIPTS.size() - 1), "").version();

    abstract static class Checks {
        HikariDataSource pool;

        abstract HikariDataSource emptyDatabase() throws SQLException;

        abstract Dialect dialect();

        void dropDatabase() throws SQLException {
        }

        @BeforeEach
        void open() throws SQLException {
            pool = emptyDatabase();
        }

        @AfterEach
        void close() throws SQLException {
            if (pool != null) {
                pool.close();
                dropDatabase();
            }
        }

        JdbcStorage.Builder storage() {
            return JdbcStorage.builder().dataSource(pool);
        }

        @Test
        void an_empty_database_stops_the_start_up_saying_how_to_migrate() {
            assertThatThrownBy(() -> storage().build())
                    .isInstanceOf(StorageFailureException.class)
                    .hasMessageContaining("holds no CRMKit schema")
                    .hasMessageContaining("migrate(true)")
                    .hasMessageContaining("docs/jdbc-adapter.md");
        }

        @Test
        void a_schema_of_an_older_release_stops_the_start_up() throws SQLException {
            new SchemaMigrator(pool, dialect()).migrate();
            // back to an installation of release 7, before the schema recorded its own version
            execute("DROP TABLE IF EXISTS crm_ticket_routing_queue");
            execute("DROP TABLE IF EXISTS crm_ticket_agent_slot");
            execute("DROP TABLE IF EXISTS crm_duplicate_pair");
            execute("DROP TABLE IF EXISTS crm_duplicate_job");
            execute("DROP TABLE IF EXISTS crm_loyalty_accrual_line");
            execute("DROP TABLE IF EXISTS crm_loyalty_accrual");
            execute("DROP TABLE IF EXISTS crm_team_member_hours");
            execute("DROP TABLE IF EXISTS crm_ticket_milestone");
            execute("DROP TABLE IF EXISTS crm_sla_policy");
            execute("DROP TABLE IF EXISTS crm_business_calendar");
            execute("DROP TABLE IF EXISTS crm_loyalty_tier_benefit");
            execute("DROP TABLE IF EXISTS crm_loyalty_tier");
            execute("DROP TABLE IF EXISTS crm_loyalty_tier_scheme");
            execute("DROP TABLE IF EXISTS crm_loyalty_member_tier");
            execute("DROP TABLE IF EXISTS crm_loyalty_tier_change");
            execute("DROP TABLE IF EXISTS crm_loyalty_reward");
            execute("DROP TABLE IF EXISTS crm_loyalty_programme_rule");
            execute("DROP TABLE IF EXISTS crm_loyalty_programme");
            execute("DROP TABLE IF EXISTS crm_forecast_submission");
            execute("DROP TABLE IF EXISTS crm_forecast_snapshot_cell");
            execute("DROP TABLE IF EXISTS crm_forecast_snapshot_rate");
            execute("DROP TABLE IF EXISTS crm_forecast_snapshot");
            execute("DROP TABLE IF EXISTS crm_quota");
            execute("DROP INDEX ix_crm_opportunity_expected_close"
                    + (dialect() == Dialect.MARIADB ? " ON crm_opportunity" : ""));
            execute("DROP TABLE IF EXISTS crm_survey_response");
            execute("DROP TABLE IF EXISTS crm_article");
            execute("DROP TABLE IF EXISTS crm_article_term");
            execute("DROP TABLE IF EXISTS crm_article_view");
            execute("DROP TABLE IF EXISTS crm_session_ticket");
            execute("DROP TABLE IF EXISTS crm_match_key");
            execute("DROP TABLE IF EXISTS crm_ticket_field");
            execute("DROP TABLE IF EXISTS crm_ticket_attachment");
            execute("DROP TABLE IF EXISTS crm_ticket");
            execute("DROP TABLE IF EXISTS crm_loyalty_ledger");
            execute("DROP TABLE IF EXISTS crm_loyalty_membership");
            execute("DROP TABLE IF EXISTS crm_purchase_return_line");
            execute("DROP TABLE IF EXISTS crm_purchase_return");
            execute("DROP TABLE IF EXISTS crm_purchase_line");
            execute("DROP TABLE IF EXISTS crm_purchase");
            execute("DROP INDEX ix_crm_customer_owner" + (dialect() == Dialect.MARIADB ? " ON crm_customer" : ""));
            execute("ALTER TABLE crm_customer DROP COLUMN owner_id");
            execute("ALTER TABLE crm_customer ADD COLUMN owner_id VARCHAR(100)");
            execute("CREATE INDEX ix_crm_customer_owner ON crm_customer (tenant_id, owner_id, id)");
            execute("DROP TABLE IF EXISTS crm_lead_model");
            execute("DROP TABLE IF EXISTS crm_send_rate");
            execute("DROP TABLE IF EXISTS crm_message");
            execute("DROP TABLE IF EXISTS crm_schema_version");
            execute("ALTER TABLE crm_outbox DROP COLUMN schemaversion");
            execute("DELETE FROM crm_schema_history WHERE version > 7");

            assertThatThrownBy(() -> storage().build())
                    .isInstanceOf(StorageFailureException.class)
                    .hasMessageContaining("older than version " + CURRENT + ", which this code needs")
                    .hasMessageContaining("migrate(true)");
            assertThat(storage().migrate(true).build().dialect()).as("migrated, it starts").isEqualTo(dialect());
        }

        @Test
        void a_schema_newer_than_the_code_stops_the_start_up_even_when_migrating() throws SQLException {
            new SchemaMigrator(pool, dialect()).migrate();
            execute("INSERT INTO crm_schema_version (version) VALUES (" + (CURRENT + 1) + ")");

            for (JdbcStorage.Builder builder : List.of(storage(), storage().migrate(true))) {
                assertThatThrownBy(builder::build)
                        .isInstanceOf(StorageFailureException.class)
                        .hasMessageContaining("schema version " + (CURRENT + 1))
                        .hasMessageContaining("newer than version " + CURRENT);
            }
        }

        @Test
        void a_current_schema_starts_however_it_was_migrated() {
            new SchemaMigrator(pool, dialect()).migrate();

            assertThat(storage().build().customFieldDefinitions().list("acme")).isEmpty();
        }

        @Test
        void a_table_missing_at_the_first_call_is_reported_as_a_schema_problem() throws SQLException {
            new SchemaMigrator(pool, dialect()).migrate();
            JdbcStorage storage = storage().build();
            execute("DROP TABLE crm_custom_field_definition");

            assertThatThrownBy(() -> storage.customFieldDefinitions().list("acme"))
                    .isInstanceOf(StorageFailureException.class)
                    .hasMessageContaining("custom field definition")
                    .hasMessageContaining("missing or older than this code")
                    .hasMessageContaining("migrate(true)")
                    .satisfies(e -> assertThat(e.getMessage()).doesNotContainIgnoringCase("select"));
        }

        void execute(String sql) throws SQLException {
            try (Connection c = pool.getConnection(); Statement s = c.createStatement()) {
                s.execute(sql);
            }
        }
    }

    @Nested
    class On_H2 extends Checks {
        @Override
        HikariDataSource emptyDatabase() {
            return TestDatabases.freshH2();
        }

        @Override
        Dialect dialect() {
            return Dialect.H2;
        }
    }

    @Nested
    class On_PostgreSQL extends Checks {
        private static final String SCHEMA = "crm_version_check_test";

        @Override
        HikariDataSource emptyDatabase() throws SQLException {
            String url = TestDatabases.requiredUrl(TestDatabases.POSTGRES);
            try (HikariDataSource admin = TestDatabases.pool(url, 1);
                    Connection c = admin.getConnection(); Statement s = c.createStatement()) {
                s.execute("DROP SCHEMA IF EXISTS " + SCHEMA + " CASCADE");
                s.execute("CREATE SCHEMA " + SCHEMA);
            }
            return TestDatabases.pool(url + (url.contains("?") ? "&" : "?") + "currentSchema=" + SCHEMA, 2);
        }

        @Override
        Dialect dialect() {
            return Dialect.POSTGRESQL;
        }
    }

    @Nested
    class On_MariaDB extends Checks {
        @Override
        HikariDataSource emptyDatabase() throws SQLException {
            return TestDatabases.freshMariaDbBeside(TestDatabases.requiredUrl(TestDatabases.MARIADB), "version", 2);
        }

        @Override
        void dropDatabase() throws SQLException {
            TestDatabases.dropMariaDbBeside(TestDatabases.requiredUrl(TestDatabases.MARIADB), "version");
        }

        @Override
        Dialect dialect() {
            return Dialect.MARIADB;
        }
    }
}
