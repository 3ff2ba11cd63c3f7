package dev.crmkit.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.crmkit.spi.DuplicateException;
import dev.crmkit.spi.TransactionRunner;
import dev.crmkit.spi.customer.CustomerRecord;
import dev.crmkit.spi.outbox.OutboxEvent;
import dev.crmkit.spi.scheduling.DueWorkRecord;
import dev.crmkit.spi.touchpoint.TaskRecord;
import dev.crmkit.spi.touchpoint.TaskStatus;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** The contract of {@link TransactionRunner}: all or nothing, joining, propagation, visibility. */
public abstract class TransactionContract extends ContractSupport {
    private static final String TENANT = "unit-tenant";

    private TransactionRunner units() {
        return storage().transactions();
    }

    private static CustomerRecord customer() {
        return CustomerFixtures.bareProspect(TENANT).build();
    }

    private static TaskRecord task(UUID customerId) {
        return new TaskRecord(TENANT, UUID.randomUUID(), 1, NOW, NOW, customerId, null, "Call back", "agent-1",
                NOW.plusSeconds(3600), TaskStatus.OPEN, null);
    }

    @Test
    void work_that_throws_leaves_no_write_behind_in_any_store() {
        CustomerRecord customer = customer();
        TaskRecord task = task(customer.id());
        RuntimeException failure = new IllegalStateException("the change failed half way");

        assertThatThrownBy(() -> units().run(() -> {
            storage().customers().insert(customer);
            storage().contactPoints().insert(CustomerFixtures.email(TENANT, customer.id(), "unit@example.com"));
            storage().tasks().insert(task);
            storage().outbox().append(List.of(OutboxEvent.of(TENANT, UUID.randomUUID(), "customer",
                    customer.id().toString(), "CustomerRegistered", "{}", NOW)));
            storage().dueWork().schedule(DueWorkRecord.of(TENANT, UUID.randomUUID(), "task.due", task.id().toString(),
                    task.dueAt(), null));
            throw failure;
        })).isSameAs(failure);

        assertThat(storage().customers().get(TENANT, customer.id())).isEmpty();
        assertThat(storage().contactPoints().forCustomer(TENANT, customer.id())).isEmpty();
        assertThat(storage().tasks().get(TENANT, task.id())).isEmpty();
        assertThat(storage().outbox().countUndelivered()).isZero();
        assertThat(storage().dueWork().find(TENANT, "task.due", task.id().toString())).isEmpty();
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
        CustomerRecord customer = customer();

        UUID id = units().inTransaction(() -> storage().customers().insert(customer).id());

        assertThat(id).isEqualTo(customer.id());
        assertThat(storage().customers().get(TENANT, id)).contains(customer);
    }

    @Test
    void a_nested_unit_joins_the_outer_one_and_rolls_back_with_it() {
        CustomerRecord inner = customer();

        assertThatThrownBy(() -> units().run(() -> {
            units().run(() -> storage().customers().insert(inner));
            throw new IllegalStateException("outer work failed after the inner unit returned");
        })).isInstanceOf(IllegalStateException.class);

        assertThat(storage().customers().get(TENANT, inner.id())).isEmpty();
    }

    @Test
    void a_store_call_that_fails_inside_a_unit_changes_nothing_and_the_unit_goes_on() {
        CustomerRecord stored = storage().customers().insert(customer());
        CustomerRecord next = customer();

        units().run(() -> {
            assertThatThrownBy(() -> storage().customers().insert(stored)).isInstanceOf(DuplicateException.class);
            storage().customers().insert(next);
        });

        assertThat(storage().customers().get(TENANT, next.id())).contains(next);
        assertThat(storage().customers().get(TENANT, stored.id())).contains(stored);
    }

    @Test
    void a_write_outside_any_unit_is_visible_to_another_thread_at_once() throws Exception {
        CustomerRecord customer = storage().customers().insert(customer());

        Optional<CustomerRecord> seen = CompletableFuture
                .supplyAsync(() -> storage().customers().get(TENANT, customer.id()))
                .get(30, TimeUnit.SECONDS);

        assertThat(seen).contains(customer);
    }

    @Test
    void another_thread_never_sees_a_units_uncommitted_write() throws Exception {
        CustomerRecord customer = customer();
        AtomicReference<CompletableFuture<Optional<CustomerRecord>>> reader = new AtomicReference<>();

        units().run(() -> {
            storage().customers().insert(customer);
            reader.set(CompletableFuture.supplyAsync(() -> storage().customers().get(TENANT, customer.id())));
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
                seen -> assertThat(seen).contains(customer));
        assertThat(storage().customers().get(TENANT, customer.id())).contains(customer);
    }

    @Test
    void claims_inside_a_unit_commit_at_once_so_other_nodes_see_the_lease() throws Exception {
        storage().outbox().append(List.of(OutboxEvent.of(TENANT, UUID.randomUUID(), "customer", "a", "One", "{}", NOW)));

        units().run(() -> assertThat(storage().outbox().claim("relay-1", 10, Duration.ofMinutes(1), NOW)).hasSize(1));

        assertThat(CompletableFuture.supplyAsync(() -> storage().outbox().claim("relay-2", 10, Duration.ofMinutes(1), NOW))
                .get(30, TimeUnit.SECONDS)).isEmpty();
    }
}
