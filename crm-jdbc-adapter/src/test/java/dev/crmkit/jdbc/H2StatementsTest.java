package dev.crmkit.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@link H2Statements}: statements kept on H2's pooled connections, used again, never shared or kept broken. */
class H2StatementsTest {
    private HikariDataSource pool;
    private final H2Statements statements = new H2Statements();

    @BeforeEach
    void openPool() throws SQLException {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl("jdbc:h2:mem:statements-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        config.setMaximumPoolSize(1);
        pool = new HikariDataSource(config);
        try (Connection c = pool.getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE note (id INT PRIMARY KEY, body VARCHAR(20))");
            s.execute("INSERT INTO note VALUES (1, 'one'), (2, 'two')");
        }
    }

    @AfterEach
    void closePool() {
        pool.close();
    }

    @Test
    void a_statement_closed_is_used_again_after_its_connection_went_back_to_the_pool_and_came_out_again()
            throws SQLException {
        PreparedStatement first;
        try (Connection c = pool.getConnection(); PreparedStatement s = statements.prepare(c, "SELECT body FROM note"
                + " WHERE id = ?")) {
            first = s.unwrap(PreparedStatement.class);
            assertThat(body(s, 1)).isEqualTo("one");
        }

        try (Connection c = pool.getConnection(); PreparedStatement s = statements.prepare(c, "SELECT body FROM note"
                + " WHERE id = ?")) {
            assertThat(s.unwrap(PreparedStatement.class)).isSameAs(first);
            assertThat(body(s, 2)).isEqualTo("two");
        }
        assertThat(statements.size()).isEqualTo(1);
    }

    @Test
    void two_uses_of_one_text_at_once_get_two_statements_and_a_closed_one_refuses_further_use() throws SQLException {
        String sql = "SELECT body FROM note WHERE id = ?";
        try (Connection c = pool.getConnection()) {
            PreparedStatement outer = statements.prepare(c, sql);
            outer.setInt(1, 1);
            try (ResultSet rows = outer.executeQuery()) {
                assertThat(rows.next()).isTrue();
                try (PreparedStatement inner = statements.prepare(c, sql)) {
                    assertThat(inner.unwrap(PreparedStatement.class))
                            .isNotSameAs(outer.unwrap(PreparedStatement.class));
                    assertThat(body(inner, 2)).isEqualTo("two");
                }
                // the outer statement's rows are still open
                assertThat(rows.getString(1)).isEqualTo("one");
            }
            outer.close();

            assertThat(outer.isClosed()).isTrue();
            assertThatThrownBy(() -> outer.setInt(1, 2)).isInstanceOf(SQLException.class);
        }
    }

    @Test
    void a_statement_whose_use_failed_is_closed_rather_than_kept() throws SQLException {
        String sql = "INSERT INTO note VALUES (?, ?)";
        PreparedStatement failed;
        try (Connection c = pool.getConnection()) {
            try (PreparedStatement s = statements.prepare(c, sql)) {
                failed = s.unwrap(PreparedStatement.class);
                s.setInt(1, 1);
                s.setString(2, "again");
                assertThatThrownBy(s::executeUpdate).isInstanceOf(SQLException.class);
            }
            assertThat(failed.isClosed()).isTrue();

            try (PreparedStatement s = statements.prepare(c, sql)) {
                assertThat(s.unwrap(PreparedStatement.class)).isNotSameAs(failed);
                s.setInt(1, 3);
                s.setString(2, "three");
                assertThat(s.executeUpdate()).isEqualTo(1);
            }
        }
    }

    @Test
    void a_kept_statement_reads_the_table_as_it_is_after_the_schema_changed() throws SQLException {
        String sql = "SELECT * FROM note WHERE id = ?";
        try (Connection c = pool.getConnection()) {
            try (PreparedStatement s = statements.prepare(c, sql)) {
                assertThat(body(s, 1)).isEqualTo("1");
            }
            try (Statement s = c.createStatement()) {
                s.execute("DROP TABLE note");
                s.execute("CREATE TABLE note (body VARCHAR(20), id INT PRIMARY KEY)");
                s.execute("INSERT INTO note VALUES ('first', 1)");
            }

            try (PreparedStatement s = statements.prepare(c, sql)) {
                assertThat(body(s, 1)).isEqualTo("first");
            }
        }
    }

    @Test
    void a_connection_keeps_at_most_its_share_of_statements_closing_the_least_recently_used() throws SQLException {
        PreparedStatement oldest;
        try (Connection c = pool.getConnection()) {
            try (PreparedStatement s = statements.prepare(c, "SELECT body FROM note WHERE id = 0")) {
                oldest = s.unwrap(PreparedStatement.class);
            }
            for (int i = 1; i <= H2Statements.PER_CONNECTION; i++) {
                statements.prepare(c, "SELECT body FROM note WHERE id = " + i).close();
            }
        }

        assertThat(statements.size()).isEqualTo(H2Statements.PER_CONNECTION);
        assertThat(oldest.isClosed()).isTrue();
    }

    @Test
    void beneath_a_wrapper_other_than_the_pools_every_statement_is_prepared_on_the_wrapper_and_closed_after_use()
            throws SQLException {
        List<String> observed = new ArrayList<>();
        try (Connection pooled = pool.getConnection()) {
            // a host's tracing wrapper: it sees each statement prepared through it; unwrap answers with what it wraps
            Connection traced = (Connection) Proxy.newProxyInstance(getClass().getClassLoader(),
                    new Class<?>[] {Connection.class}, (self, method, args) -> {
                        if (method.getName().equals("prepareStatement")) {
                            observed.add((String) args[0]);
                        }
                        try {
                            return method.invoke(pooled, args);
                        } catch (InvocationTargetException e) {
                            throw e.getCause();
                        }
                    });
            PreparedStatement first;
            try (PreparedStatement s = statements.prepare(traced, "SELECT body FROM note WHERE id = ?")) {
                first = s.unwrap(PreparedStatement.class);
                assertThat(body(s, 1)).isEqualTo("one");
            }
            try (PreparedStatement s = statements.prepare(traced, "SELECT body FROM note WHERE id = ?")) {
                assertThat(body(s, 2)).isEqualTo("two");
            }

            assertThat(observed).hasSize(2);
            assertThat(first.isClosed()).isTrue();
            assertThat(statements.size()).isZero();
        }
    }

    /** The first column of the row with this id, as text. */
    private static String body(PreparedStatement s, int id) throws SQLException {
        s.setInt(1, id);
        try (ResultSet rows = s.executeQuery()) {
            assertThat(rows.next()).isTrue();
            return rows.getString(1);
        }
    }
}
