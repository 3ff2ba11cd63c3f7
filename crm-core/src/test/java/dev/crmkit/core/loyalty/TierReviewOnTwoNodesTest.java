package dev.crmkit.core.loyalty;

import static org.assertj.core.api.Assertions.assertThat;

import dev.crmkit.core.Crm;
import dev.crmkit.core.TwoNodes;
import dev.crmkit.core.common.IdGenerator;
import dev.crmkit.core.scheduling.DueWorkScheduler;
import dev.crmkit.core.touchpoint.MutableClock;
import dev.crmkit.jdbc.JdbcStorage;
import dev.crmkit.model.customer.LifecycleStage;
import dev.crmkit.model.customer.PartyKind;
import dev.crmkit.spi.customer.CustomerRecord;
import dev.crmkit.spi.loyalty.LoyaltyStorage;
import dev.crmkit.spi.loyalty.MemberTierStore;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * One member's tier review runs on two nodes at once, on one PostgreSQL or MariaDB database: node A claims it and
 * reads the member's tier, and stalls there past its lease; node B, whose clock is past A's lease, claims the same
 * review, downgrades the member and commits; then A carries on with what it read. The member's tier is stored by
 * compare-and-set on its version, so A's downgrade loses (its unit rolls back, the scheduler retries it, and the retry
 * finds the review done): the member is downgraded once, with one history entry. With the version condition taken
 * out of {@code JdbcMemberTierStore.update} A's stale downgrade is stored as well: two downgrades, two entries.
 */
class TierReviewOnTwoNodesTest {
    private static final Instant DEFINED = Instant.parse("2026-01-05T10:00:00Z");
    private static final Instant DUE = DEFINED.atOffset(ZoneOffset.UTC).plusMonths(12).toInstant();

    private final String tenantId = "tiers-" + UUID.randomUUID().toString().substring(0, 8);
    private final CountDownLatch firstRead = new CountDownLatch(1);
    private final CountDownLatch secondEnded = new CountDownLatch(1);
    private final AtomicBoolean held = new AtomicBoolean();
    private TwoNodes database;

    @AfterEach
    void closeDatabase() {
        if (database != null) {
            database.close();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.crmkit.core.TwoNodes#databases")
    void a_review_run_on_two_nodes_at_once_downgrades_the_member_once(String variable) throws Exception {
        // given: a gold member whose review fell due, with enough points in the window for silver only
        database = new TwoNodes(variable, "tier reviews on two nodes");
        MutableClock clockA = new MutableClock(DEFINED);
        MutableClock clockB = new MutableClock(DEFINED);
        JdbcStorage storageA = database.node("node-a");
        Crm nodeA = Crm.builder().storage(storageA.with(LoyaltyStorage.class, holdingAfterRead(storageA)))
                .clock(clockA).ids(IdGenerator.timeOrdered(clockA)).nodeId("node-a").build();
        Crm nodeB = Crm.builder().storage(database.node("node-b")).clock(clockB)
                .ids(IdGenerator.timeOrdered(clockB)).nodeId("node-b").build();
        nodeA.tenant(tenantId).service(TierService.class).defineTiers(DefineTiers.of("club",
                TierRules.onQualifyingPoints(12, Tier.of("silver", "Silver", 1_000), Tier.of("gold", "Gold", 5_000))));
        LoyaltyService loyalty = nodeA.tenant(tenantId).service(LoyaltyService.class);
        Membership member = loyalty.enrol(EnrolMember.of(customer(storageA), "club"));
        loyalty.post(PostPoints.accrual(member.id(), 5_000, "activity.visit", null, "earn-" + member.id()));
        clockA.advance(Duration.ofDays(200));
        loyalty.post(PostPoints.accrual(member.id(), 1_500, "activity.visit", null, "more-" + member.id()));
        clockA.advance(Duration.between(clockA.instant(), DUE.plusSeconds(60)));
        clockB.advance(Duration.between(DEFINED, DUE.plus(DueWorkScheduler.Settings.defaults().lease())
                .plusSeconds(300)));

        // when: A claims and reads, B claims after A's lease ran out and commits, then A carries on
        // (other tests' due work in the same database may come first: each node runs batches until it has none)
        AtomicReference<DueWorkScheduler.Run> runOfB = new AtomicReference<>();
        List<Throwable> failures = TwoNodes.race(() -> drain(nodeA), firstRead,
                () -> runOfB.getAndSet(drain(nodeB)), secondEnded);

        // then
        assertThat(failures).isEmpty();
        assertThat(held).as("node A held after reading the member's tier").isTrue();
        assertThat(runOfB.get().claimed()).as("node B claimed the review after A's lease ran out").isPositive();
        TierService tiers = nodeB.tenant(tenantId).service(TierService.class);
        assertThat(tiers.memberTier(member.id()).tierCode()).isEqualTo("silver");
        assertThat(tiers.tierHistory(member.id(), 10)).extracting(TierChange::toTier)
                .as("one upgrade, then one downgrade").containsExactly("gold", "silver");
    }

    /** Runs the node's due work batch by batch until it claims none (or node A held); the total claimed. */
    private DueWorkScheduler.Run drain(Crm node) {
        int claimed = 0;
        for (DueWorkScheduler.Run run = node.scheduler().runDueWork(); run.claimed() > 0 && !heldHere(node);
                run = node.scheduler().runDueWork()) {
            claimed += run.claimed();
        }
        return new DueWorkScheduler.Run(claimed, 0, 0);
    }

    private boolean heldHere(Crm node) {
        return "first".equals(TwoNodes.currentUnit()) && held.get();
    }

    private UUID customer(JdbcStorage storage) {
        UUID id = UUID.randomUUID();
        storage.customers().insert(new CustomerRecord(tenantId, id, 1, DEFINED, DEFINED, PartyKind.PERSON, "Racer",
                null, null, null, null, null, LifecycleStage.CUSTOMER, null, Set.of(), Map.of(), null));
        return id;
    }

    /** Node A's loyalty stores, whose member tier lookup in the first unit waits, once read, until B ended. */
    private LoyaltyStorage holdingAfterRead(LoyaltyStorage real) {
        MemberTierStore tiers = TwoNodes.proxy(MemberTierStore.class, real.memberTiers(), (method, args, call) -> {
            Object read = call.get();
            if (method.equals("get") && tenantId.equals(args[0]) && "first".equals(TwoNodes.currentUnit())
                    && held.compareAndSet(false, true)) {
                firstRead.countDown();
                TwoNodes.await(secondEnded);
            }
            return read;
        });
        return TwoNodes.proxy(LoyaltyStorage.class, real, (method, args, call) ->
                method.equals("memberTiers") ? tiers : call.get());
    }
}
