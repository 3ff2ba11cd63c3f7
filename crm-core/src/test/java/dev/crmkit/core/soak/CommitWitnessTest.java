package dev.crmkit.core.soak;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.crmkit.jdbc.JdbcStorage;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The soak test's commit witness stamps events in the order their transactions committed, not the order they were
 * written in: the order check of {@link TwoNodeSoakTest} stands on it. Runs where the soak test runs.
 */
class CommitWitnessTest {
    static Stream<String> databases() {
        return TwoNodeSoakTest.databases();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void the_transaction_that_wrote_its_event_last_but_committed_first_gets_the_lower_stamp(String variable)
            throws SQLException {
        String url = TwoNodeSoakTest.requiredUrl(variable);
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url);
        config.setMaximumPoolSize(3);
        try (HikariDataSource pool = new HikariDataSource(config)) {
            // given: the witness's tables, and two units writing events of one aggregate
            JdbcStorage.builder().dataSource(pool).migrate(true).build();
            try (Connection c = pool.getConnection(); Statement s = c.createStatement()) {
                s.execute("DROP TABLE IF EXISTS soak_commit_clock");
                s.execute("DROP TABLE IF EXISTS soak_event_rank");
                CommitWitness.install(c);
            }
            DataSource witnessed = CommitWitness.around(pool, "test");
            String aggregate = UUID.randomUUID().toString();
            UUID first = UUID.randomUUID();
            UUID second = UUID.randomUUID();
            try (Connection writesFirst = witnessed.getConnection(); Connection writesSecond = witnessed.getConnection()) {
                writesFirst.setAutoCommit(false);
                writesSecond.setAutoCommit(false);
                insertEvent(writesFirst, first, aggregate, variable);
                insertEvent(writesSecond, second, aggregate, variable);

                // when: the unit that wrote second commits first
                writesSecond.commit();
                writesFirst.commit();
            }

            // then
            Map<String, Long> ranks = new HashMap<>();
            try (Connection c = pool.getConnection(); Statement s = c.createStatement();
                    ResultSet rs = s.executeQuery("SELECT event_id, commit_rank FROM soak_event_rank")) {
                while (rs.next()) {
                    ranks.put(rs.getString(1), rs.getLong(2));
                }
                s.execute("DELETE FROM crm_outbox WHERE tenant_id = 'witness-test'");
            }
            assertThat(ranks.get(second.toString())).isNotNull().isLessThan(ranks.get(first.toString()));
        }
    }

    /** An outbox row written the way the JDBC adapter writes it. */
    private static void insertEvent(Connection c, UUID id, String aggregate, String variable) throws SQLException {
        try (PreparedStatement insert = c.prepareStatement("INSERT INTO crm_outbox (tenant_id, id, aggregatetype,"
                + " aggregateid, type, schemaversion, payload, occurred_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
            insert.setString(1, "witness-test");
            if (variable.contains("POSTGRES")) {
                insert.setObject(2, id);
            } else {
                insert.setString(2, id.toString());
            }
            insert.setString(3, "customer");
            insert.setString(4, aggregate);
            insert.setString(5, "customer.updated");
            insert.setInt(6, 1);
            insert.setString(7, "{}");
            insert.setTimestamp(8, Timestamp.from(Instant.now()));
            insert.addBatch();
            insert.executeBatch();
        }
    }
}
