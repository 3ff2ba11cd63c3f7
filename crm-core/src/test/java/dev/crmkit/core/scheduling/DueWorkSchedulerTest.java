package dev.crmkit.core.scheduling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;

import dev.crmkit.core.touchpoint.FollowUpDue;
import dev.crmkit.core.touchpoint.Garbage;
import dev.crmkit.core.touchpoint.TouchPointFixtures;
import dev.crmkit.model.ValidationException;
import dev.crmkit.spi.scheduling.DueWorkRecord;
import java.time.Duration;
import java.time.Instant;
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

class DueWorkSchedulerTest {
    private static final String REMINDER = "test.reminder";
    private static final DueWorkScheduler.Settings SETTINGS = new DueWorkScheduler.Settings(10,
            Duration.ofMinutes(5), Duration.ofSeconds(30), Duration.ofMinutes(2), Duration.ofMillis(10));

    private final TouchPointFixtures fixtures = new TouchPointFixtures();

    private DueWorkRecord remind(String key, Instant dueAt) {
        return fixtures.storage.dueWork().schedule(DueWorkRecord.of(TouchPointFixtures.TENANT,
                fixtures.context.ids().next(), REMINDER, key, dueAt, "{\"note\":1}"));
    }

    private DueWorkScheduler scheduler(String node) {
        return DueWorkScheduler.create(fixtures.storage, fixtures.clock, node, SETTINGS);
    }

    private FollowUpDue someEvent() {
        return new FollowUpDue(TouchPointFixtures.TENANT, UUID.randomUUID(), UUID.randomUUID(), null,
                fixtures.clock.instant(), fixtures.clock.instant());
    }

    @Test
    void handler_receives_due_work_and_the_work_is_completed() {
        // given
        remind("r-1", TouchPointFixtures.START);
        List<DueWork> handled = new ArrayList<>();
        DueWorkScheduler scheduler = scheduler("node-1");
        scheduler.register(REMINDER, handled::add);

        // when
        DueWorkScheduler.Run run = scheduler.runDueWork();

        // then
        assertThat(run).isEqualTo(new DueWorkScheduler.Run(1, 1, 0));
        assertThat(handled).singleElement().satisfies(work -> {
            assertThat(work.key()).isEqualTo("r-1");
            assertThat(work.payload()).isEqualTo("{\"note\":1}");
            assertThat(work.attempt()).isEqualTo(1);
        });
        assertThat(fixtures.storage.dueWork().find(TouchPointFixtures.TENANT, REMINDER, "r-1")).isEmpty();
    }

    @Test
    void the_background_loop_goes_on_at_once_while_batches_come_back_full() {
        // given: 25 pieces due and batches of 10
        for (int i = 0; i < 25; i++) {
            remind("r-" + i, TouchPointFixtures.START);
        }
        LeasingDueWorkScheduler scheduler = (LeasingDueWorkScheduler) scheduler("node-1");
        scheduler.register(REMINDER, work -> { });

        // when / then: full, full, then 5
        assertThat(scheduler.runAndSayIfMoreIsDue()).isTrue();
        assertThat(scheduler.runAndSayIfMoreIsDue()).isTrue();
        assertThat(scheduler.runAndSayIfMoreIsDue()).isFalse();
    }

    @Test
    void failed_work_is_retried_after_a_doubling_backoff_and_its_writes_roll_back() {
        // given a handler that records an event, then fails twice
        remind("r-1", TouchPointFixtures.START);
        AtomicInteger calls = new AtomicInteger();
        DueWorkScheduler scheduler = scheduler("node-1");
        scheduler.register(REMINDER, work -> {
            fixtures.context.events().record(someEvent());
            if (calls.incrementAndGet() <= 2) {
                throw new IllegalStateException("channel down");
            }
        });

        // when / then: first failure waits 30 s
        assertThat(scheduler.runDueWork()).isEqualTo(new DueWorkScheduler.Run(1, 0, 1));
        assertThat(fixtures.storage.outbox().countUndelivered()).isZero();
        fixtures.clock.advance(Duration.ofSeconds(29));
        assertThat(scheduler.runDueWork().claimed()).isZero();
        fixtures.clock.advance(Duration.ofSeconds(1));
        assertThat(scheduler.runDueWork().retried()).isEqualTo(1);

        // second failure waits 60 s
        fixtures.clock.advance(Duration.ofSeconds(59));
        assertThat(scheduler.runDueWork().claimed()).isZero();
        fixtures.clock.advance(Duration.ofSeconds(1));
        assertThat(scheduler.runDueWork()).isEqualTo(new DueWorkScheduler.Run(1, 1, 0));
        assertThat(calls).hasValue(3);
        assertThat(fixtures.storage.outbox().countUndelivered()).isEqualTo(1);
    }

    @Test
    void backoff_is_capped_at_the_maximum() {
        LeasingDueWorkScheduler scheduler = (LeasingDueWorkScheduler) scheduler("node-1");
        assertThat(scheduler.backoff(1)).isEqualTo(Duration.ofSeconds(30));
        assertThat(scheduler.backoff(2)).isEqualTo(Duration.ofSeconds(60));
        assertThat(scheduler.backoff(3)).isEqualTo(Duration.ofMinutes(2));
        assertThat(scheduler.backoff(1000)).isEqualTo(Duration.ofMinutes(2));
    }

    @Test
    void work_of_a_kind_without_handler_is_retried_later() {
        remind("r-1", TouchPointFixtures.START);
        assertThat(scheduler("node-1").runDueWork()).isEqualTo(new DueWorkScheduler.Run(1, 0, 1));
        assertThat(fixtures.storage.dueWork().find(TouchPointFixtures.TENANT, REMINDER, "r-1")).isPresent();
    }

    @Test
    void handler_writes_roll_back_when_the_work_was_rescheduled_while_it_ran() {
        // given a handler during whose run the work is moved (which drops the lease)
        remind("r-1", TouchPointFixtures.START);
        DueWorkScheduler scheduler = scheduler("node-1");
        scheduler.register(REMINDER, work -> {
            fixtures.context.events().record(someEvent());
            remind("r-1", TouchPointFixtures.START.plus(Duration.ofDays(1)));
        });

        // when
        DueWorkScheduler.Run run = scheduler.runDueWork();

        // then: neither completed nor retried, and the event is gone with the rolled-back unit
        assertThat(run).isEqualTo(new DueWorkScheduler.Run(1, 0, 0));
        assertThat(fixtures.storage.outbox().countUndelivered()).isZero();
    }

    @Test
    void work_held_by_a_node_that_died_is_taken_over_after_the_lease_expires() {
        // given node-1 claimed the work and died before completing it
        remind("r-1", TouchPointFixtures.START);
        fixtures.storage.dueWork().claimDue("node-1", 10, SETTINGS.lease(), fixtures.clock.instant());
        DueWorkScheduler survivor = scheduler("node-2");
        List<DueWork> handled = new ArrayList<>();
        survivor.register(REMINDER, handled::add);

        // when / then
        assertThat(survivor.runDueWork().claimed()).isZero();
        fixtures.clock.advance(SETTINGS.lease());
        assertThat(survivor.runDueWork().completed()).isEqualTo(1);
        assertThat(handled).singleElement().extracting(DueWork::attempt).isEqualTo(2);
    }

    @Test
    void two_nodes_share_the_work_without_doing_any_piece_twice() throws Exception {
        // given
        for (int i = 0; i < 300; i++) {
            remind("r-" + i, TouchPointFixtures.START.minusSeconds(i));
        }
        Set<String> done = ConcurrentHashMap.newKeySet();
        AtomicInteger duplicates = new AtomicInteger();
        List<DueWorkScheduler> nodes = List.of(scheduler("node-1"), scheduler("node-2"));
        for (DueWorkScheduler node : nodes) {
            node.register(REMINDER, work -> {
                if (!done.add(work.key())) {
                    duplicates.incrementAndGet();
                }
            });
        }

        // when
        ExecutorService threads = Executors.newFixedThreadPool(2);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Integer>> completed = new ArrayList<>();
        for (DueWorkScheduler node : nodes) {
            completed.add(threads.submit(() -> {
                start.await();
                int sum = 0;
                DueWorkScheduler.Run run;
                do {
                    run = node.runDueWork();
                    sum += run.completed();
                } while (run.claimed() > 0);
                return sum;
            }));
        }
        start.countDown();
        int total = completed.get(0).get(30, TimeUnit.SECONDS) + completed.get(1).get(30, TimeUnit.SECONDS);
        threads.shutdown();

        // then
        assertThat(total).isEqualTo(300);
        assertThat(done).hasSize(300);
        assertThat(duplicates).hasValue(0);
    }

    @Test
    void background_thread_runs_due_work_until_stopped() throws Exception {
        // given
        CountDownLatch handled = new CountDownLatch(1);
        DueWorkScheduler scheduler = scheduler("node-1");
        scheduler.register(REMINDER, work -> handled.countDown());
        remind("r-1", TouchPointFixtures.START);

        // when
        scheduler.start();
        scheduler.start();
        boolean ran = handled.await(10, TimeUnit.SECONDS);
        scheduler.stop();

        // then
        assertThat(ran).isTrue();
        remind("r-2", TouchPointFixtures.START);
        Thread.sleep(100);
        assertThat(fixtures.storage.dueWork().find(TouchPointFixtures.TENANT, REMINDER, "r-2")).isPresent();
    }

    @Test
    void creating_a_scheduler_or_registering_from_garbage_throws_only_crm_exceptions() {
        qt().withExamples(300).forAll(Garbage.PICKS).checkAssert(picks -> {
            Garbage g = Garbage.of(picks, List.of());
            Garbage.assertSafe(() -> 0, () -> DueWorkScheduler.create(fixtures.storage, fixtures.clock, g.text(0),
                    new DueWorkScheduler.Settings(g.number(1), Duration.ofSeconds(g.number(2)),
                            Duration.ofSeconds(g.number(3)), Duration.ofSeconds(g.number(4)),
                            Duration.ofMillis(g.number(5)))));
            Garbage.assertSafe(() -> 0, () -> scheduler("node-1").register(g.text(0), work -> { }));
        });
    }

    @Test
    void malformed_settings_and_registrations_are_rejected() {
        assertThatThrownBy(() -> new DueWorkScheduler.Settings(0, Duration.ofMinutes(1), Duration.ofSeconds(1),
                Duration.ofSeconds(1), Duration.ofSeconds(1))).isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> new DueWorkScheduler.Settings(10, Duration.ZERO, Duration.ofSeconds(1),
                Duration.ofSeconds(1), Duration.ofSeconds(1))).isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> new DueWorkScheduler.Settings(10, Duration.ofMinutes(1), Duration.ofSeconds(2),
                Duration.ofSeconds(1), Duration.ofSeconds(1))).isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> DueWorkScheduler.create(fixtures.storage, fixtures.clock, " ", SETTINGS))
                .isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> scheduler("node-1").register(REMINDER, null))
                .isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> scheduler("node-1").register("", work -> { }))
                .isInstanceOf(ValidationException.class);
    }
}
