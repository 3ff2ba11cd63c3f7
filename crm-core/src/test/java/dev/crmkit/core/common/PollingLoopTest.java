package dev.crmkit.core.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The loop's pacing, driven by hand: a fake pacer notes the delay before each next run and runs it only when the
 * test says so, so no test here depends on how long anything takes.
 */
class PollingLoopTest {
    private static final Duration INTERVAL = Duration.ofHours(1);

    /** Runs the loop's runs when told to and notes the delay each was scheduled with. */
    private static final class HandPacer implements PollingLoop.Pacer {
        final List<Duration> delays = new ArrayList<>();
        final Deque<Runnable> due = new ArrayDeque<>();
        boolean running;

        @Override
        public void start(Runnable first) {
            running = true;
            due.add(first);
        }

        @Override
        public void after(Duration delay, Runnable next) {
            if (running) {
                delays.add(delay);
                due.add(next);
            }
        }

        @Override
        public boolean stop(Duration timeout) {
            running = false;
            due.clear();
            return true;
        }

        @Override
        public boolean isRunning() {
            return running;
        }

        void runNext() {
            due.removeFirst().run();
        }
    }

    /** A step that reports the given answers in turn: true for a full batch. */
    private static PollingLoop loop(HandPacer pacer, AtomicInteger runs, Boolean... answers) {
        return new PollingLoop("test-loop", () -> answers[runs.getAndIncrement()], INTERVAL, pacer);
    }

    @Test
    void full_batches_are_followed_at_once_and_the_loop_pauses_for_its_interval_after_one_that_was_not_full() {
        // given
        HandPacer pacer = new HandPacer();
        AtomicInteger runs = new AtomicInteger();
        PollingLoop loop = loop(pacer, runs, true, true, true, false, true);

        // when: the loop starts and four runs happen
        loop.start();
        for (int i = 0; i < 4; i++) {
            pacer.runNext();
        }

        // then: three full batches were each followed at once, the fourth (not full) by a pause
        assertThat(runs).hasValue(4);
        assertThat(pacer.delays).containsExactly(Duration.ZERO, Duration.ZERO, Duration.ZERO, INTERVAL);
    }

    @Test
    void a_failing_run_is_followed_by_a_pause_and_the_loop_goes_on() {
        // given
        HandPacer pacer = new HandPacer();
        AtomicInteger runs = new AtomicInteger();
        PollingLoop loop = new PollingLoop("test-loop", () -> {
            if (runs.getAndIncrement() == 0) {
                throw new IllegalStateException("the database is away");
            }
            return true;
        }, INTERVAL, pacer);

        // when
        loop.start();
        pacer.runNext();
        pacer.runNext();

        // then
        assertThat(runs).hasValue(2);
        assertThat(pacer.delays).containsExactly(INTERVAL, Duration.ZERO);
    }

    @Test
    void an_error_ends_the_loop() {
        HandPacer pacer = new HandPacer();
        PollingLoop loop = new PollingLoop("test-loop", () -> {
            throw new OutOfMemoryError("simulated");
        }, INTERVAL, pacer);

        loop.start();

        assertThatThrownBy(pacer::runNext).isInstanceOf(OutOfMemoryError.class);
        assertThat(pacer.delays).isEmpty();
    }

    @Test
    void on_its_own_thread_a_full_batch_is_followed_by_the_next_run_without_waiting_the_hour() throws Exception {
        // given: a step that reports four full batches, then none; the interval is an hour
        CountDownLatch fiveRuns = new CountDownLatch(5);
        AtomicInteger runs = new AtomicInteger();
        PollingLoop loop = new PollingLoop("test-loop", () -> {
            fiveRuns.countDown();
            return runs.incrementAndGet() < 5;
        }, INTERVAL);

        // when
        loop.start();
        try {
            // then: all five runs happen long before the hour is up (the wait is a bound, not a measurement)
            assertThat(fiveRuns.await(30, TimeUnit.SECONDS)).isTrue();
            assertThat(loop.isRunning()).isTrue();
        } finally {
            assertThat(loop.stop(Duration.ofSeconds(10))).isTrue();
        }
        assertThat(loop.isRunning()).isFalse();
        assertThat(runs).hasValue(5);
    }

    @Test
    void a_loop_with_a_pause_that_is_not_positive_is_refused() {
        assertThatThrownBy(() -> new PollingLoop("test-loop", () -> false, Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
