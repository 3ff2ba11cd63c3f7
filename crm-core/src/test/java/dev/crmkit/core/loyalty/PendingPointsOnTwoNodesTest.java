package dev.crmkit.core.loyalty;

import static org.assertj.core.api.Assertions.assertThat;

import dev.crmkit.core.Crm;
import dev.crmkit.core.TwoNodes;
import dev.crmkit.core.common.Money;
import dev.crmkit.core.touchpoint.MutableClock;
import dev.crmkit.jdbc.JdbcStorage;
import dev.crmkit.model.loyalty.AccrualStatus;
import dev.crmkit.model.loyalty.LedgerEntryKind;
import dev.crmkit.spi.Storage;
import dev.crmkit.spi.loyalty.LedgerSums;
import dev.crmkit.spi.loyalty.LoyaltyStorage;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The due work that posts a purchase's pending points runs on two nodes at once, on one PostgreSQL and one MariaDB
 * database: node B's clock is past the lease node A claimed the work with, so B claims it again while A's handler is
 * still running (a node that stalled past its lease), and each handler holds after it read the accrual as pending until
 * the other has read it too. Both then post: exactly one unit commits, the points are available once, the ledger adds
 * up, and a later run of either scheduler changes nothing. The guards, each enough on its own: the scheduler completes
 * the work in the handler's unit and rolls it back when the lease was lost; the compare-and-set of the accrual
 * ({@code JdbcAccrualStore.update}: PENDING to POSTED over the version read); and, beside it, the membership's version
 * and the unique idempotency keys the posting's ledger entries derive from the accrual. With all of them taken out
 * the test fails on both databases (the pending points are released twice, the pending balance ends at -71); with
 * only the accrual's compare-and-set left it passes.
 */
class PendingPointsOnTwoNodesTest {
    private static final Instant START = Instant.parse("2026-03-02T09:00:00Z");
    private static final Instant DUE = START.plus(Duration.ofDays(10));

    private final String tenantId = "pending-" + UUID.randomUUID().toString().substring(0, 8);
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
    void pending_points_post_once_when_both_nodes_schedulers_run_the_same_due_work(String variable)
            throws Exception {
        // given: a member whose purchase earned 71 pending points, due at DUE
        database = new TwoNodes(variable, "pending points posted on two nodes");
        MutableClock clockA = new MutableClock(START);
        JdbcStorage storageA = database.node("node-a");
        Crm nodeA = node(storageA, "node-a", clockA);
        UUID customer = customer(storageA);
        LoyaltyService loyalty = nodeA.tenant(tenantId).service(LoyaltyService.class);
        loyalty.defineProgramme(DefineProgramme.of("club", ProgrammeRules.earning("EUR", "1")
                .withReturnWindowDays(10)));
        Membership member = loyalty.enrol(EnrolMember.of(customer, "club"));
        Purchase order = nodeA.tenant(tenantId).service(PurchaseService.class).record(RecordPurchase.of(customer,
                "ORD-1", "web", START, PurchaseLine.of("sku-shirt", 2, Money.of("59.90", "EUR")).inCategory("apparel"),
                PurchaseLine.of("sku-cap", 1, Money.of("12.50", "EUR")).inCategory("accessories")));
        clockA.advance(Duration.between(START, DUE));
        // node B's clock is past node A's lease (5 minutes by default)
        Crm nodeB = node(database.node("node-b"), "node-b", new MutableClock(DUE.plus(Duration.ofMinutes(6))));

        // when: A claims the work and holds after reading the accrual; B claims it again and reads it too
        holding.set(true);
        List<Throwable> failures = TwoNodes.race(() -> nodeA.scheduler().runDueWork(), firstRead,
                () -> nodeB.scheduler().runDueWork(), new CountDownLatch(1));
        holding.set(false);

        // then
        assertThat(failures).isEmpty();
        assertThat(bothRead.getCount()).as("both handlers read the accrual as pending").isZero();
        assertPostedOnce(loyalty, storageA, member.id(), order.id());
        clockA.advance(Duration.ofHours(2));
        nodeA.scheduler().runDueWork();
        nodeB.scheduler().runDueWork();
        assertPostedOnce(loyalty, storageA, member.id(), order.id());
    }

    private void assertPostedOnce(LoyaltyService loyalty, JdbcStorage storage, UUID membershipId, UUID purchaseId) {
        LoyaltyStorage stores = storage.capability(LoyaltyStorage.class).orElseThrow();
        assertThat(loyalty.balances(membershipId)).isEqualTo(new PointsBalances(membershipId, 71, 71, 0, 0, 0, 0));
        assertThat(stores.ledger().sums(tenantId, membershipId)).isEqualTo(new LedgerSums(71, 71, 1));
        assertThat(stores.ledger().sums(tenantId, membershipId, LedgerEntryKind.PENDING))
                .isEqualTo(new LedgerSums(0, 0, 2));
        assertThat(stores.accruals().forPurchase(tenantId, purchaseId)).singleElement()
                .satisfies(a -> assertThat(a.status()).isEqualTo(AccrualStatus.POSTED));
    }

    private Crm node(JdbcStorage storage, String nodeId, MutableClock clock) {
        LoyaltyStorage holdingAfterRead = TwoNodes.afterCall(LoyaltyStorage.class,
                storage.capability(LoyaltyStorage.class).orElseThrow(), "accruals", "get", this::holdAfterRead);
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
