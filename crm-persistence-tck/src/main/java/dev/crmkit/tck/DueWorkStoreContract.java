package dev.crmkit.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.crmkit.model.ValidationException;
import dev.crmkit.spi.scheduling.DueWorkRecord;
import dev.crmkit.spi.scheduling.DueWorkStore;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
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
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * The contract of {@link DueWorkStore}: scheduling by kind and key (one piece or a batch), leased claims,
 * completion and retry.
 */
public abstract class DueWorkStoreContract extends ContractSupport {
    private static final String TENANT = "due-work-tenant";
    private static final String KIND = "task.due";
    private static final Duration LEASE = Duration.ofMinutes(5);

    private DueWorkStore dueWork() {
        return storage().dueWork();
    }

    private static DueWorkRecord work(String tenant, String key, long dueInSeconds) {
        return DueWorkRecord.of(tenant, UUID.randomUUID(), KIND, key, NOW.plusSeconds(dueInSeconds),
                "{\"task\":\"" + key + "\"}");
    }

    @Test
    void scheduled_work_is_found_by_kind_and_key_unclaimed() {
        DueWorkRecord scheduled = dueWork().schedule(work(TENANT, "task-1", 60));

        assertThat(dueWork().find(TENANT, KIND, "task-1")).contains(scheduled);
        assertThat(scheduled.claimedBy()).isNull();
        assertThat(scheduled.leaseUntil()).isNull();
        assertThat(scheduled.attempts()).isZero();
        assertThat(dueWork().find(TENANT, KIND, "task-2")).isEmpty();
        assertThat(dueWork().find(TENANT, "other.kind", "task-1")).isEmpty();
    }

    @Test
    void scheduling_the_same_kind_and_key_again_moves_the_work_and_keeps_its_id() {
        DueWorkRecord first = dueWork().schedule(work(TENANT, "task-1", 60));

        DueWorkRecord moved = dueWork().schedule(new DueWorkRecord(TENANT, UUID.randomUUID(), KIND, "task-1",
                NOW.plusSeconds(600), "{\"moved\":true}", null, null, 0));

        assertThat(moved.id()).isEqualTo(first.id());
        assertThat(moved.dueAt()).isEqualTo(NOW.plusSeconds(600));
        assertThat(moved.payload()).isEqualTo("{\"moved\":true}");
        assertThat(dueWork().find(TENANT, KIND, "task-1")).contains(moved);
    }

    @Test
    void rescheduling_drops_the_lease_so_the_old_holder_can_no_longer_complete_it() {
        dueWork().schedule(work(TENANT, "task-1", 0));
        DueWorkRecord claimed = dueWork().claimDue("node-a", 10, LEASE, NOW).get(0);

        DueWorkRecord moved = dueWork().schedule(work(TENANT, "task-1", 3600));

        assertThat(moved.claimedBy()).isNull();
        assertThat(moved.leaseUntil()).isNull();
        assertThat(dueWork().complete("node-a", TENANT, claimed.id())).isFalse();
        assertThat(dueWork().find(TENANT, KIND, "task-1")).isPresent();
    }

    @Test
    void schedule_all_adds_new_work_and_reschedules_existing_keys_keeping_id_and_attempts_and_dropping_the_lease() {
        dueWork().schedule(work(TENANT, "task-1", 0));
        DueWorkRecord claimed = dueWork().claimDue("node-a", 10, LEASE, NOW).get(0);
        DueWorkRecord fresh = work(TENANT, "task-2", 60);

        dueWork().scheduleAll(List.of(DueWorkRecord.of(TENANT, UUID.randomUUID(), KIND, "task-1",
                NOW.plusSeconds(600), "{\"moved\":true}"), fresh));

        assertThat(dueWork().find(TENANT, KIND, "task-1")).contains(new DueWorkRecord(TENANT, claimed.id(), KIND,
                "task-1", NOW.plusSeconds(600), "{\"moved\":true}", null, null, 1));
        assertThat(dueWork().find(TENANT, KIND, "task-2")).contains(fresh);
        assertThat(dueWork().complete("node-a", TENANT, claimed.id())).isFalse();
    }

    @Test
    void schedule_all_keeps_the_same_kind_and_key_of_two_tenants_apart() {
        DueWorkRecord others = dueWork().schedule(work("other-tenant", "task-1", 30));
        DueWorkRecord mine = work(TENANT, "task-1", 60);

        dueWork().scheduleAll(List.of(mine, work("other-tenant", "task-1", 120)));

        assertThat(dueWork().find(TENANT, KIND, "task-1")).contains(mine);
        assertThat(dueWork().find("other-tenant", KIND, "task-1")).get().satisfies(w -> {
            assertThat(w.id()).isEqualTo(others.id());
            assertThat(w.dueAt()).isEqualTo(NOW.plusSeconds(120));
        });
    }

    @Test
    void schedule_all_of_more_pieces_than_one_lookup_takes_moves_the_existing_ones_and_adds_the_rest() {
        List<DueWorkRecord> existing = IntStream.range(0, 260).mapToObj(i -> work(TENANT, "old-" + i, -1)).toList();
        dueWork().scheduleAll(existing);
        // New keys first, so the existing ones span the first and the second lookup of 500 keys.
        List<DueWorkRecord> batch = new ArrayList<>(IntStream.range(0, 260)
                .mapToObj(i -> work(TENANT, "new-" + i, 0)).toList());
        existing.forEach(w -> batch.add(DueWorkRecord.of(TENANT, UUID.randomUUID(), KIND, w.key(), NOW, "{}")));

        dueWork().scheduleAll(batch);

        List<DueWorkRecord> expected = new ArrayList<>(batch.subList(0, 260));
        existing.forEach(w -> expected.add(DueWorkRecord.of(TENANT, w.id(), KIND, w.key(), NOW, "{}")));
        assertThat(dueWork().claimDue("node-a", 1000, LEASE, NOW).stream()
                .map(w -> DueWorkRecord.of(w.tenantId(), w.id(), w.kind(), w.key(), w.dueAt(), w.payload())))
                .containsExactlyInAnyOrderElementsOf(expected);
    }

    @Test
    void schedule_all_of_a_list_naming_one_key_twice_or_a_null_schedules_nothing() {
        DueWorkRecord stored = dueWork().schedule(work(TENANT, "task-0", 60));
        List<DueWorkRecord> twice = List.of(work(TENANT, "task-1", 10), work(TENANT, "task-0", 999),
                work(TENANT, "task-1", 20));

        assertThatThrownBy(() -> dueWork().scheduleAll(twice)).isInstanceOfSatisfying(ValidationException.class,
                e -> assertThat(e.field()).isEqualTo("work"));
        assertThatThrownBy(() -> dueWork().scheduleAll(Arrays.asList(work(TENANT, "task-2", 10), null)))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("work[1]"));

        assertThat(dueWork().find(TENANT, KIND, "task-0")).contains(stored);
        assertThat(dueWork().find(TENANT, KIND, "task-1")).isEmpty();
        assertThat(dueWork().find(TENANT, KIND, "task-2")).isEmpty();
        dueWork().scheduleAll(List.of());
        assertThat(dueWork().claimDue("node-a", 10, LEASE, NOW.plusSeconds(3600))).containsExactly(
                new DueWorkRecord(TENANT, stored.id(), KIND, "task-0", stored.dueAt(), stored.payload(), "node-a",
                        NOW.plusSeconds(3600).plus(LEASE), 1));
    }

    @Test
    void schedule_all_joins_the_current_unit_and_is_undone_with_it() {
        DueWorkRecord stored = dueWork().schedule(work(TENANT, "task-0", 60));

        assertThatThrownBy(() -> storage().transactions().run(() -> {
            dueWork().scheduleAll(List.of(work(TENANT, "task-0", 999), work(TENANT, "task-1", 10)));
            throw new IllegalStateException("the host gives up");
        })).isInstanceOf(IllegalStateException.class);

        assertThat(dueWork().find(TENANT, KIND, "task-0")).contains(stored);
        assertThat(dueWork().find(TENANT, KIND, "task-1")).isEmpty();
    }

    @Test
    void cancel_removes_the_work_and_says_whether_there_was_some() {
        dueWork().schedule(work(TENANT, "task-1", 60));

        assertThat(dueWork().cancel(TENANT, KIND, "task-1")).isTrue();
        assertThat(dueWork().cancel(TENANT, KIND, "task-1")).isFalse();
        assertThat(dueWork().find(TENANT, KIND, "task-1")).isEmpty();
    }

    @Test
    void claim_due_takes_only_due_work_earliest_first_and_leases_it() {
        dueWork().schedule(work(TENANT, "later", 30));
        dueWork().schedule(work(TENANT, "earliest", -60));
        dueWork().schedule(work(TENANT, "exactly-now", 0));
        dueWork().schedule(work(TENANT, "future", 3600));

        List<DueWorkRecord> claimed = dueWork().claimDue("node-a", 10, LEASE, NOW.plusSeconds(30));

        assertThat(claimed).extracting(DueWorkRecord::key).containsExactly("earliest", "exactly-now", "later");
        assertThat(claimed).allSatisfy(w -> {
            assertThat(w.claimedBy()).isEqualTo("node-a");
            assertThat(w.leaseUntil()).isEqualTo(NOW.plusSeconds(30).plus(LEASE));
            assertThat(w.attempts()).isEqualTo(1);
        });
    }

    @Test
    void claim_due_honours_the_limit() {
        for (int i = 0; i < 5; i++) {
            dueWork().schedule(work(TENANT, "task-" + i, -i));
        }

        assertThat(dueWork().claimDue("node-a", 2, LEASE, NOW)).hasSize(2);
        assertThat(dueWork().claimDue("node-b", 10, LEASE, NOW)).hasSize(3);
    }

    @Test
    void leased_work_is_not_claimed_again_until_the_lease_expires() {
        dueWork().schedule(work(TENANT, "task-1", 0));
        dueWork().claimDue("node-a", 10, LEASE, NOW);

        assertThat(dueWork().claimDue("node-b", 10, LEASE, NOW.plus(LEASE).minusSeconds(1))).isEmpty();
        List<DueWorkRecord> retaken = dueWork().claimDue("node-b", 10, LEASE, NOW.plus(LEASE));

        assertThat(retaken).singleElement().satisfies(w -> {
            assertThat(w.claimedBy()).isEqualTo("node-b");
            assertThat(w.attempts()).isEqualTo(2);
        });
        assertThat(dueWork().complete("node-a", TENANT, retaken.get(0).id())).isFalse();
    }

    @Test
    void complete_removes_work_only_for_its_holder() {
        dueWork().schedule(work(TENANT, "task-1", 0));
        DueWorkRecord claimed = dueWork().claimDue("node-a", 10, LEASE, NOW).get(0);

        assertThat(dueWork().complete("node-b", TENANT, claimed.id())).isFalse();
        assertThat(dueWork().find(TENANT, KIND, "task-1")).isPresent();
        assertThat(dueWork().complete("node-a", TENANT, claimed.id())).isTrue();
        assertThat(dueWork().find(TENANT, KIND, "task-1")).isEmpty();
    }

    @Test
    void retry_later_gives_the_work_back_due_at_the_retry_time_only_for_its_holder() {
        dueWork().schedule(work(TENANT, "task-1", 0));
        DueWorkRecord claimed = dueWork().claimDue("node-a", 10, LEASE, NOW).get(0);

        assertThat(dueWork().retryLater("node-b", TENANT, claimed.id(), NOW.plusSeconds(90))).isFalse();
        assertThat(dueWork().retryLater("node-a", TENANT, claimed.id(), NOW.plusSeconds(90))).isTrue();

        assertThat(dueWork().claimDue("node-b", 10, LEASE, NOW.plusSeconds(89))).isEmpty();
        assertThat(dueWork().claimDue("node-b", 10, LEASE, NOW.plusSeconds(90))).singleElement()
                .satisfies(w -> assertThat(w.attempts()).isEqualTo(2));
    }

    @Test
    void work_is_scoped_by_tenant() {
        dueWork().schedule(work(TENANT, "task-1", 60));
        dueWork().schedule(work("other-tenant", "task-1", 120));

        assertThat(dueWork().cancel("other-tenant", KIND, "task-1")).isTrue();

        assertThat(dueWork().find(TENANT, KIND, "task-1")).get()
                .satisfies(w -> assertThat(w.dueAt()).isEqualTo(NOW.plusSeconds(60)));
        assertThat(dueWork().find("other-tenant", KIND, "task-1")).isEmpty();
    }

    @Test
    void a_claimer_of_one_tenant_cannot_complete_work_by_naming_another_tenant() {
        dueWork().schedule(work(TENANT, "task-1", 0));
        DueWorkRecord claimed = dueWork().claimDue("node-a", 10, LEASE, NOW).get(0);

        assertThat(dueWork().complete("node-a", "other-tenant", claimed.id())).isFalse();
        assertThat(dueWork().find(TENANT, KIND, "task-1")).isPresent();
    }

    @Test
    void claim_due_rejects_a_limit_outside_one_to_a_thousand_and_a_lease_that_is_not_positive() {
        assertThatThrownBy(() -> dueWork().claimDue("node-a", 0, LEASE, NOW)).isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> dueWork().claimDue("node-a", 1, Duration.ofSeconds(-1), NOW))
                .isInstanceOf(ValidationException.class);
    }

    @Test
    void two_claimers_claiming_at_once_never_hold_the_same_work() throws Exception {
        for (int i = 0; i < 90; i++) {
            dueWork().schedule(work(i % 2 == 0 ? TENANT : "other-tenant", "task-" + i, -i));
        }
        Set<UUID> seen = ConcurrentHashMap.newKeySet();
        AtomicInteger doubleClaims = new AtomicInteger();
        AtomicInteger completed = new AtomicInteger();
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<?>> runs = new ArrayList<>();
            for (String claimer : List.of("node-a", "node-b")) {
                runs.add(pool.submit(() -> {
                    start.await();
                    List<DueWorkRecord> batch;
                    do {
                        batch = dueWork().claimDue(claimer, 4, LEASE, NOW);
                        for (DueWorkRecord w : batch) {
                            if (!seen.add(w.id())) {
                                doubleClaims.incrementAndGet();
                            }
                            if (dueWork().complete(claimer, w.tenantId(), w.id())) {
                                completed.incrementAndGet();
                            }
                        }
                    } while (!batch.isEmpty());
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

        assertThat(doubleClaims).hasValue(0);
        assertThat(completed).hasValue(90);
        assertThat(dueWork().claimDue("node-a", 10, LEASE, NOW.plus(Duration.ofDays(1)))).isEmpty();
    }
}
