package dev.crmkit.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import dev.crmkit.model.StorageFailureException;
import dev.crmkit.model.customer.LifecycleStage;
import dev.crmkit.model.customer.PartyKind;
import dev.crmkit.model.lead.LeadAttribution;
import dev.crmkit.model.lead.LeadDetails;
import dev.crmkit.model.lead.LeadSource;
import dev.crmkit.model.lead.LeadStatus;
import dev.crmkit.model.lead.Qualification;
import dev.crmkit.model.team.Availability;
import dev.crmkit.model.team.TeamRole;
import dev.crmkit.model.ticket.TicketChannel;
import dev.crmkit.model.ticket.TicketContent;
import dev.crmkit.model.ticket.TicketKind;
import dev.crmkit.model.ticket.TicketPriority;
import dev.crmkit.model.ticket.TicketState;
import dev.crmkit.spi.customer.CustomerRecord;
import dev.crmkit.spi.lead.LeadRecord;
import dev.crmkit.spi.team.TeamMemberRecord;
import dev.crmkit.spi.ticket.AgentSlotRecord;
import dev.crmkit.spi.ticket.ServiceLevelStorage;
import dev.crmkit.spi.ticket.TicketRecord;
import dev.crmkit.spi.ticket.TicketRoutingStore;
import dev.crmkit.spi.ticket.TicketStorage;
import dev.crmkit.spi.ticket.TicketStore;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class SchemaMigratorTest {

    abstract static class Checks {
        private static final Instant NOW = Instant.parse("2026-03-01T09:30:00Z");
        HikariDataSource pool;

        abstract HikariDataSource emptyDatabase() throws SQLException;

        abstract Dialect dialect();

        /** Drops what {@link #emptyDatabase()} made outside the database of the URL; nothing by default. */
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

        SchemaMigrator migrator() {
            return new SchemaMigrator(pool, dialect());
        }

        @Test
        void first_run_applies_the_schema_and_records_it_in_the_history() throws SQLException {
            List<SchemaMigrator.Migration> applied = migrator().migrate();

            assertThat(applied).extracting(SchemaMigrator.Migration::version)
                    .containsExactly(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23,
                            24, 26, 28, 29, 30, 31);
            assertThat(migrator().applied()).containsExactlyElementsOf(applied);
            assertThat(count("SELECT COUNT(*) FROM crm_lock")).isEqualTo(2);
            assertThat(count("SELECT COUNT(*) FROM crm_schema_history WHERE applied_at IS NOT NULL"
                    + " AND description = 'crm schema'")).isEqualTo(1);
            assertThat(count("SELECT COUNT(*) FROM crm_schema_history WHERE applied_at IS NOT NULL"
                    + " AND description = 'team'")).isEqualTo(1);
            assertThat(count("SELECT COUNT(*) FROM crm_schema_history WHERE applied_at IS NOT NULL"
                    + " AND description = 'lead'")).isEqualTo(1);
        }

        @Test
        void second_run_applies_nothing() throws SQLException {
            migrator().migrate();

            assertThat(migrator().migrate()).isEmpty();
            assertThat(count("SELECT COUNT(*) FROM crm_schema_history")).isEqualTo(SchemaMigrator.SCRIPTS.size());
        }

        @Test
        void two_migrators_starting_together_apply_the_schema_once() throws Exception {
            CountDownLatch start = new CountDownLatch(1);
            Callable<Integer> run = () -> {
                start.await();
                return migrator().migrate().size();
            };
            ExecutorService nodes = Executors.newFixedThreadPool(2);
            try {
                List<Future<Integer>> results = new ArrayList<>(List.of(nodes.submit(run), nodes.submit(run)));
                start.countDown();

                assertThat(results.get(0).get() + results.get(1).get()).isEqualTo(SchemaMigrator.SCRIPTS.size());
            } finally {
                nodes.shutdownNow();
            }
            assertThat(count("SELECT COUNT(*) FROM crm_schema_history")).isEqualTo(SchemaMigrator.SCRIPTS.size());
        }

        @Test
        void a_script_changed_after_it_was_applied_stops_the_migration() throws SQLException {
            migrator().migrate();
            execute("UPDATE crm_schema_history SET checksum = checksum + 1 WHERE version = 1");

            assertThatThrownBy(() -> migrator().migrate())
                    .isInstanceOf(StorageFailureException.class)
                    .hasMessageContaining("schema version 1 was changed after it was applied");
        }

        @Test
        void the_lead_load_script_counts_the_open_leads_an_installation_holds_already() throws SQLException {
            migrator().migrate();
            JdbcStorage storage = JdbcStorage.builder().dataSource(pool).dialect(dialect()).build();
            UUID ann = UUID.randomUUID();
            UUID bob = UUID.randomUUID();
            List<LeadRecord> leads = new ArrayList<>();
            for (LeadStatus status : LeadStatus.values()) {
                leads.add(lead("tenant-a", status, ann));
                leads.add(lead("tenant-a", status, bob));
                leads.add(lead("tenant-a", status, bob));
                leads.add(lead("tenant-a", status, null));
                leads.add(lead("tenant-b", status, ann));
            }
            storage.leads().insertAll(leads);
            // Back to the schema of an installation before version 5, its leads kept.
            execute("DROP TABLE crm_ticket_routing_queue");
            execute("DROP TABLE crm_ticket_agent_slot");
            execute("DROP TABLE crm_duplicate_pair");
            execute("DROP TABLE crm_duplicate_job");
            execute("DROP TABLE crm_loyalty_accrual_line");
            execute("DROP TABLE crm_loyalty_accrual");
            execute("DROP TABLE crm_team_member_hours");
            execute("DROP TABLE crm_ticket_milestone");
            execute("DROP TABLE crm_sla_policy");
            execute("DROP TABLE crm_business_calendar");
            execute("DROP TABLE crm_loyalty_tier_benefit");
            execute("DROP TABLE crm_loyalty_tier");
            execute("DROP TABLE crm_loyalty_tier_scheme");
            execute("DROP TABLE crm_loyalty_member_tier");
            execute("DROP TABLE crm_loyalty_tier_change");
            execute("DROP TABLE crm_loyalty_reward");
            execute("DROP TABLE crm_loyalty_programme_rule");
            execute("DROP TABLE crm_loyalty_programme");
            execute("DROP TABLE crm_forecast_submission");
            execute("DROP TABLE crm_forecast_snapshot_cell");
            execute("DROP TABLE crm_forecast_snapshot_rate");
            execute("DROP TABLE crm_forecast_snapshot");
            execute("DROP TABLE crm_quota");
            execute("DROP INDEX ix_crm_opportunity_expected_close"
                    + (dialect() == Dialect.MARIADB ? " ON crm_opportunity" : ""));
            execute("DROP TABLE crm_survey_response");
            execute("DROP TABLE crm_article");
            execute("DROP TABLE IF EXISTS crm_article_term");
            execute("DROP TABLE crm_article_view");
            execute("DROP TABLE crm_session_ticket");
            execute("DROP TABLE crm_match_key");
            execute("DROP TABLE crm_ticket_field");
            execute("DROP TABLE crm_ticket_attachment");
            execute("DROP TABLE crm_ticket");
            execute("DROP TABLE crm_loyalty_ledger");
            execute("DROP TABLE crm_loyalty_membership");
            execute("DROP TABLE crm_purchase_return_line");
            execute("DROP TABLE crm_purchase_return");
            execute("DROP TABLE crm_purchase_line");
            execute("DROP TABLE crm_purchase");
            customerOwnersAsUserIds();
            execute("DROP TABLE crm_lead_model");
            execute("DROP TABLE crm_send_rate");
            execute("DROP TABLE crm_message");
            execute("DROP TABLE crm_schema_version");
            execute("DROP TABLE crm_idempotency_key");
            execute("DROP TABLE crm_lead_load");
            execute("DROP INDEX ix_crm_lead_matched" + (dialect() == Dialect.MARIADB ? " ON crm_lead" : ""));
            execute("DROP INDEX ix_crm_opportunity_contact_person"
                    + (dialect() == Dialect.MARIADB ? " ON crm_opportunity_contact" : ""));
            execute("ALTER TABLE crm_outbox DROP COLUMN schemaversion");
            execute("DELETE FROM crm_schema_history WHERE version >= 5");

            assertThat(migrator().migrate()).extracting(SchemaMigrator.Migration::version)
                    .containsExactly(5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 26, 28, 29,
                            30, 31);

            int open = (int) Arrays.stream(LeadStatus.values()).filter(LeadStatus::isOpen).count();
            assertThat(storage.leads().openCountsByOwner("tenant-a", List.of(ann, bob)))
                    .isEqualTo(Map.of(ann, open, bob, 2 * open));
            assertThat(storage.leads().openCountsByOwner("tenant-b", List.of(ann, bob)))
                    .isEqualTo(Map.of(ann, open, bob, 0));
        }

        @Test
        void the_customer_owner_script_turns_the_user_ids_of_team_members_into_their_member_ids() throws SQLException {
            migrator().migrate();
            JdbcStorage storage = JdbcStorage.builder().dataSource(pool).dialect(dialect()).build();
            TeamMemberRecord sales7 = storage.teamMembers().insert(new TeamMemberRecord("tenant-a", UUID.randomUUID(),
                    1, NOW, NOW, "sales-7", "Rep Seven", TeamRole.SALES_REP, null, null, Set.of(), Set.of(), Set.of(),
                    0, 10, Availability.ACTIVE, null));
            UUID ownedByRep = customer(storage, "tenant-a");
            UUID ownedByStranger = customer(storage, "tenant-a");
            UUID repOfAnotherTenant = customer(storage, "tenant-b");
            UUID ownedByNobody = customer(storage, "tenant-a");
            // Back to the schema of version 11, where a customer's owner was the host's user id.
            customerOwnersAsUserIds();
            execute("UPDATE crm_customer SET owner_id = 'sales-7' WHERE id IN ('" + ownedByRep + "', '"
                    + repOfAnotherTenant + "')");
            execute("UPDATE crm_customer SET owner_id = 'ghost' WHERE id = '" + ownedByStranger + "'");
            execute("DELETE FROM crm_schema_version WHERE version = 12");
            execute("DELETE FROM crm_schema_history WHERE version = 12");

            assertThat(migrator().migrate()).extracting(SchemaMigrator.Migration::version).containsExactly(12);

            assertThat(storage.customers().get("tenant-a", ownedByRep).orElseThrow().ownerId()).isEqualTo(sales7.id());
            assertThat(storage.customers().get("tenant-a", ownedByStranger).orElseThrow().ownerId()).isNull();
            assertThat(storage.customers().get("tenant-b", repOfAnotherTenant).orElseThrow().ownerId()).isNull();
            assertThat(storage.customers().get("tenant-a", ownedByNobody).orElseThrow().ownerId()).isNull();
        }

        @Test
        void the_match_key_script_gives_stored_live_customers_their_name_keys() throws SQLException {
            migrator().migrate();
            JdbcStorage storage = JdbcStorage.builder().dataSource(pool).dialect(dialect()).build();
            UUID ada = customer(storage, "tenant-a");
            UUID adaElsewhere = customer(storage, "tenant-b");
            UUID merged = customer(storage, "tenant-a");
            execute("UPDATE crm_customer SET merged_into = '" + ada + "' WHERE id = '" + merged + "'");
            // Back to the schema before version 17.
            execute("DROP TABLE crm_match_key");
            execute("DELETE FROM crm_schema_version WHERE version = 17");
            execute("DELETE FROM crm_schema_history WHERE version = 17");

            assertThat(migrator().migrate()).extracting(SchemaMigrator.Migration::version).containsExactly(17);

            assertThat(storage.matchKeys().find("tenant-a", List.of("n:lovelace a"),
                    dev.crmkit.model.PageRequest.first(10)).items())
                    .extracting(dev.crmkit.spi.customer.MatchKeyRecord::customerId).containsExactly(ada);
            assertThat(storage.matchKeys().find("tenant-b", List.of("n:lovelace a"),
                    dev.crmkit.model.PageRequest.first(10)).items())
                    .extracting(dev.crmkit.spi.customer.MatchKeyRecord::customerId).containsExactly(adaElsewhere);
        }

        @Test
        void the_agent_slot_script_counts_each_agents_active_tickets_and_gives_a_slot_to_those_without()
                throws SQLException {
            migrator().migrate();
            JdbcStorage storage = JdbcStorage.builder().dataSource(pool).dialect(dialect()).build();
            TicketStore tickets = storage.capability(TicketStorage.class).orElseThrow().tickets();
            TicketRoutingStore routing = storage.capability(ServiceLevelStorage.class).orElseThrow().routing();
            UUID routed = UUID.randomUUID();
            UUID byHand = UUID.randomUUID();
            UUID slotId = UUID.randomUUID();
            routing.saveSlot(new AgentSlotRecord("tenant-a", slotId, 1, NOW, NOW, routed, NOW, 0), 0);
            for (TicketState state : TicketState.values()) {
                tickets.insert(ticket("tenant-a", routed, state));
            }
            tickets.insert(ticket("tenant-a", byHand, TicketState.WAITING_ON_CUSTOMER));
            tickets.insert(ticket("tenant-a", byHand, TicketState.CLOSED));
            tickets.insert(ticket("tenant-b", byHand, TicketState.OPEN));
            tickets.insert(ticket("tenant-a", null, TicketState.OPEN));
            // Back to the schema before version 31.
            execute("ALTER TABLE crm_ticket_agent_slot DROP COLUMN active_tickets");
            execute("DELETE FROM crm_schema_version WHERE version = 31");
            execute("DELETE FROM crm_schema_history WHERE version = 31");

            assertThat(migrator().migrate()).extracting(SchemaMigrator.Migration::version).containsExactly(31);

            assertThat(routing.slot("tenant-a", routed)).contains(new AgentSlotRecord("tenant-a", slotId, 2, NOW, NOW,
                    routed, NOW, 4));
            assertThat(routing.slot("tenant-a", byHand)).contains(new AgentSlotRecord("tenant-a", byHand, 1, NOW, NOW,
                    byHand, null, 1));
            assertThat(routing.slot("tenant-b", byHand).orElseThrow().activeTickets()).isEqualTo(1);
            assertThat(count("SELECT COUNT(*) FROM crm_ticket_agent_slot")).isEqualTo(3);
        }

        private static TicketRecord ticket(String tenant, UUID assignee, TicketState state) {
            boolean done = !state.isActive();
            return new TicketRecord(tenant, UUID.randomUUID(), 1, NOW, NOW, TicketKind.SERVICE_REQUEST,
                    TicketChannel.EMAIL, UUID.randomUUID(), null, TicketPriority.NORMAL, assignee, state,
                    TicketContent.subject("Help"), null, done ? NOW : null, state == TicketState.CLOSED ? NOW : null,
                    null);
        }

        private static UUID customer(JdbcStorage storage, String tenant) {
            UUID id = UUID.randomUUID();
            storage.customers().insert(new CustomerRecord(tenant, id, 1, NOW, NOW, PartyKind.PERSON, "Ada Lovelace",
                    "Ada", "Lovelace", null, "lovelace a", null, LifecycleStage.CUSTOMER, null, Set.of(), Map.of(), null));
            return id;
        }

        /** Undoes version 12: {@code crm_customer.owner_id} holds user ids again (all cleared). */
        private void customerOwnersAsUserIds() throws SQLException {
            execute("DROP INDEX ix_crm_customer_owner" + (dialect() == Dialect.MARIADB ? " ON crm_customer" : ""));
            execute("ALTER TABLE crm_customer DROP COLUMN owner_id");
            execute("ALTER TABLE crm_customer ADD COLUMN owner_id VARCHAR(100)");
            execute("CREATE INDEX ix_crm_customer_owner ON crm_customer (tenant_id, owner_id, id)");
        }

        private static LeadRecord lead(String tenant, LeadStatus status, UUID owner) {
            Instant now = Instant.parse("2026-03-01T09:30:00Z");
            return new LeadRecord(tenant, UUID.randomUUID(), 1, now, now,
                    new LeadDetails(null, null, "Globex", null, null, null, null, null, null, null, null), null,
                    LeadAttribution.of(LeadSource.IMPORT), status,
                    status == LeadStatus.DISQUALIFIED ? "no budget" : null, Qualification.unknown(), 0, List.of(),
                    owner, owner == null ? null : now, null, null, null, false,
                    status == LeadStatus.CONVERTED ? UUID.randomUUID() : null, null, status.isOpen() ? null : now,
                    null);
        }

        long count(String sql) throws SQLException {
            try (Connection c = pool.getConnection(); Statement s = c.createStatement(); ResultSet r = s.executeQuery(sql)) {
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
        private static final String SCHEMA = "crm_migrator_test";

        @Override
        HikariDataSource emptyDatabase() throws SQLException {
            String url = TestDatabases.requiredUrl(TestDatabases.POSTGRES);
            try (HikariDataSource admin = TestDatabases.pool(url, 1);
                    Connection c = admin.getConnection(); Statement s = c.createStatement()) {
                s.execute("DROP SCHEMA IF EXISTS " + SCHEMA + " CASCADE");
                s.execute("CREATE SCHEMA " + SCHEMA);
            }
            return TestDatabases.pool(url + (url.contains("?") ? "&" : "?") + "currentSchema=" + SCHEMA, 4);
        }

        @Override
        Dialect dialect() {
            return Dialect.POSTGRESQL;
        }
    }

    @Nested
    class On_MariaDB extends Checks {
        // Named after the URL's database: a fixed name was shared by every run on the server, at the same time too
        @Override
        HikariDataSource emptyDatabase() throws SQLException {
            return TestDatabases.freshMariaDbBeside(TestDatabases.requiredUrl(TestDatabases.MARIADB), "migrator", 4);
        }

        @Override
        void dropDatabase() throws SQLException {
            TestDatabases.dropMariaDbBeside(TestDatabases.requiredUrl(TestDatabases.MARIADB), "migrator");
        }

        @Override
        Dialect dialect() {
            return Dialect.MARIADB;
        }
    }
}
