package dev.crmkit.core.loyalty;

import static org.assertj.core.api.Assertions.assertThat;

import dev.crmkit.core.Crm;
import dev.crmkit.core.TenantCrm;
import dev.crmkit.core.TwoNodes;
import dev.crmkit.core.port.CatalogueReward;
import dev.crmkit.core.port.InMemoryRewardCatalogue;
import dev.crmkit.jdbc.JdbcStorage;
import dev.crmkit.model.CrmException;
import dev.crmkit.model.PageRequest;
import dev.crmkit.model.ValidationException;
import dev.crmkit.model.loyalty.LedgerEntryKind;
import dev.crmkit.spi.loyalty.LedgerSums;
import dev.crmkit.spi.loyalty.LoyaltyStorage;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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
 * Two application nodes, each with its own connection pool and its own {@link Crm}, redeem rewards from one member's
 * points with several threads each at once, on one PostgreSQL and one MariaDB database, and retry every redemption
 * once under its key (as a client that lost the answer would). The member has points for {@value #AFFORDABLE}
 * coffees and the threads try {@value #ATTEMPTS}: exactly the affordable ones go through, the balance ends at zero
 * and never below, the cached balance equals the ledger's sums, and every key spent once. Without the version check
 * of the membership's update (the guard), two nodes spend the same points and the cached balance parts from the
 * ledger. Runs when {@code CRMKIT_TEST_POSTGRES_URL} / {@code CRMKIT_TEST_MARIADB_URL} are set (always in CI).
 */
class RedemptionOnTwoNodesTest {
    private static final long PRICE = 70;
    private static final int AFFORDABLE = 12;
    private static final int THREADS_PER_NODE = 3;
    private static final int ATTEMPTS = 60;

    private final List<JdbcStorage> storages = new ArrayList<>();
    private final String tenantId = "redeem-" + UUID.randomUUID().toString().substring(0, 8);
    private TwoNodes database;

    @AfterEach
    void closeDatabase() {
        if (database != null) {
            database.close();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.crmkit.core.TwoNodes#databases")
    void concurrent_redemptions_on_two_nodes_never_spend_a_point_twice_nor_below_zero(String variable)
            throws Exception {
        // given: a member with points for exactly AFFORDABLE coffees
        List<TenantCrm> nodes = twoNodes(variable);
        LoyaltyService first = nodes.get(0).service(LoyaltyService.class);
        UUID customerId = customer();
        Membership member = first.enrol(EnrolMember.of(customerId, "club"));
        first.post(PostPoints.accrual(member.id(), PRICE * AFFORDABLE, "activity.visit", null, "earn-1"));

        // when: every thread of both nodes redeems a coffee at once, again and again, each retried once
        Map<String, UUID> spent = new ConcurrentHashMap<>();
        AtomicInteger shortOfPoints = new AtomicInteger();
        AtomicInteger lostRaces = new AtomicInteger();
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
                        for (int call = 0; call < 2; call++) {
                            try {
                                LedgerEntry entry = node.redeem(RedeemReward.of(member.id(), "coffee", key));
                                UUID before = spent.putIfAbsent(key, entry.id());
                                assertThat(before == null || before.equals(entry.id()))
                                        .as("a retry of %s answers with the first entry", key).isTrue();
                            } catch (ValidationException e) {
                                shortOfPoints.incrementAndGet();
                            } catch (CrmException e) {
                                if (!e.retryable()) {
                                    throw e;
                                }
                                lostRaces.incrementAndGet();
                            }
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
        Membership after = first.membership(member.id());
        LedgerSums sums = storages.get(0).capability(LoyaltyStorage.class).orElseThrow().ledger()
                .sums(tenantId, member.id());
        List<LedgerEntry> redemptions = first.ledger(member.id(), PageRequest.first(1000)).items().stream()
                .filter(e -> e.kind() == LedgerEntryKind.REDEMPTION).toList();
        assertThat(after.redeemablePoints()).as("the balance").isGreaterThanOrEqualTo(0)
                .isEqualTo(sums.redeemablePoints());
        assertThat(redemptions).as("redemptions stored").hasSize(spent.size());
        assertThat(redemptions).extracting(LedgerEntry::idempotencyKey).doesNotHaveDuplicates();
        assertThat(spent).as("keys that spent points").hasSize(AFFORDABLE);
        assertThat(after.redeemablePoints()).isZero();
        assertThat(sums).isEqualTo(new LedgerSums(PRICE * AFFORDABLE, 0, AFFORDABLE + 1));
        assertThat(shortOfPoints.get() + lostRaces.get()).as("refused calls").isPositive();
    }

    /** A customer, straight into the storage of the first node. */
    private UUID customer() {
        return TwoNodes.person(storages.get(0), tenantId, Instant.now());
    }

    /** Two nodes on the database in {@code variable}, each with its own pool, in a tenant of this test. */
    private List<TenantCrm> twoNodes(String variable) {
        database = new TwoNodes(variable, "redemption");
        InMemoryRewardCatalogue rewards = new InMemoryRewardCatalogue().add(new CatalogueReward("coffee", PRICE));
        List<TenantCrm> nodes = new ArrayList<>();
        for (String name : List.of("node-a", "node-b")) {
            JdbcStorage storage = database.node(name, THREADS_PER_NODE + 1);
            storages.add(storage);
            nodes.add(Crm.builder().storage(storage).nodeId(name)
                    .module(LoyaltyModule.builder().rewardCatalogue(rewards).build()).build().tenant(tenantId));
        }
        return nodes;
    }
}
