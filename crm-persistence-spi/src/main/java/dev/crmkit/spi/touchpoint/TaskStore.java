package dev.crmkit.spi.touchpoint;

import dev.crmkit.model.ConflictException;
import dev.crmkit.model.DuplicateException;
import dev.crmkit.model.NotFoundException;
import dev.crmkit.model.Page;
import dev.crmkit.model.PageRequest;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** Follow-up tasks, scoped by tenant in every call. */
public interface TaskStore {
    /**
     * Stores a new task at version 1.
     *
     * @throws DuplicateException with {@code key() = "id"} when the id exists in the tenant; nothing is stored
     */
    TaskRecord insert(TaskRecord task);

    /**
     * Replaces a task whose stored version is {@code expectedVersion}.
     *
     * @return the stored record at version {@code expectedVersion + 1}
     * @throws NotFoundException when there is no such task in the tenant
     * @throws ConflictException when the stored version differs; nothing changes
     */
    TaskRecord update(TaskRecord task, long expectedVersion);

    /** The task with this id in this tenant. */
    Optional<TaskRecord> get(String tenantId, UUID id);

    /**
     * Takes the task's row lock for the rest of the caller's unit of work, as {@code CustomerStore.lock} does for a
     * customer: a second unit locking (or updating) the task waits until this unit has committed or rolled back and then
     * sees what it committed. A unit that records a task's event without changing the task (a follow-up falling due)
     * takes it before it reads the task, so the task's events reach the outbox in the order their units committed. The
     * record and its version do not change. Outside a unit the call only checks that the task exists.
     *
     * @throws NotFoundException when the tenant has no task with this id; nothing is locked
     */
    void lock(String tenantId, UUID id);

    /** One page of the customer's open tasks, ordered by dueAt, then id. */
    Page<TaskRecord> openForCustomer(String tenantId, UUID customerId, PageRequest page);

    /** One page of the open tasks assigned to a user, ordered by dueAt, then id. */
    Page<TaskRecord> openForAssignee(String tenantId, String assigneeId, PageRequest page);

    /** Moves every task of {@code fromCustomerId} to {@code toCustomerId}, versions raised by 1; returns how many. */
    int moveAll(String tenantId, UUID fromCustomerId, UUID toCustomerId, Instant now);
}
