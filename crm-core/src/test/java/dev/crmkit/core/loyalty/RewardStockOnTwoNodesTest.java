package dev.crmkit.core.loyalty;

import static org.assertj.core.api.Assertions.assertThat;

import dev.crmkit.core.Crm;
import dev.crmkit.core.TenantCrm;
import dev.crmkit.core.TwoNodes;
import dev.crmkit.jdbc.JdbcStorage;
import dev.crmkit.model.CrmException;
import dev.crmkit.model.PageRequest;
import dev.crmkit.model.ValidationException;
import dev.crmkit.model.customer.LifecycleStage;
import dev.crmkit.model.customer.PartyKind;
import dev.crmkit.model.loyalty.LedgerEntryKind;
import dev.crmkit.spi.customer.CustomerRecord;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Two application nodes, three threads each, redeem a stored reward with a stock of {@value #STOCK} for
 * {@value #MEMBERS} members who could each afford many, on one PostgreSQL and one MariaDB database, every key tried
 * until it is either redeemed or refused for want of stock (and once more, as a client that lost the answer would).
 * Exactly {@value #STOCK} keys redeem, the stock ends at zero and never below, and every key spent once. The reward's
 * stock is stored by compare-and-set on its version in the redemption's unit; with the version condition taken out of
 * {@code JdbcRewardStore.update} two nodes take the same unit of stock and more than {@value #STOCK} are redeemed.
 */
class RewardStockOnTwoNodesTest {
    private static final int STOCK = 5;
    private static final int MEMBERS = 4;
    private static final int THREADS_PER_NODE = 3;
    private static final int ATTEMPTS = 30;
    private static final int MAX_TRIES = 30;

    private final String tenantId = "stock-" + UUID.randomUUID().toString().substring(0, 8);
    private TwoNodes database;

    @AfterEach
    void closeDatabase() {
        if (database != null) {
            database.close();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.crmkit.core.TwoNodes#databases")
    void concurrent_redemptions_on_two_nodes_never_take_more_than_the_stock(String variable) throws Exception {
        // given
        database = new TwoNodes(variable, "reward stock on two nodes");
        JdbcStorage storageA = database.node("node-a");
        List<TenantCrm> nodes = List.of(Crm.builder().storage(storageA).nodeId("node-a").build().tenant(tenantId),
                Crm.builder().storage(database.node("node-b")).nodeId("node-b").build().tenant(tenantId));
        nodes.get(0).service(RewardService.class).offer(OfferReward.of("coffee",
                RewardTerms.of("Coffee to go", 70).withStock((long) STOCK)));
        LoyaltyService first = nodes.get(0).service(LoyaltyService.class);
        List<Membership> members = new ArrayList<>();
        for (int i = 0; i < MEMBERS; i++) {
            Membership member = first.enrol(EnrolMember.of(customer(storageA), "club"));
            first.post(PostPoints.accrual(member.id(), 70 * ATTEMPTS, "activity.visit", null, "earn-" + member.id()));
            members.add(member);
        }

        // when
        Map<String, UUID> redeemed = new ConcurrentHashMap<>();
        AtomicInteger outOfStock = new AtomicInteger();
        int threads = THREADS_PER_NODE * nodes.size();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CyclicBarrier start = new CyclicBarrier(threads);
        AtomicInteger next = new AtomicInteger();
        try {
            List<Future<?>> running = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                LoyaltyService node = nodes.get(t % nodes.size()).service(LoyaltyService.class);
                running.add(pool.submit(() -> {
                    start.await(10, TimeUnit.SECONDS);
                    for (int attempt = next.getAndIncrement(); attempt < ATTEMPTS; attempt = next.getAndIncrement()) {
                        String key = "coffee-" + attempt;
                        RedeemReward redeem = RedeemReward.of(members.get(attempt % MEMBERS).id(), "coffee", key);
                        for (int call = 0; call < 2; call++) {
                            redeemUntilDecided(node, redeem, redeemed, outOfStock);
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> thread : running) {
                thread.get(120, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }

        // then
        List<LedgerEntry> redemptions = new ArrayList<>();
        for (Membership member : members) {
            first.ledger(member.id(), PageRequest.first(1000)).items().stream()
                    .filter(e -> e.kind() == LedgerEntryKind.REDEMPTION).forEach(redemptions::add);
        }
        assertThat(redeemed).as("keys that redeemed").hasSize(STOCK);
        assertThat(redemptions).as("redemptions stored").hasSize(STOCK);
        assertThat(nodes.get(1).service(RewardService.class).reward("coffee").terms().stock()).isZero();
        assertThat(outOfStock.get()).as("refused for want of stock").isPositive();
    }

    private static void redeemUntilDecided(LoyaltyService node, RedeemReward redeem, Map<String, UUID> redeemed,
            AtomicInteger outOfStock) {
        for (int tries = 0; tries < MAX_TRIES; tries++) {
            try {
                LedgerEntry entry = node.redeem(redeem);
                UUID before = redeemed.putIfAbsent(redeem.idempotencyKey(), entry.id());
                assertThat(before == null || before.equals(entry.id()))
                        .as("a retry of %s answers with the first entry", redeem.idempotencyKey()).isTrue();
                return;
            } catch (ValidationException e) {
                assertThat(e.field()).isEqualTo("stock");
                outOfStock.incrementAndGet();
                return;
            } catch (CrmException e) {
                if (!e.retryable()) {
                    throw e;
                }
            }
        }
        throw new IllegalStateException(redeem.idempotencyKey() + " lost " + MAX_TRIES + " races in a row");
    }

    private UUID customer(JdbcStorage storage) {
        UUID id = UUID.randomUUID();
        Instant now = Instant.now();
        storage.customers().insert(new CustomerRecord(tenantId, id, 1, now, now, PartyKind.PERSON, "Racer", null,
                null, null, null, null, LifecycleStage.CUSTOMER, null, Set.of(), Map.of(), null));
        return id;
    }
}
