package dev.crmkit.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import dev.crmkit.model.DuplicateException;
import dev.crmkit.model.customer.CustomerCriterion;
import dev.crmkit.spi.customer.CustomerRecord;
import dev.crmkit.spi.outbox.OutboxEvent;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

/**
 * CRMKit joining a transaction its host owns: the host opens a connection and a transaction, CRMKit writes
 * through the {@link ConnectionSource}, and the host's commit or rollback decides what is stored.
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class HostManagedTransactionTest {
    private HikariDataSource pool;
    private Connection hostConnection;
    private JdbcStorage hostManaged;
    private JdbcStorage standalone;
    private int released;

    @BeforeEach
    void hostBeginsATransaction() throws SQLException {
        pool = TestDatabases.freshH2();
        standalone = JdbcStorage.builder().dataSource(pool).migrate(true).build();
        hostConnection = pool.getConnection();
        hostConnection.setAutoCommit(false);
        hostManaged = JdbcStorage.builder().dataSource(pool).connectionSource(new ConnectionSource() {
            @Override
            public Connection obtain() {
                return hostConnection;
            }

            @Override
            public void release(Connection connection) {
                released++;
            }
        }).build();
    }

    @AfterEach
    void close() throws SQLException {
        hostConnection.close();
        TestDatabases.dropH2(pool);
    }

    @Test
    void host_rollback_discards_what_crmkit_wrote() throws SQLException {
        CustomerRecord ada = JdbcSmokeChecks.customer(UUID.randomUUID(), null, "ERP-1");

        hostManaged.transactions().run(() -> hostManaged.customers().insert(ada));
        hostManaged.outbox().append(List.of(OutboxEvent.of("acme", UUID.randomUUID(), "customer", ada.id().toString(),
                "CustomerRegistered", "{}", JdbcSmokeChecks.NOW)));
        assertThat(standalone.customers().get("acme", ada.id())).isEmpty();
        hostConnection.rollback();

        assertThat(standalone.customers().get("acme", ada.id())).isEmpty();
        assertThat(standalone.outbox().countUndelivered()).isZero();
        assertThat(hostConnection.getAutoCommit()).isFalse();
        assertThat(released).isEqualTo(2);
    }

    @Test
    void host_commit_stores_what_crmkit_wrote() throws SQLException {
        CustomerRecord ada = JdbcSmokeChecks.customer(UUID.randomUUID(), null, "ERP-1");

        hostManaged.transactions().run(() -> hostManaged.customers().insert(ada));
        hostConnection.commit();

        assertThat(standalone.customers().get("acme", ada.id())).contains(ada);
    }

    @Test
    void a_unit_outside_any_host_transaction_is_all_or_nothing() throws SQLException {
        // given: the host has no transaction open, its connection auto-commits
        hostConnection.setAutoCommit(true);
        CustomerRecord ada = JdbcSmokeChecks.customer(UUID.randomUUID(), null, "ERP-1");

        // when the unit's second step fails
        assertThatThrownBy(() -> hostManaged.transactions().run(() -> {
            hostManaged.customers().insert(ada);
            throw new IllegalStateException("the second step failed");
        })).isInstanceOf(IllegalStateException.class);

        // then its first write is undone, and the host gets its connection back as it gave it
        assertThat(standalone.customers().get("acme", ada.id())).isEmpty();
        assertThat(hostConnection.getAutoCommit()).isTrue();
        assertThat(released).isEqualTo(1);
    }

    @Test
    void a_unit_outside_any_host_transaction_commits_as_one_when_it_succeeds() throws SQLException {
        hostConnection.setAutoCommit(true);
        CustomerRecord ada = JdbcSmokeChecks.customer(UUID.randomUUID(), null, "ERP-1");

        hostManaged.transactions().run(() -> {
            hostManaged.customers().insert(ada);
            hostManaged.outbox().append(List.of(OutboxEvent.of("acme", UUID.randomUUID(), "customer",
                    ada.id().toString(), "CustomerRegistered", "{}", JdbcSmokeChecks.NOW)));
        });

        assertThat(standalone.customers().get("acme", ada.id())).contains(ada);
        assertThat(standalone.outbox().countUndelivered()).isEqualTo(1);
        assertThat(hostConnection.getAutoCommit()).isTrue();
    }

    @Test
    void a_batch_written_outside_any_host_transaction_is_all_or_nothing() throws SQLException {
        hostConnection.setAutoCommit(true);
        CustomerRecord ada = JdbcSmokeChecks.customer(UUID.randomUUID(), null, "ERP-1");
        CustomerRecord grace = JdbcSmokeChecks.customer(UUID.randomUUID(), null, "ERP-2");
        CustomerRecord adaAgain = JdbcSmokeChecks.customer(UUID.randomUUID(), null, "ERP-1");

        assertThatThrownBy(() -> hostManaged.customers().insertAll(List.of(ada, grace, adaAgain)))
                .isInstanceOf(DuplicateException.class);

        assertThat(standalone.customers().count("acme", CustomerCriterion.all())).isZero();
        assertThat(hostConnection.getAutoCommit()).isTrue();
    }

    @Test
    void a_failing_unit_in_host_mode_leaves_the_decision_to_the_host() throws SQLException {
        CustomerRecord ada = JdbcSmokeChecks.customer(UUID.randomUUID(), null, "ERP-1");
        hostManaged.customers().insert(ada);

        try {
            hostManaged.transactions().run(() -> {
                throw new IllegalStateException("the host's business rule failed");
            });
        } catch (IllegalStateException expected) {
            // the host sees its own exception and decides
        }
        hostConnection.commit();

        assertThat(standalone.customers().get("acme", ada.id())).contains(ada);
    }
}
