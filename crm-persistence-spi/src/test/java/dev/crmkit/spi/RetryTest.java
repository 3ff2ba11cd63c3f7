package dev.crmkit.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.crmkit.model.CommitOutcomeUnknownException;
import dev.crmkit.model.ConflictException;
import dev.crmkit.model.DuplicateException;
import dev.crmkit.model.IllegalTransitionException;
import dev.crmkit.model.NotFoundException;
import dev.crmkit.model.NotPermittedException;
import dev.crmkit.model.StorageFailureException;
import dev.crmkit.model.ValidationException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** {@link Retry} and the retryability of CRMKit's errors; the pauses are noted by a fake sleeper, not slept. */
class RetryTest {
    private final List<Duration> pauses = new ArrayList<>();
    private final Retry retry = Retry.standard().sleeper(pauses::add);

    @AfterEach
    void clearInterrupt() {
        Thread.interrupted();
    }

    /** A call that throws the given failures in turn, then returns "done". */
    private static final class Flaky implements Supplier<String> {
        private final Deque<RuntimeException> failures;
        int calls;

        Flaky(RuntimeException... failures) {
            this.failures = new ArrayDeque<>(List.of(failures));
        }

        @Override
        public String get() {
            calls++;
            if (!failures.isEmpty()) {
                throw failures.removeFirst();
            }
            return "done";
        }
    }

    @Test
    void a_call_that_lost_races_is_made_again_until_it_succeeds() {
        Flaky call = new Flaky(ConflictException.staleVersion("customer", "c-1", 3),
                new ConflictException("customer changed concurrently (SQLState 40P01)", true));

        assertThat(retry.unit(call)).isEqualTo("done");

        assertThat(call.calls).isEqualTo(3);
        assertThat(pauses).hasSize(2);
    }

    @Test
    void a_connection_lost_before_commit_is_retried_too() {
        Flaky call = new Flaky(new StorageFailureException("storage failed: the connection was lost", null, true));

        assertThat(retry.unit(call)).isEqualTo("done");
        assertThat(call.calls).isEqualTo(2);
    }

    @Test
    void a_failure_that_would_recur_is_thrown_at_once() {
        for (RuntimeException recurring : List.of(new ConflictException("the idempotency key was used before"),
                new ValidationException("name", "must not be blank"), new NotFoundException("customer", "c-1"),
                new DuplicateException("customer", "externalRef"),
                new StorageFailureException("a table of the schema is missing", null),
                new IllegalStateException("a bug"))) {
            Flaky call = new Flaky(recurring);

            assertThatThrownBy(() -> retry.unit(call)).isSameAs(recurring);
            assertThat(call.calls).isEqualTo(1);
        }
        assertThat(pauses).isEmpty();
    }

    @Test
    void an_unknown_commit_outcome_is_retried_only_for_an_idempotent_call() {
        CommitOutcomeUnknownException unknown = new CommitOutcomeUnknownException("lost while committing", null);

        Flaky anyCall = new Flaky(unknown);
        assertThatThrownBy(() -> retry.unit(anyCall)).isSameAs(unknown);
        assertThat(anyCall.calls).isEqualTo(1);

        Flaky keyedCall = new Flaky(new CommitOutcomeUnknownException("lost while committing", null));
        assertThat(retry.idempotentUnit(keyedCall)).isEqualTo("done");
        assertThat(keyedCall.calls).isEqualTo(2);
    }

    @Test
    void after_the_last_attempt_the_last_failure_is_thrown_with_the_earlier_ones_attached() {
        ConflictException first = ConflictException.staleVersion("deal", "d-1", 1);
        ConflictException second = ConflictException.staleVersion("deal", "d-1", 2);
        ConflictException third = ConflictException.staleVersion("deal", "d-1", 3);
        Flaky call = new Flaky(first, second, third, ConflictException.staleVersion("deal", "d-1", 4));

        assertThatThrownBy(() -> retry.attempts(3).unit(call)).isSameAs(third);

        assertThat(call.calls).isEqualTo(3);
        assertThat(third.getSuppressed()).containsExactly(second);
        assertThat(second.getSuppressed()).containsExactly(first);
    }

    @Test
    void pauses_are_random_below_a_bound_that_doubles_up_to_the_longest() {
        Flaky call = new Flaky(conflicts(9));

        retry.attempts(10).pauses(Duration.ofMillis(10), Duration.ofMillis(50)).unit(call);

        assertThat(pauses).hasSize(9);
        long[] bounds = {10, 20, 40, 50, 50, 50, 50, 50, 50};
        for (int i = 0; i < bounds.length; i++) {
            assertThat(pauses.get(i)).isBetween(Duration.ZERO, Duration.ofMillis(bounds[i]));
        }
    }

    @Test
    void an_interrupted_pause_ends_the_retries_and_keeps_the_interrupt() {
        ConflictException conflict = ConflictException.staleVersion("lead", "l-1", 1);
        Flaky call = new Flaky(conflict);
        Retry interrupted = Retry.standard().sleeper(pause -> {
            throw new InterruptedException();
        });

        assertThatThrownBy(() -> interrupted.unit(call)).isSameAs(conflict);

        assertThat(call.calls).isEqualTo(1);
        assertThat(Thread.currentThread().isInterrupted()).isTrue();
    }

    @Test
    void settings_out_of_range_are_refused_naming_the_field() {
        assertThatThrownBy(() -> Retry.standard().attempts(0)).isInstanceOf(ValidationException.class)
                .hasMessageStartingWith("attempts");
        assertThatThrownBy(() -> Retry.standard().pauses(Duration.ofMillis(-1), Duration.ofSeconds(1)))
                .isInstanceOf(ValidationException.class).hasMessageStartingWith("first");
        assertThatThrownBy(() -> Retry.standard().pauses(Duration.ofSeconds(2), Duration.ofSeconds(1)))
                .isInstanceOf(ValidationException.class).hasMessageStartingWith("longest");
        assertThatThrownBy(() -> Retry.standard().unit(null)).isInstanceOf(ValidationException.class);
    }

    @Test
    void each_error_says_whether_the_same_call_may_succeed_again() {
        assertThat(ConflictException.staleVersion("customer", "c-1", 1).retryable()).isTrue();
        assertThat(new ConflictException("changed concurrently", true).retryable()).isTrue();
        assertThat(new ConflictException("the idempotency key was used before").retryable()).isFalse();
        assertThat(new StorageFailureException("connection lost", null, true).retryable()).isTrue();
        assertThat(new StorageFailureException("disk full", null).retryable()).isFalse();
        assertThat(new CommitOutcomeUnknownException("lost while committing", null).retryable()).isFalse();
        assertThat(new CommitOutcomeUnknownException("lost while committing", null))
                .isInstanceOf(StorageFailureException.class);
        assertThat(new ValidationException("name", "blank").retryable()).isFalse();
        assertThat(new NotFoundException("customer", "c-1").retryable()).isFalse();
        assertThat(new DuplicateException("customer", "id").retryable()).isFalse();
        assertThat(new IllegalTransitionException("lead", "NEW", "WON").retryable()).isFalse();
        assertThat(new NotPermittedException("no consent").retryable()).isFalse();
    }

    private static RuntimeException[] conflicts(int n) {
        RuntimeException[] failures = new RuntimeException[n];
        for (int i = 0; i < n; i++) {
            failures[i] = ConflictException.staleVersion("lead", "l-1", i);
        }
        return failures;
    }
}
