package dev.crmkit.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.crmkit.model.DuplicateException;
import dev.crmkit.model.touchpoint.TaskStatus;
import dev.crmkit.spi.TransactionRunner;
import dev.crmkit.spi.customer.CustomerRecord;
import dev.crmkit.spi.customer.CustomerStorage;
import dev.crmkit.spi.idempotency.IdempotencyKey;
import dev.crmkit.spi.idempotency.IdempotencyStore;
import dev.crmkit.spi.outbox.OutboxEvent;
import dev.crmkit.spi.scheduling.DueWorkRecord;
import dev.crmkit.spi.touchpoint.TaskRecord;
import dev.crmkit.spi.touchpoint.TouchPointStorage;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * The contract of {@link TransactionRunner}: all or nothing, joining, propagation, visibility. It writes through the
 * stores of the required core (idempotency keys, outbox, due work), so an adapter of any capabilities is checked; the
 * all-or-nothing test also writes to the customer and touch-point stores when the adapter offers them.
 */
public abstract class TransactionContract extends ContractSupport {
    private static final String TENANT = "unit-tenant";
    private static final String SCOPE = "unit.test";

    private TransactionRunner units() {
        return storage().transactions();
    }

    private IdempotencyStore keys() {
        return storage().idempotency();
    }

    private static IdempotencyKey key() {
        return new IdempotencyKey(TENANT, SCOPE, "key-" + UUID.randomUUID(), UUID.randomUUID(), NOW);
    }

    private Optional<IdempotencyKey> stored(IdempotencyKey key) {
        return keys().findAll(TENANT, SCOPE, List.of(key.key())).stream().findFirst();
    }

    private static TaskRecord task(UUID customerId) {
        return new TaskRecord(TENANT, UUID.randomUUID(), 1, NOW, NOW, customerId, null, "Call back", "agent-1",
                NOW.plusSeconds(3600), TaskStatus.OPEN, null);
    }

    @Test
    void work_that_throws_leaves_no_write_behind_in_any_store() {
        CustomerRecord customer = CustomerFixtures.bareProspect(TENANT).build();
        TaskRecord task = task(customer.id());
        IdempotencyKey key = key();
        Optional<CustomerStorage> customers = storage().capability(CustomerStorage.class);
        Optional<TouchPointStorage> touchPoints = storage().capability(TouchPointStorage.class);
        RuntimeException failure = new IllegalStateException("the change failed half way");

        assertThatThrownBy(() -> units().run(() -> {
            keys().recordAll(List.of(key));
            storage().outbox().append(List.of(OutboxEvent.of(TENANT, UUID.randomUUID(), "customer",
                    customer.id().toString(), "customer.registered", "{}", NOW)));
            storage().dueWork().schedule(DueWorkRecord.of(TENANT, UUID.randomUUID(), "task.due", task.id().toString(),
                    task.dueAt(), null));
            customers.ifPresent(c -> {
                c.customers().insert(customer);
                c.contactPoints().insert(CustomerFixtures.email(TENANT, customer.id(), "unit@example.com"));
            });
            touchPoints.ifPresent(t -> t.tasks().insert(task));
            throw failure;
        })).isSameAs(failure);

        assertThat(stored(key)).isEmpty();
        assertThat(storage().outbox().countUndelivered()).isZero();
        assertThat(storage().dueWork().find(TENANT, "task.due", task.id().toString())).isEmpty();
        customers.ifPresent(c -> {
            assertThat(c.customers().get(TENANT, customer.id())).isEmpty();
            assertThat(c.contactPoints().forCustomer(TENANT, customer.id())).isEmpty();
        });
        touchPoints.ifPresent(t -> assertThat(t.tasks().get(TENANT, task.id())).isEmpty());
    }

    @Test
    void the_exception_of_the_work_propagates_unchanged() {
        RuntimeException failure = new UnsupportedOperationException("host's own error");

        assertThatThrownBy(() -> units().inTransaction(() -> {
            throw failure;
        })).isSameAs(failure);
    }

    @Test
    void the_result_of_the_work_is_returned_and_its_writes_are_committed() {
        IdempotencyKey key = key();

        String result = units().inTransaction(() -> {
            keys().recordAll(List.of(key));
            return key.key();
        });

        assertThat(result).isEqualTo(key.key());
        assertThat(stored(key)).contains(key);
    }

    @Test
    void a_nested_unit_joins_the_outer_one_and_rolls_back_with_it() {
        IdempotencyKey inner = key();

        assertThatThrownBy(() -> units().run(() -> {
            units().run(() -> keys().recordAll(List.of(inner)));
            throw new IllegalStateException("outer work failed after the inner unit returned");
        })).isInstanceOf(IllegalStateException.class);

        assertThat(stored(inner)).isEmpty();
    }

    @Test
    void a_store_call_that_fails_inside_a_unit_changes_nothing_and_the_unit_goes_on() {
        IdempotencyKey first = key();
        keys().recordAll(List.of(first));
        IdempotencyKey next = key();

        units().run(() -> {
            assertThatThrownBy(() -> keys().recordAll(List.of(first))).isInstanceOf(DuplicateException.class);
            keys().recordAll(List.of(next));
        });

        assertThat(stored(next)).contains(next);
        assertThat(stored(first)).contains(first);
    }

    @Test
    void a_write_outside_any_unit_is_visible_to_another_thread_at_once() throws Exception {
        IdempotencyKey key = key();
        keys().recordAll(List.of(key));

        Optional<IdempotencyKey> seen = CompletableFuture.supplyAsync(() -> stored(key)).get(30, TimeUnit.SECONDS);

        assertThat(seen).contains(key);
    }

    @Test
    void another_thread_never_sees_a_units_uncommitted_write() throws Exception {
        IdempotencyKey key = key();
        AtomicReference<CompletableFuture<Optional<IdempotencyKey>>> reader = new AtomicReference<>();

        units().run(() -> {
            keys().recordAll(List.of(key));
            reader.set(CompletableFuture.supplyAsync(() -> stored(key)));
            try {
                // a backend that serializes units makes the reader wait until commit; one with snapshots answers
                // at once; either way it must not see the insert before the unit commits
                assertThat(reader.get().get(300, TimeUnit.MILLISECONDS)).isEmpty();
            } catch (TimeoutException waitingForCommit) {
                assertThat(reader.get()).isNotDone();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });

        assertThat(reader.get().get(30, TimeUnit.SECONDS)).satisfiesAnyOf(
                seen -> assertThat(seen).isEmpty(),
                seen -> assertThat(seen).contains(key));
        assertThat(stored(key)).contains(key);
    }

    @Test
    void claims_inside_a_unit_commit_at_once_so_other_nodes_see_the_lease() throws Exception {
        storage().outbox().append(List.of(OutboxEvent.of(TENANT, UUID.randomUUID(), "customer", "a", "One", "{}", NOW)));

        units().run(() -> assertThat(storage().outbox().claim("relay-1", 10, Duration.ofMinutes(1), NOW)).hasSize(1));

        assertThat(CompletableFuture.supplyAsync(() -> storage().outbox().claim("relay-2", 10, Duration.ofMinutes(1), NOW))
                .get(30, TimeUnit.SECONDS)).isEmpty();
    }
}
