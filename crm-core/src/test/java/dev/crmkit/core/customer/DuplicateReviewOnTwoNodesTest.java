package dev.crmkit.core.customer;

import static dev.crmkit.core.TwoNodes.proxy;
import static org.assertj.core.api.Assertions.assertThat;

import dev.crmkit.core.Crm;
import dev.crmkit.core.TwoNodes;
import dev.crmkit.core.common.Actor;
import dev.crmkit.core.port.PublishedEvent;
import dev.crmkit.jdbc.JdbcStorage;
import dev.crmkit.model.ConflictException;
import dev.crmkit.model.PageRequest;
import dev.crmkit.model.customer.DuplicatePairStatus;
import dev.crmkit.spi.Storage;
import dev.crmkit.spi.customer.CustomerStorage;
import dev.crmkit.spi.customer.DuplicatePairRecord;
import dev.crmkit.spi.customer.DuplicatePairStore;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The review queue on two nodes at once, on one PostgreSQL and one MariaDB database: two nodes finding the same pair
 * queue it once, and two reviewers deciding the same pair at once do not both win.
 *
 * <p>The races are made, not hoped for. Node A's unit (named {@code first}) stops right after its write to the pair
 * store and waits, holding what it holds, until node B's unit ({@code second}) has read what it decides on (the
 * bulk job's lookup of dismissed pairs; the reviewer's read of the pair), so B read before A committed. With the guards
 * (the unique key of a pair, the compare-and-set on its version) B then finds A's pair or conflicts; without them B
 * writes a second pair, or overwrites A's decision.
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class DuplicateReviewOnTwoNodesTest {
    private final String tenantId = "review-" + UUID.randomUUID().toString().substring(0, 8);
    private final CountDownLatch firstWrote = new CountDownLatch(1);
    private final CountDownLatch secondRead = new CountDownLatch(1);
    private final List<PublishedEvent> delivered = Collections.synchronizedList(new ArrayList<>());
    private TwoNodes database;
    private JdbcStorage checks;
    private Crm nodeA;
    private Crm nodeB;

    @AfterEach
    void closeNodes() {
        if (database != null) {
            database.close();
        }
    }

    @SuppressWarnings("deprecation") // the old findDuplicateGroups() keeps its contract until it is removed
    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.crmkit.core.TwoNodes#databases")
    void two_nodes_running_the_bulk_job_at_once_queue_a_pair_once(String variable) throws Exception {
        // given: two customers sharing an e-mail address, a possible duplicate no registration has queued
        startNodes(variable, "suspect", "among");
        UUID anna = customers(nodeA).register(RegisterPerson.named("Anna", "Müller").withEmail("family@example.com"))
                .customer().id();
        UUID peter = customers(nodeA).register(RegisterPerson.named("Peter", "Schmidt")
                .withEmail("family@example.com")).customer().id();

        // when: node A's job holds its queued pair uncommitted until node B's job has looked the pair up
        List<Throwable> failures = TwoNodes.race(() -> customers(nodeA).findDuplicateGroups(), firstWrote,
                () -> customers(nodeB).findDuplicateGroups(), secondRead);

        // then
        assertThat(failures).isEmpty();
        List<DuplicatePairRecord> pairs = checks.duplicatePairs().among(tenantId, List.of(anna, peter));
        assertThat(pairs).as("the pair, once").singleElement()
                .satisfies(p -> assertThat(p.version()).isEqualTo(1));
        assertThat(eventTypes()).containsExactly("duplicate-pair.suspected");
    }

    @SuppressWarnings("deprecation") // the old findDuplicateGroups() keeps its contract until it is removed
    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.crmkit.core.TwoNodes#databases")
    void two_reviewers_dismissing_one_pair_at_once_one_wins_and_the_other_conflicts(String variable)
            throws Exception {
        // given: a queued pair at version 1, both reviewers looking at it
        startNodes(variable, "update", "get");
        customers(nodeA).register(RegisterPerson.named("Anna", "Müller").withEmail("family@example.com"));
        customers(nodeA).register(RegisterPerson.named("Peter", "Schmidt").withEmail("family@example.com"));
        customers(nodeA).findDuplicateGroups();
        DuplicatePair pair = customers(nodeA).suspectedDuplicates(null, PageRequest.first(10)).items().get(0);

        // when: node A's dismissal holds its update uncommitted until node B's reviewer has read the pair
        List<Throwable> failures = TwoNodes.race(
                () -> customers(nodeA).dismissDuplicate(pair.id(), 1, "different people", Actor.user("rev-a")),
                firstWrote,
                () -> customers(nodeB).dismissDuplicate(pair.id(), 1, "namesakes", Actor.user("rev-b")),
                secondRead);

        // then
        assertThat(failures).singleElement().isInstanceOf(ConflictException.class);
        assertThat(database.commitOrder()).containsExactly("first");
        DuplicatePair stored = customers(nodeA).suspectedDuplicate(pair.id());
        assertThat(stored.status()).isEqualTo(DuplicatePairStatus.DISMISSED);
        assertThat(stored.version()).isEqualTo(2);
        assertThat(stored.decision().actor()).isEqualTo(Actor.user("rev-a"));
        assertThat(stored.decision().reason()).isEqualTo("different people");
        assertThat(eventTypes()).containsExactly("duplicate-pair.suspected", "duplicate-pair.dismissed");
    }

    private List<String> eventTypes() {
        while (nodeA.relay().relayOnce().claimed() > 0) {
            // deliver everything
        }
        return delivered.stream().filter(e -> e.tenantId().equals(tenantId))
                .filter(e -> e.aggregateType().equals("duplicate-pair")).map(PublishedEvent::type).toList();
    }

    private void startNodes(String variable, String firstHoldsAfter, String secondSignalsAfter) {
        database = new TwoNodes(variable, "the duplicate review queue on two nodes");
        checks = database.node("checks");
        CustomerModule allow = CustomerModule.builder().duplicatePolicy(DuplicatePolicy.ALLOW).build();
        nodeA = Crm.builder().storage(withPairs(database.node("node-a"), "first", firstHoldsAfter))
                .nodeId("node-a").module(allow).listener(delivered::add).build();
        nodeB = Crm.builder().storage(withPairs(database.node("node-b"), "second", secondSignalsAfter))
                .nodeId("node-b").module(allow).build();
    }

    private CustomerService customers(Crm node) {
        return node.tenant(tenantId).service(CustomerService.class);
    }

    /**
     * A node's storage whose pair store, in the unit named {@code unit}, after the call {@code method} returns: for
     * the first unit, says it wrote and waits until the second has read; for the second, says it has read.
     */
    private Storage withPairs(JdbcStorage real, String unit, String method) {
        CustomerStorage customerStorage = real.capability(CustomerStorage.class).orElseThrow();
        DuplicatePairStore pairs = proxy(DuplicatePairStore.class, customerStorage.duplicatePairs(),
                (name, args, call) -> {
                    Object result = call.get();
                    if (name.equals(method) && unit.equals(TwoNodes.currentUnit())) {
                        if (unit.equals("first")) {
                            firstWrote.countDown();
                            TwoNodes.await(secondRead);
                        } else {
                            secondRead.countDown();
                        }
                    }
                    return result;
                });
        CustomerStorage withHook = proxy(CustomerStorage.class, customerStorage,
                (name, args, call) -> name.equals("duplicatePairs") ? pairs : call.get());
        return proxy(Storage.class, real, (name, args, call) -> name.equals("capability")
                && args[0] == CustomerStorage.class ? Optional.of(withHook) : call.get());
    }
}
