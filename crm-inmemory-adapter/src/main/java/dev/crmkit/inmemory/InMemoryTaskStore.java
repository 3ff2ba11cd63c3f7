package dev.crmkit.inmemory;

import dev.crmkit.model.Checks;
import dev.crmkit.model.Page;
import dev.crmkit.model.PageRequest;
import dev.crmkit.model.touchpoint.TaskStatus;
import dev.crmkit.spi.Ids;
import dev.crmkit.spi.touchpoint.TaskRecord;
import dev.crmkit.spi.touchpoint.TaskStore;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.stream.Collectors;

final class InMemoryTaskStore implements TaskStore {
    private static final Comparator<TaskRecord> BY_DUE = Comparator.comparing(TaskRecord::dueAt)
            .thenComparing(TaskRecord::id, Ids.ORDER);

    private final UnitOfWork unit;
    private final Table<TaskRecord> table;

    InMemoryTaskStore(UnitOfWork unit) {
        this.unit = unit;
        this.table = new Table<>("task", unit);
    }

    @Override
    public void lock(String tenantId, UUID id) {
        Checks.tenantId("tenantId", tenantId);
        Checks.id("id", id);
        unit.run(() -> table.lock(tenantId, id));
    }

    @Override
    public TaskRecord insert(TaskRecord task) {
        Checks.required("task", task);
        return unit.inTransaction(() -> table.insert(task));
    }

    @Override
    public TaskRecord update(TaskRecord t, long expectedVersion) {
        Checks.required("task", t);
        return unit.inTransaction(() -> {
            TaskRecord stored = table.expect(t.tenantId(), t.id(), expectedVersion);
            TaskRecord next = new TaskRecord(t.tenantId(), t.id(), expectedVersion + 1, stored.createdAt(),
                    t.updatedAt(), t.customerId(), t.interactionId(), t.title(), t.assigneeId(), t.dueAt(), t.status(),
                    t.completedAt());
            table.put(next);
            return next;
        });
    }

    @Override
    public Optional<TaskRecord> get(String tenantId, UUID id) {
        Checks.tenantId("tenantId", tenantId);
        Checks.id("id", id);
        return unit.inTransaction(() -> table.get(tenantId, id));
    }

    @Override
    public Page<TaskRecord> openForCustomer(String tenantId, UUID customerId, PageRequest page) {
        Checks.tenantId("tenantId", tenantId);
        Checks.id("customerId", customerId);
        return open(tenantId, t -> t.customerId().equals(customerId), Checks.required("page", page));
    }

    @Override
    public Page<TaskRecord> openForAssignee(String tenantId, String assigneeId, PageRequest page) {
        Checks.tenantId("tenantId", tenantId);
        Checks.text("assigneeId", assigneeId, 100);
        return open(tenantId, t -> assigneeId.equals(t.assigneeId()), Checks.required("page", page));
    }

    private Page<TaskRecord> open(String tenantId, Predicate<TaskRecord> filter, PageRequest page) {
        return unit.inTransaction(() -> Paging.page(
                table.all(tenantId).stream().filter(t -> t.status() == TaskStatus.OPEN && filter.test(t)),
                BY_DUE, page, 2,
                t -> List.of(t.dueAt().toString(), t.id().toString()),
                keys -> {
                    Instant due;
                    try {
                        due = Instant.parse(keys.get(0));
                    } catch (DateTimeParseException e) {
                        throw new dev.crmkit.model.ValidationException("cursor", "is not a cursor this library issued");
                    }
                    UUID id = Paging.id(keys.get(1));
                    return t -> {
                        int c = t.dueAt().compareTo(due);
                        return c > 0 || (c == 0 && Ids.ORDER.compare(t.id(), id) > 0);
                    };
                }));
    }

    @Override
    public int moveAll(String tenantId, UUID fromCustomerId, UUID toCustomerId, Instant now) {
        Checks.tenantId("tenantId", tenantId);
        Checks.id("fromCustomerId", fromCustomerId);
        Checks.id("toCustomerId", toCustomerId);
        Instant at = Checks.instant("now", now);
        return unit.inTransaction(() -> {
            List<TaskRecord> moving = table.all(tenantId).stream()
                    .filter(t -> t.customerId().equals(fromCustomerId))
                    .collect(Collectors.toList());
            for (TaskRecord t : moving) {
                table.put(new TaskRecord(tenantId, t.id(), t.version() + 1, t.createdAt(), at, toCustomerId,
                        t.interactionId(), t.title(), t.assigneeId(), t.dueAt(), t.status(), t.completedAt()));
            }
            return moving.size();
        });
    }
}
