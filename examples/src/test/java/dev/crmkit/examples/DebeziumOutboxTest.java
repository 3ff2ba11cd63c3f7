package dev.crmkit.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.crmkit.core.Crm;
import dev.crmkit.core.TenantCrm;
import dev.crmkit.core.customer.Customer;
import dev.crmkit.core.customer.CustomerService;
import dev.crmkit.core.customer.RegisterOrganization;
import dev.crmkit.core.customer.RegisterPerson;
import dev.crmkit.core.event.EventDefinition;
import dev.crmkit.core.touchpoint.FollowUp;
import dev.crmkit.core.touchpoint.RecordInteraction;
import dev.crmkit.core.touchpoint.ScheduleFollowUp;
import dev.crmkit.core.touchpoint.TouchPointService;
import dev.crmkit.jdbc.JdbcStorage;
import dev.crmkit.model.touchpoint.Channel;
import dev.crmkit.model.touchpoint.Direction;
import dev.crmkit.model.touchpoint.Purpose;
import io.debezium.embedded.ClientProvided;
import io.debezium.engine.ChangeEvent;
import io.debezium.engine.DebeziumEngine;
import io.debezium.engine.Header;
import io.debezium.engine.format.SimpleString;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.postgresql.Driver;
import tools.jackson.databind.json.JsonMapper;

/**
 * Proves that {@code crm_outbox} follows Debezium's outbox convention: Debezium's embedded engine, with its
 * PostgreSQL connector and outbox event router configured as {@code docs/operations.md} shows, turns every event a
 * service call wrote into one message, routed by aggregate type, keyed by the aggregate id and carrying the event's
 * id, type, tenant and payload: what a Kafka Connect worker with that configuration would write to Kafka.
 *
 * <p>Needs {@value #POSTGRES} and a server with {@code wal_level = logical}; without them it is skipped, on CI
 * ({@code CI=true}) it fails. Each run works in a schema, a replication slot and a publication of its own, all
 * dropped afterwards.
 */
class DebeziumOutboxTest {
    private static final String POSTGRES = "CRMKIT_TEST_POSTGRES_URL";
    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** The name of this run's schema, replication slot and publication. */
    private final String run = "crm_dbz_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    private String url;
    private HikariDataSource pool;

    @BeforeEach
    void create_a_schema_of_its_own() throws SQLException {
        url = requiredUrl();
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
            requireLogicalDecoding(s);
            s.execute("CREATE SCHEMA " + run);
        }
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url + (url.contains("?") ? "&" : "?") + "currentSchema=" + run);
        config.setMaximumPoolSize(4);
        config.setPoolName("crm-debezium-test");
        pool = new HikariDataSource(config);
    }

    @AfterEach
    void drop_the_slot_the_publication_and_the_schema() throws SQLException, InterruptedException {
        if (pool != null) {
            pool.close();
        }
        if (url == null) {
            return;
        }
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
            try {
                dropSlot(c);
            } finally {
                s.execute("DROP PUBLICATION IF EXISTS " + run);
                s.execute("DROP SCHEMA IF EXISTS " + run + " CASCADE");
            }
        }
    }

    @Test
    void debezium_streams_every_outbox_event_once_keyed_by_its_aggregate_with_its_type_and_payload() throws Exception {
        // given: CRMKit's schema, events written before Debezium starts, and a publication of crm_outbox's inserts
        JdbcStorage storage = JdbcStorage.builder().dataSource(pool).migrate(true).build();
        try (Crm crm = Crm.builder().storage(storage).build()) {  // not started: the relay leaves the rows alone
            recordCustomerActivity(crm, "acme");
            List<OutboxRow> before = outboxRows();
            try (Connection c = pool.getConnection(); Statement s = c.createStatement()) {
                s.execute("CREATE PUBLICATION " + run + " FOR TABLE " + run + ".crm_outbox WITH (publish = 'insert')");
            }

            // when: Debezium snapshots the rows already there, then streams those written while it runs
            List<Message> messages;
            try (RunningEngine engine = RunningEngine.start(debeziumConfig())) {
                engine.awaitMessages(before.size(), "the snapshot");
                recordCustomerActivity(crm, "globex");
                engine.awaitMessages(outboxRows().size(), "the stream");
                messages = engine.messages();
            }

            // then: every row arrived once, routed by aggregate type, keyed by aggregate id, with type, tenant, payload
            List<OutboxRow> rows = outboxRows();
            assertThat(before).isNotEmpty();
            assertThat(rows).hasSizeGreaterThan(before.size());
            assertThat(rows).extracting(OutboxRow::aggregateType).contains("customer", "interaction", "follow-up");
            assertThat(messages).extracting(Message::eventId)
                    .containsExactlyInAnyOrderElementsOf(rows.stream().map(OutboxRow::id).toList());
            Map<String, Message> byEventId = messages.stream()
                    .collect(Collectors.toMap(Message::eventId, m -> m));
            for (OutboxRow row : rows) {
                Message message = byEventId.get(row.id());
                assertThat(message.topic()).as("topic of %s", row.id())
                        .isEqualTo("outbox.event." + row.aggregateType());
                assertThat(message.key()).as("key of %s", row.id()).isEqualTo(row.aggregateId());
                assertThat(message.headers()).as("headers of %s", row.id())
                        .containsEntry("eventType", row.type()).containsEntry("tenantId", row.tenantId())
                        .containsEntry("schemaVersion", String.valueOf(row.schemaVersion()));
                EventDefinition documented = crm.events().find(row.type()).orElseThrow(
                        () -> new AssertionError(row.type() + " is not a registered, documented event type"));
                assertThat(documented.version()).as("schema version of %s", row.id()).isEqualTo(row.schemaVersion());
                assertThat(JSON.readTree(message.value())).as("payload of %s", row.id())
                        .isEqualTo(JSON.readTree(row.payload()));
            }
            // and each aggregate's events arrived in the order the outbox numbered them
            assertThat(eventIdsByAggregate(messages.stream().map(Message::eventId).toList(), rows))
                    .isEqualTo(eventIdsByAggregate(rows.stream().map(OutboxRow::id).toList(), rows));
        }
    }

    /** The service calls that write the events: several customers, an interaction, a follow-up scheduled and done. */
    private static void recordCustomerActivity(Crm crm, String tenantId) {
        TenantCrm tenant = crm.tenant(tenantId);
        CustomerService customers = tenant.service(CustomerService.class);
        TouchPointService touchPoints = tenant.service(TouchPointService.class);
        Customer ada = customers.register(RegisterPerson.named("Ada", "Lovelace")
                .withEmail("ada@example.com")).customer();
        customers.register(RegisterPerson.named("Grace", "Hopper").withTag("newsletter"));
        customers.register(RegisterOrganization.named("Analytical Engines Ltd"));
        customers.tag(ada.id(), "vip");
        touchPoints.record(RecordInteraction.of(ada.id(), Channel.PHONE, Direction.INBOUND, Purpose.SALES,
                Instant.now()));
        FollowUp followUp = touchPoints.schedule(ScheduleFollowUp.of(ada.id(), "Send the catalogue",
                Instant.now().plus(Duration.ofDays(1))));
        touchPoints.complete(followUp.id());
    }

    /**
     * The connector and the outbox event router as {@code docs/operations.md} configures them for Kafka Connect: keys
     * and values as plain strings, headers with Kafka Connect's default header converter. Offsets stay in memory.
     */
    private Properties debeziumConfig() throws SQLException {
        Properties database = Driver.parseURL(url, new Properties());
        if (database == null) {
            throw new IllegalStateException(POSTGRES + " is not a jdbc:postgresql URL");
        }
        Properties config = new Properties();
        config.setProperty("name", run);
        config.setProperty("connector.class", "io.debezium.connector.postgresql.PostgresConnector");
        config.setProperty("offset.storage", "org.apache.kafka.connect.storage.MemoryOffsetBackingStore");
        config.setProperty("database.hostname", database.getProperty("PGHOST"));
        config.setProperty("database.port", database.getProperty("PGPORT"));
        config.setProperty("database.dbname", database.getProperty("PGDBNAME"));
        config.setProperty("database.user", database.getProperty("user"));
        if (database.getProperty("password") != null) {
            config.setProperty("database.password", database.getProperty("password"));
        }
        config.setProperty("topic.prefix", "crmkit");
        config.setProperty("plugin.name", "pgoutput");
        config.setProperty("slot.name", run);
        config.setProperty("publication.name", run);     // created by the test, of inserts only
        config.setProperty("publication.autocreate.mode", "disabled");
        config.setProperty("table.include.list", run + ".crm_outbox");
        config.setProperty("snapshot.mode", "initial");
        config.setProperty("snapshot.select.statement.overrides", run + ".crm_outbox");
        config.setProperty("snapshot.select.statement.overrides." + run + ".crm_outbox",
                "SELECT * FROM " + run + ".crm_outbox ORDER BY sequence");
        config.setProperty("tombstones.on.delete", "false");
        config.setProperty("transforms", "outbox");
        config.setProperty("transforms.outbox.type", "io.debezium.transforms.outbox.EventRouter");
        config.setProperty("transforms.outbox.table.field.event.id", "id");
        config.setProperty("transforms.outbox.table.field.event.key", "aggregateid");
        config.setProperty("transforms.outbox.table.field.event.payload", "payload");
        config.setProperty("transforms.outbox.route.by.field", "aggregatetype");
        config.setProperty("transforms.outbox.table.fields.additional.placement",
                "type:header:eventType,schemaversion:header:schemaVersion,tenant_id:header:tenantId");
        config.setProperty("header.converter.class", "org.apache.kafka.connect.storage.SimpleHeaderConverter");
        return config;
    }

    /** The outbox as CRMKit wrote it, in sequence order. */
    private List<OutboxRow> outboxRows() throws SQLException {
        try (Connection c = pool.getConnection();
                PreparedStatement select = c.prepareStatement("SELECT id, tenant_id, aggregatetype, aggregateid, type,"
                        + " schemaversion, payload FROM crm_outbox ORDER BY sequence");
                ResultSet r = select.executeQuery()) {
            List<OutboxRow> rows = new ArrayList<>();
            while (r.next()) {
                rows.add(new OutboxRow(r.getString("id"), r.getString("tenant_id"), r.getString("aggregatetype"),
                        r.getString("aggregateid"), r.getString("type"), r.getInt("schemaversion"), r.getString("payload")));
            }
            return rows;
        }
    }

    /** The event ids per aggregate, in the order given. */
    private static Map<String, List<String>> eventIdsByAggregate(List<String> eventIds, List<OutboxRow> rows) {
        Map<String, OutboxRow> byId = rows.stream().collect(Collectors.toMap(OutboxRow::id, row -> row));
        Map<String, List<String>> byAggregate = new LinkedHashMap<>();
        for (String eventId : eventIds) {
            OutboxRow row = byId.get(eventId);
            byAggregate.computeIfAbsent(row.aggregateType() + "/" + row.aggregateId(), k -> new ArrayList<>())
                    .add(eventId);
        }
        return byAggregate;
    }

    private void dropSlot(Connection c) throws SQLException, InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        // The engine has stopped, but its WAL sender may take a moment to end and release the slot.
        while (true) {
            try (PreparedStatement drop = c.prepareStatement("SELECT pg_drop_replication_slot(slot_name)"
                    + " FROM pg_replication_slots WHERE slot_name = ?")) {
                drop.setString(1, run);
                drop.execute();
                return;
            } catch (SQLException stillActive) {
                if (System.nanoTime() > deadline) {
                    throw stillActive;
                }
                Thread.sleep(100);
            }
        }
    }

    private static String requiredUrl() {
        String url = System.getenv(POSTGRES);
        if (url == null || url.isBlank()) {
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                fail(POSTGRES + " is not set, but CI=true requires the Debezium outbox test to run");
            }
            assumeTrue(false, "set " + POSTGRES + " to a PostgreSQL JDBC URL (with user) to run this test");
        }
        return url;
    }

    private static void requireLogicalDecoding(Statement s) throws SQLException {
        String walLevel;
        try (ResultSet r = s.executeQuery("SHOW wal_level")) {
            r.next();
            walLevel = r.getString(1);
        }
        if (!"logical".equals(walLevel)) {
            String how = "PostgreSQL's wal_level is " + walLevel + ", Debezium needs logical: run"
                    + " ALTER SYSTEM SET wal_level = logical and restart the server (.ci/run does this)";
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                fail(how);
            }
            assumeTrue(false, how);
        }
    }

    private record OutboxRow(String id, String tenantId, String aggregateType, String aggregateId, String type,
            int schemaVersion, String payload) {
    }

    /** One message as Kafka would hold it: topic, key, value and headers as text. */
    private record Message(String topic, String key, String value, Map<String, String> headers) {
        static Message of(ChangeEvent<String, String> event) {
            Map<String, String> headers = new LinkedHashMap<>();
            for (Header<?> header : event.headers()) {
                headers.put(header.getKey(), new String((byte[]) header.getValue(), StandardCharsets.UTF_8));
            }
            return new Message(event.destination(), event.key(), event.value(), headers);
        }

        String eventId() {
            return headers.get("id");
        }
    }

    /** Debezium's engine on a thread of its own; closing it stops the engine and waits, bounded, for the thread. */
    private static final class RunningEngine implements AutoCloseable {
        private final DebeziumEngine<ChangeEvent<String, String>> engine;
        private final ExecutorService thread = Executors.newSingleThreadExecutor();
        private final AtomicReference<String> ended = new AtomicReference<>();
        private final List<Message> messages = new CopyOnWriteArrayList<>();

        private RunningEngine(Properties config) {
            this.engine = DebeziumEngine.create(SimpleString.class, SimpleString.class, ClientProvided.class)
                    .using(config)
                    .using((success, message, error) -> ended.set(message + (error == null ? "" : ": " + error)))
                    .notifying(event -> messages.add(Message.of(event)))
                    .build();
        }

        static RunningEngine start(Properties config) {
            RunningEngine running = new RunningEngine(config);
            running.thread.execute(running.engine);
            return running;
        }

        /** The messages received so far, in the order the engine handed them over. */
        List<Message> messages() {
            return messages;
        }

        /** Waits, at most {@link #WAIT}, for {@code count} messages; fails at once when the engine ends early. */
        void awaitMessages(int count, String phase) throws InterruptedException {
            long deadline = System.nanoTime() + WAIT.toNanos();
            while (messages.size() < count) {
                if (ended.get() != null) {
                    fail("the Debezium engine ended during " + phase + ": " + ended.get());
                }
                if (System.nanoTime() > deadline) {
                    fail("waited " + WAIT.toSeconds() + " s for " + phase + ", received " + messages.size()
                            + " message(s)");
                }
                Thread.sleep(50);
            }
        }

        @Override
        public void close() throws IOException {
            try {
                engine.close();
            } finally {
                thread.shutdown();
                try {
                    if (!thread.awaitTermination(WAIT.toSeconds(), TimeUnit.SECONDS)) {
                        thread.shutdownNow();
                    }
                } catch (InterruptedException e) {
                    thread.shutdownNow();
                    Thread.currentThread().interrupt();
                }
            }
        }
    }
}
