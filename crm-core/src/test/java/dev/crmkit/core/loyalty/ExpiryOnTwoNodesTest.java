package dev.crmkit.core.loyalty;

import static org.assertj.core.api.Assertions.assertThat;

import dev.crmkit.core.Crm;
import dev.crmkit.core.TwoNodes;
import dev.crmkit.core.touchpoint.MutableClock;
import dev.crmkit.jdbc.JdbcStorage;
import dev.crmkit.model.loyalty.LedgerEntryKind;
import dev.crmkit.spi.Storage;
import dev.crmkit.spi.loyalty.LedgerSums;
import dev.crmkit.spi.loyalty.LoyaltyStorage;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The due work that lets a lot of points expire runs on two nodes at once, on one PostgreSQL and one MariaDB database:
 * node B's clock is past the lease node A claimed the work with, so B claims it again while A's handler is still
 * running (a node that stalled past its lease), and each handler holds after it summed the lots until the other has
 * summed them too. Both then let the same 100 points expire: exactly one unit commits, the lot expires once, the
 * ledger adds up, and later runs of either scheduler change nothing. The guards, each enough on its own: the scheduler
 * completes the work in the handler's unit and rolls it back when the lease was lost; the membership's version
 * ({@code JdbcMembershipStore.update}); and the expiry's idempotency key derived from the lot ({@code expiry:<lot>},
 * unique in the tenant).
 */
class ExpiryOnTwoNodesTest {
    private static final Instant START = Instant.parse("2026-03-02T09:00:00Z");
    private static final Instant DUE = START.atOffset(ZoneOffset.UTC).plusMonths(1).toInstant();

    private final String tenantId = "expiry-" + UUID.randomUUID().toString().substring(0, 8);
    private final AtomicBoolean holding = new AtomicBoolean();
    private final CountDownLatch firstRead = new CountDownLatch(1);
    private final CountDownLatch bothRead = new CountDownLatch(2);
    private TwoNodes database;

    @AfterEach
    void closeDatabase() {
        if (database != null) {
            database.close();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.crmkit.core.TwoNodes#databases")
    void a_lot_expires_once_when_both_nodes_schedulers_run_its_due_work(String variable) throws Exception {
        // given: a member with a lot of 100 redeemable points that expires at DUE
        database = new TwoNodes(variable, "points expiring on two nodes");
        MutableClock clockA = new MutableClock(START);
        JdbcStorage storageA = database.node("node-a");
        Crm nodeA = node(storageA, "node-a", clockA);
        UUID customer = customer(storageA);
        LoyaltyService loyalty = nodeA.tenant(tenantId).service(LoyaltyService.class);
        loyalty.defineProgramme(DefineProgramme.of("club", ProgrammeRules.earning("EUR", "1")
                .withActivity("visit", new ActivityAward(10, 100)).withExpiry(ExpiryPolicy.fixed(1))));
        Membership member = loyalty.enrol(EnrolMember.of(customer, "club"));
        loyalty.award(AwardActivity.of(member.id(), "visit", "visit-1", "visit-1"));
        clockA.advance(Duration.between(START, DUE));
        // node B's clock is past node A's lease (5 minutes by default)
        Crm nodeB = node(database.node("node-b"), "node-b", new MutableClock(DUE.plus(Duration.ofMinutes(6))));

        // when: A claims the work and holds after summing the lots; B claims it again and sums them too
        holding.set(true);
        List<Throwable> failures = TwoNodes.race(() -> nodeA.scheduler().runDueWork(), firstRead,
                () -> nodeB.scheduler().runDueWork(), new CountDownLatch(1));
        holding.set(false);

        // then
        assertThat(failures).isEmpty();
        assertThat(bothRead.getCount()).as("both handlers summed the lot as unexpired").isZero();
        assertExpiredOnce(loyalty, storageA, member.id());
        clockA.advance(Duration.ofHours(2));
        nodeA.scheduler().runDueWork();
        nodeB.scheduler().runDueWork();
        assertExpiredOnce(loyalty, storageA, member.id());
    }

    private void assertExpiredOnce(LoyaltyService loyalty, JdbcStorage storage, UUID membershipId) {
        LoyaltyStorage stores = storage.capability(LoyaltyStorage.class).orElseThrow();
        assertThat(stores.ledger().sums(tenantId, membershipId, LedgerEntryKind.EXPIRY))
                .as("one expiry of the lot").isEqualTo(new LedgerSums(0, -100, 1));
        assertThat(stores.ledger().sums(tenantId, membershipId)).isEqualTo(new LedgerSums(10, 0, 2));
        assertThat(loyalty.membership(membershipId).redeemablePoints()).isZero();
        assertThat(loyalty.membership(membershipId).qualifyingPoints()).isEqualTo(10);
    }

    private Crm node(JdbcStorage storage, String nodeId, MutableClock clock) {
        LoyaltyStorage holdingAfterRead = TwoNodes.afterCall(LoyaltyStorage.class,
                storage.capability(LoyaltyStorage.class).orElseThrow(), "ledger", "lots", this::holdAfterRead);
        Storage wired = storage.with(LoyaltyStorage.class, holdingAfterRead);
        return Crm.builder().storage(wired).clock(clock).nodeId(nodeId).build();
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
        return TwoNodes.person(storage, tenantId, START);
    }
}
