package dev.crmkit.core.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.crmkit.core.Crm;
import dev.crmkit.core.TenantCrm;
import dev.crmkit.core.customer.CustomerService;
import dev.crmkit.core.customer.RegisterPerson;
import dev.crmkit.core.port.MessageChannel;
import dev.crmkit.core.port.OutgoingMessage;
import dev.crmkit.core.port.SendOutcome;
import dev.crmkit.core.scheduling.DueWorkScheduler;
import dev.crmkit.jdbc.JdbcStorage;
import dev.crmkit.model.message.ChannelKind;
import dev.crmkit.model.message.MessageStatus;
import dev.crmkit.spi.Storage;
import dev.crmkit.spi.message.MessageRecord;
import dev.crmkit.spi.message.MessageStorage;
import dev.crmkit.spi.message.MessageStore;
import dev.crmkit.spi.message.SendRateStore;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Two application nodes, each with its own pool, {@code Crm} and scheduler, dispatch one queue of messages on one
 * database at the same time. Their scheduler leases are a millisecond long, so each node takes over work the other
 * is still doing, as it would after a lease ran out on a stalled node; and each node stalls for a few milliseconds
 * after reading a queued message, so both often read the same queued message before either records its attempt.
 * Only the message's own guards (the versioned move to {@code SENDING}, and giving way to an attempt under way) then
 * keep a message from being handed over twice. Every message must reach the channel exactly once. Runs on the database its subclass names when its URL variable is
 * set (always in CI, where a missing URL fails).
 */
abstract class TwoNodesDispatch {
    private static final Set<String> ANNOUNCED = ConcurrentHashMap.newKeySet();
    private static final int MESSAGES = 120;
    private static final long STALL_MILLIS = 5;
    private static final List<String> TABLES = List.of("crm_message", "crm_send_rate", "crm_due_work", "crm_outbox",
            "crm_contact_point", "crm_customer_tag", "crm_customer_field", "crm_customer");

    private HikariDataSource poolA;
    private HikariDataSource poolB;

    /** The environment variable holding the JDBC URL (with user) of an empty database. */
    abstract String urlVariable();

    @BeforeEach
    void openTwoNodes() throws SQLException {
        String url = System.getenv(urlVariable());
        if (url == null || url.isBlank()) {
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                throw new IllegalStateException(urlVariable() + " is not set, but CI=true requires it");
            }
            if (ANNOUNCED.add(urlVariable())) {
                System.err.println("[CRMKit tests] " + urlVariable() + " is not set: the two-node dispatch test is"
                        + " SKIPPED there. Set it to the JDBC URL (with user) of an empty database to run it.");
            }
            assumeTrue(false, "set " + urlVariable() + " to run the two-node dispatch test");
        }
        poolA = pool(url, "dispatch-a");
        poolB = pool(url, "dispatch-b");
        JdbcStorage.builder().dataSource(poolA).migrate(true).build();
        try (Connection c = poolA.getConnection(); Statement s = c.createStatement()) {
            for (String table : TABLES) {
                s.execute("DELETE FROM " + table);
            }
        }
    }

    @AfterEach
    void closeNodes() {
        if (poolA != null) {
            poolA.close();
        }
        if (poolB != null) {
            poolB.close();
        }
    }

    private static HikariDataSource pool(String url, String name) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url);
        config.setMaximumPoolSize(4);
        config.setPoolName(name);
        return new HikariDataSource(config);
    }

    /** The provider both nodes reach: counts the hand-overs of each message and how many are in flight at once. */
    private static final class Provider {
        final Map<UUID, AtomicInteger> handedOver = new ConcurrentHashMap<>();
        final Set<UUID> inFlight = ConcurrentHashMap.newKeySet();
        final AtomicInteger overlapping = new AtomicInteger();

        MessageChannel channel() {
            return new MessageChannel() {
                @Override
                public Set<ChannelKind> kinds() {
                    return Set.of(ChannelKind.EMAIL, ChannelKind.SMS);
                }

                @Override
                public SendOutcome send(OutgoingMessage message) {
                    handedOver.computeIfAbsent(message.messageId(), id -> new AtomicInteger()).incrementAndGet();
                    if (!inFlight.add(message.messageId())) {
                        overlapping.incrementAndGet();
                    }
                    try {
                        Thread.sleep(2);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    inFlight.remove(message.messageId());
                    return SendOutcome.accepted("p-" + message.messageId());
                }
            };
        }
    }

    /** The node's storage, stalling {@value #STALL_MILLIS} ms after every read of a queued message. */
    private static Storage stalling(JdbcStorage storage) {
        return storage.with(MessageStorage.class, new MessageStorage() {
            @Override
            public MessageStore messages() {
                return new DelegatingMessageStore(storage.messages()) {
                    @Override
                    public Optional<MessageRecord> get(String tenantId, UUID id) {
                        Optional<MessageRecord> found = real.get(tenantId, id);
                        if (found.isPresent() && found.get().status() == MessageStatus.QUEUED) {
                            try {
                                Thread.sleep(STALL_MILLIS);
                            } catch (InterruptedException e) {
                                Thread.currentThread().interrupt();
                            }
                        }
                        return found;
                    }
                };
            }

            @Override
            public SendRateStore sendRates() {
                return storage.sendRates();
            }
        });
    }

    private static Crm node(HikariDataSource pool, String nodeId, Provider provider) {
        return Crm.builder()
                .storage(stalling(JdbcStorage.builder().dataSource(pool).build()))
                .clock(Clock.systemUTC())
                .nodeId(nodeId)
                .schedulerSettings(new DueWorkScheduler.Settings(20, Duration.ofMillis(1), Duration.ofSeconds(1),
                        Duration.ofSeconds(1), Duration.ofMillis(10)))
                .module(MessagingModule.builder().channel(provider.channel())
                        .dispatchPolicy(DispatchPolicy.defaults().withSendTimeout(Duration.ofMinutes(5))).build())
                .build();
    }

    private long unsent() throws SQLException {
        try (Connection c = poolA.getConnection(); Statement s = c.createStatement();
                ResultSet rows = s.executeQuery("SELECT COUNT(*) FROM crm_message WHERE status <> 'SENT'")) {
            rows.next();
            return rows.getLong(1);
        }
    }

    @Test
    void two_nodes_dispatching_one_queue_at_once_hand_every_message_to_the_channel_exactly_once() throws Exception {
        // given: 120 e-mails to 12 customers, queued on node A
        Provider provider = new Provider();
        Crm nodeA = node(poolA, "node-a", provider);
        Crm nodeB = node(poolB, "node-b", provider);
        TenantCrm tenant = nodeA.tenant("two-nodes");
        List<UUID> customers = new ArrayList<>();
        for (int c = 0; c < 12; c++) {
            customers.add(tenant.service(CustomerService.class).register(RegisterPerson.named("Node", "Customer" + c))
                    .customer().id());
        }
        List<SendMessage> batch = new ArrayList<>();
        for (int m = 0; m < MESSAGES; m++) {
            batch.add(SendMessage.email(customers.get(m % customers.size()), "customer" + m + "@example.com",
                    "Offer " + m, "Text " + m));
        }
        List<UUID> ids = tenant.service(MessageService.class).sendAll(batch).stream().map(Message::id).toList();

        // when: both schedulers run at once until every message is sent (or a minute has passed)
        AtomicBoolean done = new AtomicBoolean();
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            List<Future<?>> runs = new ArrayList<>();
            for (Crm node : List.of(nodeA, nodeB)) {
                runs.add(threads.submit(() -> {
                    while (!done.get()) {
                        node.scheduler().runDueWork();
                    }
                    return null;
                }));
            }
            long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(1);
            while (unsent() > 0 && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            done.set(true);
            for (Future<?> run : runs) {
                run.get(30, TimeUnit.SECONDS);
            }
        } finally {
            done.set(true);
            threads.shutdownNow();
        }

        // then
        assertThat(provider.handedOver.entrySet()).as("messages handed over more than once")
                .filteredOn(e -> e.getValue().get() != 1).isEmpty();
        assertThat(provider.overlapping).as("hand-overs of one message at the same time").hasValue(0);
        assertThat(provider.handedOver.keySet()).containsExactlyInAnyOrderElementsOf(ids);
        assertThat(unsent()).as("messages not sent").isZero();
    }

    @Test
    void two_nodes_receiving_the_same_keyed_sends_at_once_queue_each_message_once() throws Exception {
        // given: both nodes receive the same 60 keyed sends, in the same order, at the same time
        Provider provider = new Provider();
        Crm nodeA = node(poolA, "node-a", provider);
        Crm nodeB = node(poolB, "node-b", provider);
        UUID customer = nodeA.tenant("two-nodes").service(CustomerService.class)
                .register(RegisterPerson.named("Node", "Customer")).customer().id();
        java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
        ExecutorService threads = Executors.newFixedThreadPool(2);
        List<Future<List<UUID>>> answers = new ArrayList<>();
        try {
            for (Crm node : List.of(nodeA, nodeB)) {
                answers.add(threads.submit(() -> {
                    MessageService messages = node.tenant("two-nodes").service(MessageService.class);
                    start.await();
                    List<UUID> ids = new ArrayList<>();
                    for (int k = 0; k < 60; k++) {
                        ids.add(messages.send(SendMessage.sms(customer, "+4915112345678", "Code " + k)
                                .withIdempotencyKey("otp-" + k)).id());
                    }
                    return ids;
                }));
            }
            start.countDown();

            // then: both nodes answered every send with the same message, and 60 messages exist
            List<UUID> a = answers.get(0).get(60, TimeUnit.SECONDS);
            List<UUID> b = answers.get(1).get(60, TimeUnit.SECONDS);
            assertThat(a).isEqualTo(b).doesNotHaveDuplicates().hasSize(60);
        } finally {
            threads.shutdownNow();
        }
        try (Connection c = poolA.getConnection(); Statement s = c.createStatement();
                ResultSet rows = s.executeQuery("SELECT COUNT(*) FROM crm_message")) {
            rows.next();
            assertThat(rows.getLong(1)).isEqualTo(60);
        }
    }
}
