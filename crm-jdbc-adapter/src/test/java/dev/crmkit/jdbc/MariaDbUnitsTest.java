package dev.crmkit.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.crmkit.jdbc.RecordingDataSource.Recorded;
import dev.crmkit.spi.outbox.OutboxEvent;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * How a unit begins and ends on MariaDB Connector/J (docs/jdbc-adapter.md, "Isolation"): with {@code START
 * TRANSACTION}, the connection's auto-commit mode left alone, at READ COMMITTED, with {@code SET TRANSACTION} only when
 * the pool's connections are not at READ COMMITTED already; and what it wrote commits, or is rolled back, all
 * together.
 */
class MariaDbUnitsTest {
    private static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.MICROS);
    private static String url;

    @BeforeAll
    static void migrate() {
        url = TestDatabases.requiredUrl(TestDatabases.MARIADB);
        try (HikariDataSource pool = TestDatabases.pool(url, 1)) {
            JdbcStorage.builder().dataSource(pool).migrate(true).build();
        }
    }

    @AfterAll
    static void empty() {
        try (HikariDataSource pool = TestDatabases.pool(url, 1)) {
            TestDatabases.empty(pool);
        }
    }

    private static HikariDataSource pool(boolean readCommitted) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url);
        config.setMaximumPoolSize(1);
        config.setPoolName("crm-units-test");
        if (readCommitted) {
            config.setTransactionIsolation("TRANSACTION_READ_COMMITTED");
        }
        return new HikariDataSource(config);
    }

    private static OutboxEvent event(String type) {
        return OutboxEvent.of("units", UUID.randomUUID(), "customer", "c-1", type, "{}", NOW);
    }

    /**
     * The unit's statements, by their text, and whether a read in the unit saw what another connection committed after
     * the unit's first read: at READ COMMITTED it does, at MariaDB's REPEATABLE READ it does not.
     */
    private record Unit(List<String> statements, boolean readCommitted) {
    }

    private static Unit runUnit(HikariDataSource pool, String type) {
        RecordingDataSource recording = new RecordingDataSource(pool);
        JdbcStorage storage = JdbcStorage.builder().dataSource(recording).build();
        Database database = (Database) storage.transactions();
        boolean[] sawCommit = new boolean[1];
        List<Recorded> statements = recording.record(() -> database.run(() -> {
            storage.outbox().append(List.of(event(type)));
            long before = database.read("count", c -> count(c, type + ".elsewhere"));
            try (HikariDataSource other = TestDatabases.pool(url, 1); Connection c = other.getConnection();
                    PreparedStatement p = c.prepareStatement("INSERT INTO crm_outbox (tenant_id, id, aggregatetype,"
                            + " aggregateid, type, schemaversion, payload, occurred_at)"
                            + " VALUES ('units', ?, 'customer', 'c-2', ?, 1, '{}', CURRENT_TIMESTAMP(6))")) {
                p.setString(1, UUID.randomUUID().toString());
                p.setString(2, type + ".elsewhere");
                p.executeUpdate();
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
            sawCommit[0] = database.read("count", c -> count(c, type + ".elsewhere")) == before + 1;
        }));
        List<String> texts = new ArrayList<>();
        statements.stream().map(Recorded::sql).filter(sql -> !sql.startsWith("SELECT COUNT")).forEach(texts::add);
        return new Unit(texts, sawCommit[0]);
    }

    private static long count(Connection c, String type) throws SQLException {
        try (PreparedStatement p = c.prepareStatement("SELECT COUNT(*) FROM crm_outbox WHERE type = ?")) {
            p.setString(1, type);
            try (ResultSet r = p.executeQuery()) {
                r.next();
                return r.getLong(1);
            }
        }
    }

    private static long events(HikariDataSource pool, String type) throws SQLException {
        try (Connection c = pool.getConnection()) {
            return count(c, type);
        }
    }

    @Test
    void a_unit_on_a_pool_at_repeatable_read_sets_read_committed_and_starts_its_transaction() throws SQLException {
        try (HikariDataSource pool = pool(false)) {
            Unit unit = runUnit(pool, "units.default");

            assertThat(unit.statements().get(0)).isEqualTo("SET TRANSACTION ISOLATION LEVEL READ COMMITTED");
            assertThat(unit.statements().get(1)).isEqualTo("START TRANSACTION");
            assertThat(unit.statements()).noneMatch(sql -> sql.toLowerCase().contains("autocommit"));
            assertThat(unit.readCommitted()).isTrue();
            assertThat(events(pool, "units.default")).isEqualTo(1);
        }
    }

    @Test
    void a_unit_on_a_pool_at_read_committed_sends_no_set_transaction() throws SQLException {
        try (HikariDataSource pool = pool(true)) {
            Unit unit = runUnit(pool, "units.read-committed");

            assertThat(unit.statements().get(0)).isEqualTo("START TRANSACTION");
            assertThat(unit.statements()).noneMatch(sql -> sql.startsWith("SET TRANSACTION"));
            assertThat(unit.readCommitted()).isTrue();
            assertThat(events(pool, "units.read-committed")).isEqualTo(1);
        }
    }

    @Test
    void the_connection_goes_back_in_auto_commit_mode_with_no_transaction_open() throws SQLException {
        try (HikariDataSource pool = pool(false)) {
            runUnit(pool, "units.returned");

            // the pool's only connection: a write outside any transaction commits on its own
            try (Connection c = pool.getConnection(); Statement s = c.createStatement()) {
                assertThat(c.getAutoCommit()).isTrue();
                try (ResultSet r = s.executeQuery("SELECT COUNT(*) FROM information_schema.innodb_trx"
                        + " WHERE trx_mysql_thread_id = CONNECTION_ID()")) {
                    r.next();
                    assertThat(r.getInt(1)).isZero();
                }
            }
        }
    }

    @Test
    void a_unit_that_fails_after_writing_leaves_nothing_though_auto_commit_stayed_on() throws SQLException {
        try (HikariDataSource pool = pool(true)) {
            JdbcStorage storage = JdbcStorage.builder().dataSource(pool).build();

            assertThatThrownBy(() -> storage.transactions().run(() -> {
                storage.outbox().append(List.of(event("units.failed")));
                throw new IllegalStateException("the work failed after its write");
            })).isInstanceOf(IllegalStateException.class);

            assertThat(events(pool, "units.failed")).isZero();
        }
    }
}
