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

    /** One page of the customer's open tasks, ordered by dueAt, then id. */
    Page<TaskRecord> openForCustomer(String tenantId, UUID customerId, PageRequest page);

    /** One page of the open tasks assigned to a user, ordered by dueAt, then id. */
    Page<TaskRecord> openForAssignee(String tenantId, String assigneeId, PageRequest page);

    /** Moves every task of {@code fromCustomerId} to {@code toCustomerId}, versions raised by 1; returns how many. */
    int moveAll(String tenantId, UUID fromCustomerId, UUID toCustomerId, Instant now);
}
