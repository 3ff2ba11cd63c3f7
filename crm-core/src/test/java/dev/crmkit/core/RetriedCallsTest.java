package dev.crmkit.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.crmkit.core.touchpoint.Interaction;
import dev.crmkit.core.touchpoint.RecordInteraction;
import dev.crmkit.core.touchpoint.TouchPointFixtures;
import dev.crmkit.inmemory.InMemoryStorage;
import dev.crmkit.model.CommitOutcomeUnknownException;
import dev.crmkit.spi.Retry;
import dev.crmkit.spi.Storage;
import dev.crmkit.spi.StorageCapability;
import dev.crmkit.spi.TransactionRunner;
import dev.crmkit.spi.idempotency.IdempotencyStore;
import dev.crmkit.spi.outbox.OutboxStore;
import dev.crmkit.spi.scheduling.DueWorkStore;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * A service call whose commit's outcome is unknown, retried: with an idempotency key the retry returns the first
 * result and nothing is done twice, which is why {@link Retry#idempotentUnit} is for keyed calls; without one the
 * retry does the work again. The storage is the in-memory one, whose commits are real; only the answer of the first
 * commit is lost on its way back, as when a connection breaks while committing.
 */
class RetriedCallsTest {
    private final CommitAnswers commits = new CommitAnswers(new InMemoryStorage());
    private final TouchPointFixtures fixtures = new TouchPointFixtures(commits);
    private final UUID customer = fixtures.person("Ada Lovelace").id();

    private RecordInteraction serviceCall(String idempotencyKey) {
        RecordInteraction call = fixtures.serviceCall(customer);
        return new RecordInteraction(call.customerId(), call.channel(), call.direction(), call.purpose(),
                call.outcome(), call.agentId(), call.summary(), call.occurredAt(), idempotencyKey);
    }

    private long recorded() {
        return fixtures.publishedTypes().stream().filter("interaction.recorded"::equals).count();
    }

    @Test
    void a_keyed_call_retried_after_an_unknown_commit_outcome_is_done_once() {
        // given: the answer of the next commit is lost
        commits.lose(1);

        // when
        Interaction interaction = Retry.standard().idempotentUnit(() -> fixtures.touchPoints()
                .record(serviceCall("call-2026-03-02-ada")));

        // then: the second attempt found the first one's recording by its key and returned it
        assertThat(commits.attempts.get()).isEqualTo(2);
        assertThat(recorded()).isEqualTo(1);
        assertThat(fixtures.touchPoints().record(serviceCall("call-2026-03-02-ada")).id()).isEqualTo(interaction.id());
        assertThat(recorded()).isEqualTo(1);
    }

    @Test
    void a_call_without_a_key_retried_the_same_way_is_done_twice() {
        commits.lose(1);

        Retry.standard().idempotentUnit(() -> fixtures.touchPoints().record(serviceCall(null)));

        assertThat(recorded()).isEqualTo(2);
    }

    @Test
    void a_plain_retry_leaves_an_unknown_outcome_to_the_caller() {
        commits.lose(1);

        assertThatThrownBy(() -> Retry.standard().unit(() -> fixtures.touchPoints().record(serviceCall(null))))
                .isInstanceOf(CommitOutcomeUnknownException.class);

        assertThat(commits.attempts.get()).isEqualTo(1);
        assertThat(recorded()).isEqualTo(1);
    }

    /** A storage whose outermost commits succeed but whose answer is lost the given number of times. */
    private static final class CommitAnswers implements Storage {
        private final Storage storage;
        private final AtomicInteger toLose = new AtomicInteger();
        final AtomicInteger attempts = new AtomicInteger();
        private final ThreadLocal<Boolean> inUnit = ThreadLocal.withInitial(() -> false);
        private final TransactionRunner runner = new TransactionRunner() {
            @Override
            public <T> T inTransaction(Supplier<T> work) {
                if (inUnit.get()) {
                    return storage.transactions().inTransaction(work);
                }
                inUnit.set(true);
                try {
                    attempts.incrementAndGet();
                    T result = storage.transactions().inTransaction(work);
                    if (toLose.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                        throw new CommitOutcomeUnknownException("the connection was lost while committing", null);
                    }
                    return result;
                } finally {
                    inUnit.set(false);
                }
            }
        };

        CommitAnswers(Storage storage) {
            this.storage = storage;
        }

        void lose(int commits) {
            toLose.set(commits);
            attempts.set(0);
        }

        @Override
        public TransactionRunner transactions() {
            return runner;
        }

        @Override
        public OutboxStore outbox() {
            return storage.outbox();
        }

        @Override
        public DueWorkStore dueWork() {
            return storage.dueWork();
        }

        @Override
        public IdempotencyStore idempotency() {
            return storage.idempotency();
        }

        @Override
        public <C extends StorageCapability> Optional<C> capability(Class<C> type) {
            return storage.capability(type);
        }
    }
}
