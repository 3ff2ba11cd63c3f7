package dev.crmkit.core.loyalty;

import static org.assertj.core.api.Assertions.assertThat;

import dev.crmkit.core.Crm;
import dev.crmkit.core.TwoNodes;
import dev.crmkit.core.messaging.MessageService;
import dev.crmkit.core.messaging.MessagingModule;
import dev.crmkit.core.port.PublishedEvent;
import dev.crmkit.core.port.RecordingEventListener;
import dev.crmkit.core.port.RecordingMessageChannel;
import dev.crmkit.core.touchpoint.MutableClock;
import dev.crmkit.jdbc.JdbcStorage;
import dev.crmkit.model.PageRequest;
import dev.crmkit.model.customer.ContactPointKind;
import dev.crmkit.model.customer.LifecycleStage;
import dev.crmkit.model.customer.PartyKind;
import dev.crmkit.model.message.ChannelKind;
import dev.crmkit.model.message.MessageFilter;
import dev.crmkit.spi.Storage;
import dev.crmkit.spi.customer.ContactPointRecord;
import dev.crmkit.spi.customer.CustomerRecord;
import dev.crmkit.spi.customer.CustomerStorage;
import dev.crmkit.spi.loyalty.LoyaltyStorage;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The due work of a lot's expiry notice runs on two nodes at once, on one PostgreSQL and one MariaDB database: node B's
 * clock is past the lease node A claimed the work with, so B claims it again while A's handler is still running, and
 * each handler holds after it summed the lots until the other has summed them too. Both find 100 points left to
 * expire and no notice recorded: exactly one records {@code loyalty.expiry.notified}, and relaying the outbox queues
 * one message. The guard is the notice's idempotency key (scope {@code loyalty.expiry-notice}, keyed by the lot,
 * unique in the tenant), written in the unit that records the event: the handler runs in a unit of its own, so the
 * scheduler's lease does not roll the second run back.
 */
class ExpiryNoticeOnTwoNodesTest {
    private static final Instant START = Instant.parse("2026-03-02T09:00:00Z");
    private static final Instant EXPIRES = START.atOffset(ZoneOffset.UTC).plusMonths(2).toInstant();
    private static final Instant NOTICE = EXPIRES.minus(Duration.ofDays(30));

    private final String tenantId = "notice-" + UUID.randomUUID().toString().substring(0, 8);
    private final AtomicBoolean holding = new AtomicBoolean();
    private final CountDownLatch firstRead = new CountDownLatch(1);
    private final CountDownLatch bothRead = new CountDownLatch(2);
    private final RecordingEventListener published = new RecordingEventListener();
    private TwoNodes database;

    @AfterEach
    void closeDatabase() {
        if (database != null) {
            database.close();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.crmkit.core.TwoNodes#databases")
    void a_lot_is_notified_once_when_both_nodes_schedulers_run_its_notice(String variable) throws Exception {
        // given: a member with an e-mail address and a lot of 100 redeemable points expiring at EXPIRES
        database = new TwoNodes(variable, "expiry notices on two nodes");
        MutableClock clockA = new MutableClock(START);
        JdbcStorage storageA = database.node("node-a");
        Crm nodeA = node(storageA, "node-a", clockA);
        UUID customer = customer(storageA);
        LoyaltyService loyalty = nodeA.tenant(tenantId).service(LoyaltyService.class);
        loyalty.defineProgramme(DefineProgramme.of("club", ProgrammeRules.earning("EUR", "1")
                .withActivity("visit", new ActivityAward(10, 100)).withExpiry(ExpiryPolicy.fixed(2))));
        Membership member = loyalty.enrol(EnrolMember.of(customer, "club"));
        loyalty.award(AwardActivity.of(member.id(), "visit", "visit-1", "visit-1"));
        clockA.advance(Duration.between(START, NOTICE));
        // node B's clock is past node A's lease (5 minutes by default)
        Crm nodeB = node(database.node("node-b"), "node-b", new MutableClock(NOTICE.plus(Duration.ofMinutes(6))));

        // when: A claims the notice's work and holds after summing the lots; B claims it again and sums them too
        holding.set(true);
        List<Throwable> failures = TwoNodes.race(() -> nodeA.scheduler().runDueWork(), firstRead,
                () -> nodeB.scheduler().runDueWork(), new CountDownLatch(1));
        holding.set(false);

        // then
        assertThat(failures).isEmpty();
        assertThat(bothRead.getCount()).as("both handlers summed the lot as unspent").isZero();
        assertNotifiedOnce(nodeA, customer);
        clockA.advance(Duration.ofHours(2));
        nodeA.scheduler().runDueWork();
        nodeB.scheduler().runDueWork();
        assertNotifiedOnce(nodeA, customer);
    }

    private void assertNotifiedOnce(Crm node, UUID customer) {
        while (node.relay().relayOnce().claimed() > 0) {
            // until the outbox is drained
        }
        assertThat(published.received().stream().map(PublishedEvent::type)
                .filter("loyalty.expiry.notified"::equals)).as("one notice of the lot").hasSize(1);
        assertThat(node.tenant(tenantId).service(MessageService.class)
                .messagesOf(customer, MessageFilter.everything(), PageRequest.first(10)).items())
                .as("one message queued").hasSize(1);
    }

    private Crm node(JdbcStorage storage, String nodeId, MutableClock clock) {
        LoyaltyStorage holdingAfterRead = TwoNodes.afterCall(LoyaltyStorage.class,
                storage.capability(LoyaltyStorage.class).orElseThrow(), "ledger", "lots", this::holdAfterRead);
        Storage wired = storage.with(LoyaltyStorage.class, holdingAfterRead);
        return Crm.builder().storage(wired).clock(clock).nodeId(nodeId).listener(published)
                .module(LoyaltyModule.builder().expiryNotices(ExpiryNoticeSettings.forTenants(Set.of(tenantId)))
                        .build())
                .module(MessagingModule.builder().channel(RecordingMessageChannel.forKinds(ChannelKind.EMAIL))
                        .build())
                .build();
    }

    /** While the test holds the nodes: counts this node's read down and waits until both nodes have read. */
    private void holdAfterRead() {
        if (holding.get()) {
            firstRead.countDown();
            bothRead.countDown();
            TwoNodes.await(bothRead);
        }
    }

    private UUID customer(JdbcStorage storage) {
        UUID id = UUID.randomUUID();
        CustomerStorage customers = storage.capability(CustomerStorage.class).orElseThrow();
        customers.customers().insert(new CustomerRecord(tenantId, id, 1, START, START, PartyKind.PERSON, "Member",
                null, null, null, null, null, LifecycleStage.CUSTOMER, null, Set.of(), Map.of(), null));
        customers.contactPoints().insert(new ContactPointRecord(tenantId, UUID.randomUUID(), 1, START, START, id,
                ContactPointKind.EMAIL, null, "member@example.com", null, true));
        return id;
    }
}
