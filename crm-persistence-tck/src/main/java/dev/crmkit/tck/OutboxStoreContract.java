package dev.crmkit.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.crmkit.model.CrmException;
import dev.crmkit.model.DuplicateException;
import dev.crmkit.model.ValidationException;
import dev.crmkit.spi.outbox.OutboxEvent;
import dev.crmkit.spi.outbox.OutboxStore;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The contract of {@link OutboxStore}: append order, leased claims, per-aggregate order, delivery, purge. */
public abstract class OutboxStoreContract extends ContractSupport {
    private static final String TENANT = "outbox-tenant";
    private static final Duration LEASE = Duration.ofMinutes(1);

    private static OutboxEvent event(String tenant, String aggregateId, String type) {
        return OutboxEvent.of(tenant, UUID.randomUUID(), "customer", aggregateId, type,
                "{\"aggregate\":\"" + aggregateId + "\",\"type\":\"" + type + "\"}", NOW);
    }

    private OutboxStore outbox() {
        return storage().outbox();
    }

    private static List<UUID> ids(List<OutboxEvent> events) {
        return events.stream().map(OutboxEvent::id).toList();
    }

    @Test
    void append_numbers_events_in_append_order_and_claim_returns_the_oldest_first() {
        List<OutboxEvent> appended = List.of(event(TENANT, "a", "One"), event(TENANT, "b", "Two"),
                event(TENANT, "c", "Three"));
        outbox().append(appended);

        List<OutboxEvent> claimed = outbox().claim("relay-1", 2, LEASE, NOW);

        assertThat(ids(claimed)).containsExactly(appended.get(0).id(), appended.get(1).id());
        assertThat(claimed.get(0).sequence()).isPositive();
        assertThat(claimed.get(1).sequence()).isGreaterThan(claimed.get(0).sequence());
        assertThat(claimed.get(0).payload()).isEqualTo(appended.get(0).payload());
        assertThat(claimed.get(0).occurredAt()).isEqualTo(NOW);
    }

    @Test
    void a_later_append_gets_a_greater_sequence_than_every_earlier_one() {
        outbox().append(List.of(event(TENANT, "a", "First")));
        outbox().append(List.of(event(TENANT, "b", "Second")));

        List<OutboxEvent> claimed = outbox().claim("relay-1", 10, LEASE, NOW);

        assertThat(claimed).extracting(OutboxEvent::type).containsExactly("First", "Second");
        assertThat(claimed.get(1).sequence()).isGreaterThan(claimed.get(0).sequence());
    }

    @Test
    void an_event_held_by_one_claimer_is_not_given_to_another_while_the_lease_holds() {
        outbox().append(List.of(event(TENANT, "a", "One")));
        assertThat(outbox().claim("relay-1", 10, LEASE, NOW)).hasSize(1);

        assertThat(outbox().claim("relay-2", 10, LEASE, NOW.plusSeconds(59))).isEmpty();
    }

    @Test
    void a_later_event_waits_while_an_earlier_event_of_its_aggregate_is_leased_to_another_claimer() {
        OutboxEvent first = event(TENANT, "a", "First");
        OutboxEvent second = event(TENANT, "a", "Second");
        OutboxEvent other = event(TENANT, "b", "Other");
        outbox().append(List.of(first, second, other));
        assertThat(ids(outbox().claim("relay-1", 1, LEASE, NOW))).containsExactly(first.id());

        List<OutboxEvent> claimedByTwo = outbox().claim("relay-2", 10, LEASE, NOW);

        assertThat(ids(claimedByTwo)).containsExactly(other.id());
    }

    @Test
    void a_later_event_waits_also_while_the_same_claimer_holds_an_earlier_one() {
        OutboxEvent first = event(TENANT, "a", "First");
        OutboxEvent second = event(TENANT, "a", "Second");
        outbox().append(List.of(first, second));
        assertThat(ids(outbox().claim("relay-1", 1, LEASE, NOW))).containsExactly(first.id());

        assertThat(outbox().claim("relay-1", 10, LEASE, NOW)).isEmpty();
    }

    @Test
    void a_claim_finds_claimable_events_behind_many_events_other_claimers_hold() {
        // given: 300 events of distinct aggregates held by relay-1, then three more
        List<OutboxEvent> held = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            held.add(event(TENANT, "held-" + i, "Held"));
        }
        outbox().append(held);
        assertThat(outbox().claim("relay-1", 300, LEASE, NOW)).hasSize(300);
        List<OutboxEvent> free = List.of(event(TENANT, "x", "One"), event(TENANT, "y", "Two"),
                event(TENANT, "z", "Three"));
        outbox().append(free);

        // when
        List<OutboxEvent> claimed = outbox().claim("relay-2", 2, LEASE, NOW);

        // then
        assertThat(ids(claimed)).containsExactly(free.get(0).id(), free.get(1).id());
    }

    @Test
    void a_held_event_holds_back_every_later_event_of_its_aggregate_however_many_follow() {
        // given: relay-1 holds the first event of aggregate a; 250 more of a follow, then one of b
        OutboxEvent first = event(TENANT, "a", "First");
        outbox().append(List.of(first));
        assertThat(ids(outbox().claim("relay-1", 1, LEASE, NOW))).containsExactly(first.id());
        List<OutboxEvent> later = new ArrayList<>();
        for (int i = 0; i < 250; i++) {
            later.add(event(TENANT, "a", "Later"));
        }
        OutboxEvent other = event(TENANT, "b", "Other");
        later.add(other);
        outbox().append(later);

        // when
        List<OutboxEvent> claimed = outbox().claim("relay-2", 10, LEASE, NOW);

        // then
        assertThat(ids(claimed)).containsExactly(other.id());
    }

    @Test
    void an_expired_lease_makes_the_events_claimable_again_in_order() {
        OutboxEvent first = event(TENANT, "a", "First");
        OutboxEvent second = event(TENANT, "a", "Second");
        outbox().append(List.of(first, second));
        outbox().claim("relay-1", 10, LEASE, NOW);

        List<OutboxEvent> reclaimed = outbox().claim("relay-2", 10, LEASE, NOW.plus(LEASE));

        assertThat(ids(reclaimed)).containsExactly(first.id(), second.id());
    }

    @Test
    void only_the_holder_marks_events_delivered_and_delivered_events_are_never_claimed_again() {
        OutboxEvent one = event(TENANT, "a", "One");
        outbox().append(List.of(one, event(TENANT, "b", "Two")));
        List<OutboxEvent> claimed = outbox().claim("relay-1", 10, LEASE, NOW);

        assertThat(outbox().markDelivered("relay-2", ids(claimed), NOW)).isZero();
        assertThat(outbox().markDelivered("relay-1", List.of(one.id()), NOW)).isEqualTo(1);
        assertThat(outbox().markDelivered("relay-1", List.of(one.id()), NOW)).isZero();

        assertThat(outbox().countUndelivered()).isEqualTo(1);
        assertThat(ids(outbox().claim("relay-2", 10, LEASE, NOW.plus(Duration.ofHours(1)))))
                .doesNotContain(one.id())
                .hasSize(1);
    }

    @Test
    void release_gives_events_back_so_any_claimer_takes_them_at_once() {
        outbox().append(List.of(event(TENANT, "a", "One"), event(TENANT, "a", "Two")));
        List<OutboxEvent> claimed = outbox().claim("relay-1", 10, LEASE, NOW);

        assertThat(outbox().release("relay-2", ids(claimed))).isZero();
        assertThat(outbox().release("relay-1", ids(claimed))).isEqualTo(2);

        assertThat(ids(outbox().claim("relay-2", 10, LEASE, NOW))).containsExactlyElementsOf(ids(claimed));
    }

    @Test
    void count_undelivered_counts_every_tenant() {
        outbox().append(List.of(event(TENANT, "a", "One"), event("second-tenant", "a", "Two")));

        assertThat(outbox().countUndelivered()).isEqualTo(2);
    }

    @Test
    void claims_serve_every_tenant() {
        outbox().append(List.of(event(TENANT, "a", "One"), event("second-tenant", "a", "Two")));

        assertThat(outbox().claim("relay-1", 10, LEASE, NOW)).extracting(OutboxEvent::tenantId)
                .containsExactly(TENANT, "second-tenant");
    }

    @Test
    void purge_deletes_only_events_delivered_before_the_cutoff() {
        OutboxEvent early = event(TENANT, "a", "Early");
        OutboxEvent late = event(TENANT, "b", "Late");
        OutboxEvent pending = event(TENANT, "c", "Pending");
        outbox().append(List.of(early, late, pending));
        outbox().claim("relay-1", 2, LEASE, NOW);
        outbox().markDelivered("relay-1", List.of(early.id()), NOW);
        outbox().markDelivered("relay-1", List.of(late.id()), NOW.plusSeconds(10));

        assertThat(outbox().purgeDelivered(NOW.plusSeconds(5))).isEqualTo(1);
        assertThat(outbox().purgeDelivered(NOW.plusSeconds(5))).isZero();
        assertThat(outbox().countUndelivered()).isEqualTo(1);
    }

    @Test
    void a_duplicate_event_id_appends_nothing_of_the_batch() {
        OutboxEvent one = event(TENANT, "a", "One");
        OutboxEvent sameId = OutboxEvent.of(TENANT, one.id(), "customer", "b", "Two", "{}", NOW);

        assertThatThrownBy(() -> outbox().append(List.of(one, sameId))).isInstanceOf(DuplicateException.class);

        assertThat(outbox().countUndelivered()).isZero();
    }

    @Test
    void an_append_that_fails_in_a_unit_which_goes_on_never_commits_part_of_its_batch() {
        OutboxEvent stored = event(TENANT, "a", "Stored");
        outbox().append(List.of(stored));
        OutboxEvent before = event(TENANT, "b", "Before");
        OutboxEvent fresh = event(TENANT, "c", "Fresh");
        OutboxEvent after = event(TENANT, "d", "After");

        // the batch's first event may be written before the second's id fails; the work catches that and goes on
        Throwable outcome = catchThrowable(() -> storage().transactions().run(() -> {
            outbox().append(List.of(before));
            assertThatThrownBy(() -> outbox().append(List.of(fresh, OutboxEvent.of(TENANT, stored.id(), "customer",
                    "a", "Again", "{}", NOW)))).isInstanceOf(DuplicateException.class);
            outbox().append(List.of(after));
        }));

        // either the unit went on and committed without the failed batch, or it ended and committed nothing
        List<String> types = outbox().claim("relay-1", 10, LEASE, NOW).stream().map(OutboxEvent::type).toList();
        if (outcome == null) {
            assertThat(types).containsExactly("Stored", "Before", "After");
        } else {
            assertThat(outcome).isInstanceOf(CrmException.class);
            assertThat(types).containsExactly("Stored");
        }
    }

    @Test
    void events_appended_in_a_unit_that_rolls_back_are_never_claimable() {
        assertThatThrownBy(() -> storage().transactions().run(() -> {
            outbox().append(List.of(event(TENANT, "a", "Lost")));
            throw new IllegalStateException("the change failed");
        })).isInstanceOf(IllegalStateException.class);

        assertThat(outbox().claim("relay-1", 10, LEASE, NOW)).isEmpty();
        assertThat(outbox().countUndelivered()).isZero();
    }

    @Test
    void claim_rejects_a_limit_outside_one_to_a_thousand_and_a_lease_that_is_not_positive() {
        assertThatThrownBy(() -> outbox().claim("relay-1", 0, LEASE, NOW)).isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> outbox().claim("relay-1", 1001, LEASE, NOW)).isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> outbox().claim("relay-1", 1, Duration.ZERO, NOW))
                .isInstanceOf(ValidationException.class);
    }

    @Test
    void two_claimers_claiming_at_once_never_hold_the_same_event_and_keep_each_aggregates_order() throws Exception {
        // given: 120 events over 12 aggregates
        List<OutboxEvent> events = new ArrayList<>();
        for (int i = 0; i < 120; i++) {
            events.add(event(TENANT, "agg-" + (i % 12), "E" + i));
        }
        outbox().append(events);
        Set<UUID> held = ConcurrentHashMap.newKeySet();
        List<OutboxEvent> delivered = java.util.Collections.synchronizedList(new ArrayList<>());
        AtomicInteger doubleClaims = new AtomicInteger();
        CountDownLatch start = new CountDownLatch(1);

        // when: two claimers claim small batches and deliver them until nothing is left
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<?>> runs = new ArrayList<>();
            for (String claimer : List.of("relay-1", "relay-2")) {
                runs.add(pool.submit(() -> {
                    start.await();
                    int idle = 0;
                    while (idle < 3) {
                        List<OutboxEvent> batch = outbox().claim(claimer, 5, LEASE, NOW);
                        idle = batch.isEmpty() ? idle + 1 : 0;
                        for (OutboxEvent e : batch) {
                            if (!held.add(e.id())) {
                                doubleClaims.incrementAndGet();
                            }
                            delivered.add(e);
                        }
                        outbox().markDelivered(claimer, ids(batch), NOW);
                        batch.forEach(e -> held.remove(e.id()));
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> run : runs) {
                run.get(60, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }

        // then
        assertThat(doubleClaims).hasValue(0);
        assertThat(delivered).extracting(OutboxEvent::id).doesNotHaveDuplicates().hasSize(events.size());
        for (int a = 0; a < 12; a++) {
            String aggregate = "agg-" + a;
            assertThat(delivered.stream().filter(e -> e.aggregateId().equals(aggregate)).map(OutboxEvent::sequence)
                    .toList()).isSorted();
        }
        assertThat(outbox().countUndelivered()).isZero();
    }
}
