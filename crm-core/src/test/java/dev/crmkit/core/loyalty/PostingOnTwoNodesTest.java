package dev.crmkit.core.loyalty;

import static org.assertj.core.api.Assertions.assertThat;

import dev.crmkit.core.Crm;
import dev.crmkit.core.TwoNodes;
import dev.crmkit.core.touchpoint.MutableClock;
import dev.crmkit.jdbc.JdbcStorage;
import dev.crmkit.model.CrmException;
import dev.crmkit.model.PageRequest;
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
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code LoyaltyService.post} under keys two nodes use at once; on real databases, threads on two nodes (each
 * with its own pool and {@link Crm}) post the same accruals to two members at once, every key by a thread of each
 * node, as a host retrying after a timeout would. Each key is posted once: every call under it answers with the same
 * entry, the ledger holds one entry per key, and the balances are exactly the keys' points.
 */
class PostingOnTwoNodesTest {
    private static final int THREADS_PER_NODE = 2;
    private static final int KEYS = 60;
    private static final long POINTS = 10;

    private final String tenantId = "posting-" + UUID.randomUUID().toString().substring(0, 8);
    private final MutableClock clock = new MutableClock(Instant.parse("2026-03-02T09:00:00Z"));
    private TwoNodes database;

    @AfterEach
    void closeDatabase() {
        if (database != null) {
            database.close();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.crmkit.core.TwoNodes#databases")
    void the_same_postings_on_two_nodes_post_each_key_once(String variable) throws Exception {
        // given
        database = new TwoNodes(variable, "the same postings on two nodes");
        JdbcStorage storage = database.node("node-a");
        List<Crm> nodes = List.of(node(storage, "node-a"), node(database.node("node-b"), "node-b"));
        LoyaltyService loyalty = nodes.get(0).tenant(tenantId).service(LoyaltyService.class);
        loyalty.defineProgramme(DefineProgramme.of("club", ProgrammeRules.earning("EUR", "1")));
        List<UUID> members = List.of(loyalty.enrol(EnrolMember.of(customer(storage), "club")).id(),
                loyalty.enrol(EnrolMember.of(customer(storage), "club")).id());

        // when every thread posts every key, each node's threads in another order
        Map<String, Set<UUID>> answers = new ConcurrentHashMap<>();
        int threads = THREADS_PER_NODE * nodes.size();
        CyclicBarrier start = new CyclicBarrier(threads);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> running = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                LoyaltyService node = nodes.get(t % nodes.size()).tenant(tenantId).service(LoyaltyService.class);
                boolean backwards = t % 2 == 1;
                running.add(pool.submit(() -> {
                    start.await(10, TimeUnit.SECONDS);
                    for (int i = 0; i < KEYS; i++) {
                        int k = backwards ? KEYS - 1 - i : i;
                        String key = "visit-" + k;
                        LedgerEntry entry = retrying(() -> node.post(PostPoints.accrual(members.get(k % 2), POINTS,
                                "activity.visit", null, key)));
                        answers.computeIfAbsent(key, x -> ConcurrentHashMap.newKeySet()).add(entry.id());
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

        // then
        assertThat(answers).hasSize(KEYS);
        assertThat(answers.values()).as("every call under a key answered with one entry").allMatch(s -> s.size() == 1);
        for (UUID member : members) {
            List<LedgerEntry> entries = loyalty.ledger(member, PageRequest.first(1000)).items();
            assertThat(entries).hasSize(KEYS / 2);
            assertThat(entries).extracting(LedgerEntry::idempotencyKey).doesNotHaveDuplicates();
            Membership cached = loyalty.membership(member);
            assertThat(cached.redeemablePoints()).isEqualTo(KEYS / 2 * POINTS);
            assertThat(cached.qualifyingPoints()).isEqualTo(KEYS / 2 * POINTS);
        }
    }

    /** Calls {@code call} again while it fails for a passing reason, as a host's retry would. */
    private static LedgerEntry retrying(java.util.function.Supplier<LedgerEntry> call) {
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

    private Crm node(JdbcStorage storage, String nodeId) {
        return Crm.builder().storage(storage).clock(clock).nodeId(nodeId).module(LoyaltyModule.builder().build())
                .build();
    }

    private UUID customer(JdbcStorage storage) {
        return TwoNodes.person(storage, tenantId, clock.instant());
    }
}
