package dev.crmkit.tck;

import static dev.crmkit.tck.CustomerFixtures.OTHER_TENANT;
import static dev.crmkit.tck.CustomerFixtures.TENANT;
import static dev.crmkit.tck.TouchPointFixtures.idLeadingWith;
import static dev.crmkit.tck.TouchPointFixtures.openTask;
import static dev.crmkit.tck.TouchPointFixtures.withId;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.Generate.range;
import static org.quicktheories.generators.SourceDSL.lists;

import dev.crmkit.model.ConflictException;
import dev.crmkit.model.Cursor;
import dev.crmkit.model.DuplicateException;
import dev.crmkit.model.NotFoundException;
import dev.crmkit.model.Page;
import dev.crmkit.model.PageRequest;
import dev.crmkit.model.ValidationException;
import dev.crmkit.model.touchpoint.TaskStatus;
import dev.crmkit.spi.Ids;
import dev.crmkit.spi.touchpoint.TaskRecord;
import dev.crmkit.spi.touchpoint.TaskStore;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** The promises of {@link TaskStore} and {@link TaskRecord}. */
public abstract class TaskStoreContract extends ContractSupport {
    private static final Comparator<TaskRecord> BY_DUE = Comparator.comparing(TaskRecord::dueAt)
            .thenComparing(TaskRecord::id, Ids.ORDER);

    private final UUID jana = UUID.randomUUID();
    private final UUID piotr = UUID.randomUUID();


    private static Instant inHours(int hours) {
        return NOW.plus(Duration.ofHours(hours));
    }

    private static TaskRecord closed(TaskRecord t, TaskStatus status, Instant at) {
        return new TaskRecord(t.tenantId(), t.id(), t.version(), t.createdAt(), at, t.customerId(), t.interactionId(),
                t.title(), t.assigneeId(), t.dueAt(), status, at);
    }

    private static TaskRecord reassigned(TaskRecord t, String assigneeId, Instant dueAt, Instant at) {
        return new TaskRecord(t.tenantId(), t.id(), t.version(), t.createdAt(), at, t.customerId(), t.interactionId(),
                t.title(), assigneeId, dueAt, t.status(), t.completedAt());
    }

    private static List<TaskRecord> readAll(Function<PageRequest, Page<TaskRecord>> reader, int pageSize) {
        List<TaskRecord> all = new ArrayList<>();
        PageRequest request = PageRequest.first(pageSize);
        while (true) {
            Page<TaskRecord> page = reader.apply(request);
            all.addAll(page.items());
            if (page.next().isEmpty()) {
                return all;
            }
            request = request.next(page.next().get());
        }
    }

    @Test
    void task_with_every_field_reads_back_equal() {
        TaskRecord task = new TaskRecord(TENANT, UUID.randomUUID(), 1, NOW, NOW, jana, UUID.randomUUID(),
                "Rückruf wegen «Größe 42» – 至急", "agent.łukasz@acme", inHours(24), TaskStatus.OPEN, null);

        TaskRecord returned = tasks().insert(task);

        assertThat(returned).isEqualTo(task);
        assertThat(tasks().get(TENANT, task.id())).contains(task);
        assertThat(tasks().get(OTHER_TENANT, task.id())).isEmpty();
        assertThat(tasks().get(TENANT, UUID.randomUUID())).isEmpty();
    }

    @Test
    void a_task_without_interaction_or_assignee_reads_back_equal() {
        TaskRecord task = tasks().insert(openTask(TENANT, jana, null, inHours(1)));

        assertThat(tasks().get(TENANT, task.id())).contains(task);
        assertThat(tasks().openForCustomer(TENANT, jana, PageRequest.first(10)).items()).containsExactly(task);
    }

    @Test
    void insert_of_an_existing_id_throws_duplicate_on_id_and_keeps_the_first() {
        TaskRecord first = tasks().insert(openTask(TENANT, jana, "anna", inHours(1)));
        TaskRecord second = withId(openTask(TENANT, piotr, "bert", inHours(2)), first.id());

        assertThatThrownBy(() -> tasks().insert(second))
                .isInstanceOfSatisfying(DuplicateException.class, e -> assertThat(e.key()).isEqualTo("id"));
        assertThat(tasks().get(TENANT, first.id())).contains(first);
        assertThat(tasks().openForAssignee(TENANT, "bert", PageRequest.first(10)).items()).isEmpty();
    }

    @Test
    void the_same_id_in_another_tenant_is_no_duplicate() {
        TaskRecord ours = tasks().insert(openTask(TENANT, jana, "anna", inHours(1)));
        TaskRecord theirs = tasks().insert(withId(openTask(OTHER_TENANT, jana, "anna", inHours(2)), ours.id()));

        assertThat(tasks().get(TENANT, ours.id())).contains(ours);
        assertThat(tasks().get(OTHER_TENANT, ours.id())).contains(theirs);
    }

    @Test
    void update_at_the_stored_version_replaces_the_task_and_raises_the_version() {
        TaskRecord task = tasks().insert(openTask(TENANT, jana, "anna", inHours(1)));
        Instant later = NOW.plusSeconds(90);

        TaskRecord updated = tasks().update(reassigned(task, "bert", inHours(48), later), 1);

        TaskRecord expected = new TaskRecord(TENANT, task.id(), 2, task.createdAt(), later, jana, null,
                task.title(), "bert", inHours(48), TaskStatus.OPEN, null);
        assertThat(updated).isEqualTo(expected);
        assertThat(tasks().get(TENANT, task.id())).contains(expected);
        assertThat(tasks().openForAssignee(TENANT, "anna", PageRequest.first(10)).items()).isEmpty();
        assertThat(tasks().openForAssignee(TENANT, "bert", PageRequest.first(10)).items()).containsExactly(expected);
    }

    @Test
    void lock_of_a_missing_task_or_another_tenants_throws_not_found_and_leaves_a_task_as_stored() {
        TaskRecord theirs = tasks().insert(openTask(OTHER_TENANT, jana, "anna", inHours(1)));
        TaskRecord mine = tasks().insert(openTask(TENANT, jana, "anna", inHours(1)));

        assertThatThrownBy(() -> tasks().lock(TENANT, UUID.randomUUID())).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> tasks().lock(TENANT, theirs.id())).isInstanceOf(NotFoundException.class);
        storage().transactions().run(() -> tasks().lock(TENANT, mine.id()));
        assertThat(tasks().get(TENANT, mine.id())).contains(mine);
    }

    @Test
    void a_second_unit_locking_a_task_waits_until_the_first_committed_and_reads_its_change() throws Exception {
        TaskRecord stored = tasks().insert(openTask(TENANT, jana, "anna", inHours(1)));

        RowLockCheck.secondUnitWaitsForTheFirst(storage().transactions(),
                () -> tasks().lock(TENANT, stored.id()),
                () -> tasks().update(reassigned(stored, "bert", inHours(2), NOW.plusSeconds(1)), 1),
                () -> tasks().get(TENANT, stored.id()).orElseThrow().version());
    }

    @Test
    void update_with_a_stale_version_throws_conflict_and_changes_nothing() {
        TaskRecord task = tasks().insert(openTask(TENANT, jana, "anna", inHours(1)));
        TaskRecord current = tasks().update(reassigned(task, "bert", inHours(2), NOW.plusSeconds(1)), 1);

        assertThatThrownBy(() -> tasks().update(reassigned(task, "carl", inHours(3), NOW.plusSeconds(2)), 1))
                .isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> tasks().update(reassigned(task, "carl", inHours(3), NOW.plusSeconds(2)), 7))
                .isInstanceOf(ConflictException.class);
        assertThat(tasks().get(TENANT, task.id())).contains(current);
    }

    @Test
    void update_of_a_missing_task_throws_not_found_and_stores_nothing() {
        TaskRecord never = openTask(TENANT, jana, "anna", inHours(1));
        TaskRecord elsewhere = tasks().insert(openTask(OTHER_TENANT, jana, "anna", inHours(1)));
        TaskRecord forged = new TaskRecord(TENANT, elsewhere.id(), 1, NOW, NOW, jana, null, "forged", "eve",
                inHours(1), TaskStatus.OPEN, null);

        assertThatThrownBy(() -> tasks().update(never, 1)).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> tasks().update(forged, 1)).isInstanceOf(NotFoundException.class);
        assertThat(tasks().get(TENANT, never.id())).isEmpty();
        assertThat(tasks().get(OTHER_TENANT, elsewhere.id())).contains(elsewhere);
    }

    @Test
    void done_and_cancelled_tasks_leave_the_open_lists_but_stay_readable() {
        TaskRecord done = tasks().insert(openTask(TENANT, jana, "anna", inHours(1)));
        TaskRecord cancelled = tasks().insert(openTask(TENANT, jana, "anna", inHours(2)));
        TaskRecord open = tasks().insert(openTask(TENANT, jana, "anna", inHours(3)));

        TaskRecord doneNow = tasks().update(closed(done, TaskStatus.DONE, NOW.plusSeconds(5)), 1);
        TaskRecord cancelledNow = tasks().update(closed(cancelled, TaskStatus.CANCELLED, NOW.plusSeconds(6)), 1);

        assertThat(tasks().openForCustomer(TENANT, jana, PageRequest.first(10)).items()).containsExactly(open);
        assertThat(tasks().openForAssignee(TENANT, "anna", PageRequest.first(10)).items()).containsExactly(open);
        assertThat(tasks().get(TENANT, done.id())).contains(doneNow);
        assertThat(doneNow.completedAt()).isEqualTo(NOW.plusSeconds(5));
        assertThat(tasks().get(TENANT, cancelled.id())).contains(cancelledNow);
    }

    @Test
    void open_lists_are_ordered_by_due_time_then_unsigned_id() {
        Instant same = inHours(5);
        TaskRecord late = tasks().insert(openTask(TENANT, jana, "anna", inHours(9)));
        TaskRecord high = tasks().insert(withId(openTask(TENANT, jana, "anna", same), idLeadingWith(0xd)));
        TaskRecord low = tasks().insert(withId(openTask(TENANT, jana, "anna", same), idLeadingWith(0x2)));
        TaskRecord overdue = tasks().insert(openTask(TENANT, jana, "anna", NOW.minusSeconds(3600)));

        assertThat(tasks().openForCustomer(TENANT, jana, PageRequest.first(10)).items())
                .containsExactly(overdue, low, high, late);
        assertThat(tasks().openForAssignee(TENANT, "anna", PageRequest.first(10)).items())
                .containsExactly(overdue, low, high, late);
    }

    @Test
    void open_lists_show_only_that_customer_or_assignee_in_that_tenant() {
        TaskRecord janaAnna = tasks().insert(openTask(TENANT, jana, "anna", inHours(1)));
        TaskRecord piotrAnna = tasks().insert(openTask(TENANT, piotr, "anna", inHours(2)));
        TaskRecord janaUnassigned = tasks().insert(openTask(TENANT, jana, null, inHours(3)));
        tasks().insert(openTask(OTHER_TENANT, jana, "anna", inHours(1)));

        assertThat(tasks().openForCustomer(TENANT, jana, PageRequest.first(10)).items())
                .containsExactly(janaAnna, janaUnassigned);
        assertThat(tasks().openForAssignee(TENANT, "anna", PageRequest.first(10)).items())
                .containsExactly(janaAnna, piotrAnna);
        assertThat(tasks().openForAssignee(TENANT, "ANNA", PageRequest.first(10)).items()).isEmpty();
        assertThat(tasks().openForCustomer(TENANT, UUID.randomUUID(), PageRequest.first(10)).items()).isEmpty();
    }

    @Test
    void open_lists_page_through_every_task_once_in_order_whatever_the_page_size() {
        qt().withExamples(25).withShrinkCycles(30)
                .forAll(lists().of(range(0, 6)).ofSizeBetween(0, 14), range(1, 5))
                .checkAssert((dueHours, pageSize) -> {
                    String tenant = CustomerFixtures.freshTenant();
                    List<TaskRecord> stored = new ArrayList<>();
                    for (int hours : dueHours) {
                        stored.add(tasks().insert(openTask(tenant, jana, "anna", inHours(hours))));
                    }
                    List<TaskRecord> expected = stored.stream().sorted(BY_DUE).toList();

                    assertThat(readAll(p -> tasks().openForCustomer(tenant, jana, p), pageSize))
                            .isEqualTo(expected);
                    assertThat(readAll(p -> tasks().openForAssignee(tenant, "anna", p), pageSize))
                            .isEqualTo(expected);
                });
    }

    @Test
    void a_tampered_task_cursor_is_rejected_as_a_validation_error_on_the_cursor() {
        for (int i = 0; i < 3; i++) {
            tasks().insert(openTask(TENANT, jana, "anna", inHours(i)));
        }
        Cursor issued = tasks().openForCustomer(TENANT, jana, PageRequest.first(1)).next().orElseThrow();
        List<Cursor> tampered = List.of(new Cursor("!!not-base64!!"), new Cursor(issued.token() + "x"),
                Cursor.of(List.of("tomorrow", UUID.randomUUID().toString())),
                Cursor.of(List.of(NOW.toString(), "not-a-uuid")));

        for (Cursor cursor : tampered) {
            assertThatThrownBy(() -> tasks().openForCustomer(TENANT, jana, PageRequest.first(1).next(cursor)))
                    .as("cursor %s", cursor.token())
                    .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("cursor"));
            assertThatThrownBy(() -> tasks().openForAssignee(TENANT, "anna", PageRequest.first(1).next(cursor)))
                    .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("cursor"));
        }
    }

    @Test
    void move_all_moves_open_and_closed_tasks_raising_versions() {
        TaskRecord open = tasks().insert(openTask(TENANT, piotr, "anna", inHours(1)));
        TaskRecord done = tasks().update(closed(tasks().insert(openTask(TENANT, piotr, "anna", inHours(2))),
                TaskStatus.DONE, NOW.plusSeconds(1)), 1);
        TaskRecord janas = tasks().insert(openTask(TENANT, jana, "anna", inHours(3)));
        TaskRecord otherTenants = tasks().insert(openTask(OTHER_TENANT, piotr, "anna", inHours(1)));
        Instant later = NOW.plusSeconds(120);

        int moved = tasks().moveAll(TENANT, piotr, jana, later);

        assertThat(moved).isEqualTo(2);
        assertThat(tasks().openForCustomer(TENANT, piotr, PageRequest.first(10)).items()).isEmpty();
        TaskRecord movedOpen = tasks().get(TENANT, open.id()).orElseThrow();
        assertThat(movedOpen).isEqualTo(new TaskRecord(TENANT, open.id(), 2, open.createdAt(), later, jana, null,
                open.title(), "anna", open.dueAt(), TaskStatus.OPEN, null));
        TaskRecord movedDone = tasks().get(TENANT, done.id()).orElseThrow();
        assertThat(movedDone.customerId()).isEqualTo(jana);
        assertThat(movedDone.version()).isEqualTo(3);
        assertThat(movedDone.status()).isEqualTo(TaskStatus.DONE);
        assertThat(movedDone.completedAt()).isEqualTo(done.completedAt());
        assertThat(tasks().openForCustomer(TENANT, jana, PageRequest.first(10)).items())
                .containsExactly(movedOpen, janas);
        assertThat(tasks().get(OTHER_TENANT, otherTenants.id())).contains(otherTenants);
        assertThat(tasks().moveAll(TENANT, piotr, jana, later)).isZero();
    }

    @Test
    void a_closed_task_without_completion_time_and_an_open_one_with_it_are_rejected() {
        assertThatThrownBy(() -> new TaskRecord(TENANT, UUID.randomUUID(), 1, NOW, NOW, jana, null, "t", null,
                NOW, TaskStatus.DONE, null))
                .isInstanceOfSatisfying(ValidationException.class,
                        e -> assertThat(e.field()).isEqualTo("completedAt"));
        assertThatThrownBy(() -> new TaskRecord(TENANT, UUID.randomUUID(), 1, NOW, NOW, jana, null, "t", null,
                NOW, TaskStatus.OPEN, NOW))
                .isInstanceOfSatisfying(ValidationException.class,
                        e -> assertThat(e.field()).isEqualTo("completedAt"));
        assertThatThrownBy(() -> new TaskRecord(TENANT, UUID.randomUUID(), 1, NOW, NOW, jana, null, " ", null,
                NOW, TaskStatus.OPEN, null))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("title"));
        assertThat(tasks().openForCustomer(TENANT, jana, PageRequest.first(10)).items()).isEmpty();
    }
}
