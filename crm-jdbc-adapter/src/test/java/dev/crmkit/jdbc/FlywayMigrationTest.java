package dev.crmkit.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import dev.crmkit.spi.customer.CustomerRecord;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The shipped scripts run by a host's Flyway, configured as {@code docs/jdbc-adapter.md} says, in a schema that
 * already holds one of the host's tables: CRMKit's tables are created beside it and work.
 */
class FlywayMigrationTest {

    /** The configuration of docs/jdbc-adapter.md ("Running them with Flyway instead"), call for call. */
    static Flyway documentedFlyway(DataSource dataSource, Dialect dialect) {
        return Flyway.configure()
                .dataSource(dataSource)
                .locations("classpath:dev/crmkit/jdbc/migration/" + dialect.migrationFolder())
                .table("crm_flyway_history")
                .baselineOnMigrate(true)
                .baselineVersion("0")
                .load();
    }

    @Test
    void the_documentation_gives_the_configuration_tested_here() throws IOException {
        String doc = Files.readString(Path.of("..", "docs", "jdbc-adapter.md"), StandardCharsets.UTF_8);

        assertThat(doc).contains(".locations(\"classpath:dev/crmkit/jdbc/migration/postgresql\")",
                ".table(\"crm_flyway_history\")", ".baselineOnMigrate(true)", ".baselineVersion(\"0\")");
    }

    abstract static class Checks {
        HikariDataSource pool;

        abstract HikariDataSource emptyDatabase() throws SQLException;

        abstract Dialect dialect();

        @BeforeEach
        void hostHasItsOwnTable() throws SQLException {
            pool = emptyDatabase();
            execute("CREATE TABLE host_order (id INTEGER NOT NULL PRIMARY KEY, total DECIMAL(10,2) NOT NULL)");
            execute("INSERT INTO host_order (id, total) VALUES (1, 99.50)");
        }

        /** Drops what {@link #emptyDatabase()} made outside the database of the URL; nothing by default. */
        void dropDatabase() throws SQLException {
        }

        @AfterEach
        void close() throws SQLException {
            if (pool != null) {
                pool.close();
                dropDatabase();
            }
        }

        @Test
        void flyway_configured_as_documented_creates_the_crm_tables_beside_the_hosts_own() throws SQLException {
            MigrateResult result = documentedFlyway(pool, dialect()).migrate();

            assertThat(result.migrationsExecuted).isEqualTo(SchemaMigrator.SCRIPTS.size());
            JdbcStorage storage = JdbcStorage.builder().dataSource(pool).build();
            CustomerRecord ada = JdbcSmokeChecks.customer(UUID.randomUUID(), "lovelace", "ERP-1");
            storage.customers().insert(ada);
            assertThat(storage.customers().get(JdbcSmokeChecks.TENANT, ada.id())).contains(ada);
            assertThat(count("SELECT COUNT(*) FROM host_order")).as("the host's rows").isEqualTo(1);
            assertThat(documentedFlyway(pool, dialect()).migrate().migrationsExecuted).as("a second run").isZero();
        }

        long count(String sql) throws SQLException {
            try (Connection c = pool.getConnection(); Statement s = c.createStatement();
                    ResultSet r = s.executeQuery(sql)) {
                r.next();
                return r.getLong(1);
            }
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
        private static final String SCHEMA = "crm_flyway_test";

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
            return TestDatabases.freshMariaDbBeside(TestDatabases.requiredUrl(TestDatabases.MARIADB), "flyway", 2);
        }

        @Override
        void dropDatabase() throws SQLException {
            TestDatabases.dropMariaDbBeside(TestDatabases.requiredUrl(TestDatabases.MARIADB), "flyway");
        }

        @Override
        Dialect dialect() {
            return Dialect.MARIADB;
        }
    }
}
