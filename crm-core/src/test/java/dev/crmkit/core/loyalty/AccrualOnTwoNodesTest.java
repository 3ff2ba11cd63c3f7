package dev.crmkit.core.loyalty;

import static org.assertj.core.api.Assertions.assertThat;

import dev.crmkit.core.Crm;
import dev.crmkit.core.TwoNodes;
import dev.crmkit.core.common.Money;
import dev.crmkit.core.port.CatalogueReward;
import dev.crmkit.core.port.InMemoryRewardCatalogue;
import dev.crmkit.core.touchpoint.MutableClock;
import dev.crmkit.jdbc.JdbcStorage;
import dev.crmkit.model.CrmException;
import dev.crmkit.model.IllegalTransitionException;
import dev.crmkit.model.NotFoundException;
import dev.crmkit.model.PageRequest;
import dev.crmkit.model.ValidationException;
import dev.crmkit.model.loyalty.AccrualStatus;
import dev.crmkit.model.loyalty.LedgerEntryKind;
import dev.crmkit.spi.Ids;
import dev.crmkit.spi.loyalty.AccrualRecord;
import dev.crmkit.spi.loyalty.LedgerSums;
import dev.crmkit.spi.loyalty.LoyaltyStorage;
import dev.crmkit.spi.loyalty.PurchaseRecord;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Item 9 on real databases: threads on two nodes (each with its own pool and {@link Crm}, one shared clock) record
 * purchases of one member (each order reported twice, by two threads on different nodes at about the same time, as a
 * host retrying after a timeout would), return parts of them, redeem rewards, and move the clock on and run their
 * node's scheduler, which posts pending points, all at once on one PostgreSQL and one MariaDB database. At the end,
 * once every window has passed and both schedulers ran: every order is stored and accrued once, nothing is pending,
 * the cached balances equal the ledger's sums and none is negative, every redemption key spent once, and the points
 * are conserved: what is available less what is owed is exactly what the orders earned less what their returns took
 * back, less what was spent.
 *
 * <p>With expiries: the same under a fixed expiry policy of one month, the clock moved on in steps of twelve days, so
 * that lots fall due and both nodes' schedulers let them expire among the purchases, returns and redemptions; at the
 * end the points are conserved less what expired, each lot expired at most once, and every expiry took what a model
 * of the ledger says its lot and the older ones had left when it ran: their points less everything taken before it,
 * oldest lots first ({@link dev.crmkit.spi.loyalty.LedgerLots}). The ledger does not say in which order entries of
 * one moment of the shared clock were taken, so the model bounds it: at least less every debit of that moment, at
 * most less only the debits of earlier moments.
 */
class AccrualOnTwoNodesTest {
    private static final Instant START = Instant.parse("2026-03-02T09:00:00Z");
    private static final int THREADS_PER_NODE = 3;
    private static final int OPERATIONS = 80;
    private static final long COFFEE = 60;

    private final String tenantId = "accrual-" + UUID.randomUUID().toString().substring(0, 8);
    private final MutableClock clock = new MutableClock(START);
    private TwoNodes database;
    private Duration step = Duration.ofHours(20);

    @AfterEach
    void closeDatabase() {
        if (database != null) {
            database.close();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.crmkit.core.TwoNodes#databases")
    void purchases_returns_redemptions_and_postings_on_two_nodes_keep_the_ledger_whole(String variable)
            throws Exception {
        Outcome outcome = run(variable, ExpiryPolicy.none(), "1");

        assertThat(outcome.expired()).as("no policy, no expiry").isZero();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.crmkit.core.TwoNodes#databases")
    void with_a_fixed_expiry_policy_lots_expire_on_both_nodes_among_the_rest_and_the_ledger_stays_whole(
            String variable) throws Exception {
        step = Duration.ofDays(12);

        // five points a euro: the lots outweigh the coffees, so redemptions and returns never leave them all empty
        // by the time they fall due during the race (at one a euro they did now and then)
        Outcome outcome = run(variable, ExpiryPolicy.fixed(1), "5");

        assertThat(outcome.expiredDuringTheRace()).as("lots expired while the threads ran").isPositive();
        assertThat(outcome.expired()).isPositive();
        List<LedgerEntry> inOrder = outcome.entries().stream()
                .sorted((a, b) -> Ids.ORDER.compare(a.id(), b.id())).toList();
        List<String> expiredLots = new ArrayList<>();
        for (LedgerEntry expiry : inOrder) {
            if (expiry.kind() != LedgerEntryKind.EXPIRY) {
                continue;
            }
            UUID lot = UUID.fromString(expiry.idempotencyKey().substring("expiry:".length()));
            expiredLots.add(lot.toString());
            long credited = 0;
            long debitedBefore = 0;
            long debitedAtTheLatest = 0;
            for (LedgerEntry e : inOrder) {
                if (!e.kind().changesAvailable() || e.id().equals(expiry.id())) {
                    continue;
                }
                if (e.redeemablePoints() < 0) {
                    int when = e.postedAt().compareTo(expiry.postedAt());
                    debitedBefore -= when < 0 ? e.redeemablePoints() : 0;
                    debitedAtTheLatest -= when <= 0 ? e.redeemablePoints() : 0;
                } else if (Ids.ORDER.compare(e.id(), lot) <= 0) {
                    credited += e.redeemablePoints();
                }
            }
            // what was taken before the expiry ran: every debit of an earlier moment, some of the same moment
            assertThat(-expiry.redeemablePoints()).as("the expiry of lot %s took what the lots had left", lot)
                    .isBetween(Math.max(0, credited - debitedAtTheLatest), Math.max(0, credited - debitedBefore));
        }
        assertThat(expiredLots).as("each lot expired once").doesNotHaveDuplicates();
    }

    /** What a run left: the member's entries, and the points that expired in all and while the threads ran. */
    private record Outcome(List<LedgerEntry> entries, long expired, long expiredDuringTheRace) {
    }

    private Outcome run(String variable, ExpiryPolicy policy, String pointsPerEuro) throws Exception {
        // given
        database = new TwoNodes(variable, "purchases, returns, redemptions and postings on two nodes");
        JdbcStorage storage = database.node("node-a");
        List<Crm> nodes = List.of(node(storage, "node-a"), node(database.node("node-b"), "node-b"));
        UUID customer = customer(storage);
        LoyaltyService loyalty = nodes.get(0).tenant(tenantId).service(LoyaltyService.class);
        loyalty.defineProgramme(DefineProgramme.of("club", ProgrammeRules.earning("EUR", pointsPerEuro)
                .withReturnWindowDays(3).withExpiry(policy)));
        UUID member = loyalty.enrol(EnrolMember.of(customer, "club")).id();

        // when
        AtomicInteger next = new AtomicInteger();
        AtomicInteger refused = new AtomicInteger();
        int threads = THREADS_PER_NODE * nodes.size();
        CyclicBarrier start = new CyclicBarrier(threads);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> running = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                Crm node = nodes.get(t % nodes.size());
                running.add(pool.submit(() -> {
                    start.await(10, TimeUnit.SECONDS);
                    for (int op = next.getAndIncrement(); op < OPERATIONS; op = next.getAndIncrement()) {
                        operate(node, customer, member, op, refused);
                    }
                    return null;
                }));
            }
            for (Future<?> thread : running) {
                thread.get(300, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        LoyaltyStorage stores = storage.capability(LoyaltyStorage.class).orElseThrow();
        long expiredDuringTheRace = -stores.ledger().sums(tenantId, member, LedgerEntryKind.EXPIRY).redeemablePoints();
        clock.advance(Duration.ofDays(40));
        for (int round = 0; round < 5; round++) {
            clock.advance(Duration.ofHours(2)); // past the retry backoff of a posting that lost a race
            runBoth(nodes);
        }

        // then
        PointsBalances balances = loyalty.balances(member);
        Membership cached = loyalty.membership(member);
        LedgerSums sums = stores.ledger().sums(tenantId, member);
        assertThat(new long[] {sums.qualifyingPoints(), sums.redeemablePoints()}).as("the ledger adds up")
                .containsExactly(cached.qualifyingPoints(), cached.redeemablePoints());
        assertThat(balances.qualifyingPending()).as("nothing pending").isZero();
        assertThat(balances.redeemablePending()).isZero();
        assertThat(List.of(balances.qualifyingAvailable(), balances.redeemableAvailable(), balances.qualifyingOwed(),
                balances.redeemableOwed())).allMatch(b -> b >= 0);
        long leftQualifying = 0;
        long leftRedeemable = 0;
        PurchaseService purchases = nodes.get(0).tenant(tenantId).service(PurchaseService.class);
        for (int order = 0; order < OPERATIONS / 4; order++) {
            Purchase purchase = purchases.purchaseByOrderReference("ORD-" + order);
            PurchaseRecord record = stores.purchases().get(tenantId, purchase.id()).orElseThrow();
            List<AccrualRecord> accruals = stores.accruals().forPurchase(tenantId, purchase.id());
            assertThat(accruals).as("ORD-%s accrued once", order).hasSize(1);
            assertThat(accruals.get(0).status()).isIn(AccrualStatus.POSTED, AccrualStatus.CANCELLED);
            AccrualAggregate.Shares shares = AccrualAggregate.Shares.of(accruals.get(0), record);
            leftQualifying += shares.qualifyingLeft;
            leftRedeemable += shares.redeemableLeft;
        }
        List<LedgerEntry> entries = loyalty.ledger(member, PageRequest.first(1000)).items();
        assertThat(entries).extracting(LedgerEntry::idempotencyKey).doesNotHaveDuplicates();
        long coffees = entries.stream().filter(e -> e.kind() == LedgerEntryKind.REDEMPTION).count();
        long expired = -stores.ledger().sums(tenantId, member, LedgerEntryKind.EXPIRY).redeemablePoints();
        assertThat(balances.qualifyingAvailable() - balances.qualifyingOwed()).as("qualifying points conserved")
                .isEqualTo(leftQualifying);
        assertThat(balances.redeemableAvailable() - balances.redeemableOwed()).as("redeemable points conserved")
                .isEqualTo(leftRedeemable - coffees * COFFEE - expired);
        assertThat(coffees).as("some redemptions went through").isPositive();
        assertThat(entries).as("some returns took points back")
                .anyMatch(e -> e.sourceType().equals(AccrualAggregate.RETURN));
        return new Outcome(entries, expired, expiredDuringTheRace);
    }

    /**
     * One operation: by {@code op % 8}, report an order (four of the eight, two reports of each of two orders),
     * return a unit of an earlier order, redeem a coffee (retried once under its key), or move the clock and run the
     * node's scheduler.
     */
    private void operate(Crm node, UUID customer, UUID member, int op, AtomicInteger refused) {
        PurchaseService purchases = node.tenant(tenantId).service(PurchaseService.class);
        LoyaltyService loyalty = node.tenant(tenantId).service(LoyaltyService.class);
        int order = op / 8 * 2 + op % 8 / 2;
        switch (op % 8) {
            case 0, 1, 2, 3 -> retrying(() -> purchases.record(RecordPurchase.of(customer, "ORD-" + order, "web",
                    START.plus(Duration.ofHours(order)),
                    PurchaseLine.of("sku-shirt", 3, Money.of((40 + order) + ".00", "EUR")).inCategory("apparel"),
                    PurchaseLine.of("sku-cap", 1, Money.of("12.00", "EUR")).inCategory("accessories"))));
            case 4, 5 -> {
                int earlier = Math.max(0, op / 8 * 2 - 1 - op % 2);
                try {
                    retrying(() -> purchases.recordReturn(RecordReturn.of("ORD-" + earlier, "RET-" + op,
                            clock.instant(), ReturnedLine.of(op % 3 == 0 ? 2 : 1, 1))));
                } catch (NotFoundException | IllegalTransitionException | ValidationException e) {
                    refused.incrementAndGet(); // not reported yet, or nothing left to return on that line
                }
            }
            case 6 -> {
                try {
                    String key = "coffee-" + op;
                    retrying(() -> loyalty.redeem(RedeemReward.of(member, "coffee", key)));
                    retrying(() -> loyalty.redeem(RedeemReward.of(member, "coffee", key)));
                } catch (ValidationException e) {
                    refused.incrementAndGet(); // short of points
                }
            }
            default -> {
                clock.advance(step);
                node.scheduler().runDueWork();
            }
        }
    }

    /** Calls {@code call} again while it fails for a passing reason, as a host's retry would. */
    private static <T> T retrying(Supplier<T> call) {
        for (int attempt = 1; ; attempt++) {
            try {
                return call.get();
            } catch (CrmException e) {
                if (!e.retryable() || attempt == 20) {
                    throw e;
                }
            }
        }
    }

    private static void runBoth(List<Crm> nodes) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(nodes.size());
        try {
            List<Future<?>> runs = new ArrayList<>();
            for (Crm node : nodes) {
                runs.add(pool.submit(() -> {
                    while (node.scheduler().runDueWork().claimed() > 0) {
                        // until this node finds nothing due
                    }
                    return null;
                }));
            }
            for (Future<?> run : runs) {
                run.get(120, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private Crm node(JdbcStorage storage, String nodeId) {
        InMemoryRewardCatalogue rewards = new InMemoryRewardCatalogue().add(new CatalogueReward("coffee", COFFEE));
        return Crm.builder().storage(storage).clock(clock).nodeId(nodeId)
                .module(LoyaltyModule.builder().rewardCatalogue(rewards).build()).build();
    }

    private UUID customer(JdbcStorage storage) {
        return TwoNodes.person(storage, tenantId, START);
    }
}
