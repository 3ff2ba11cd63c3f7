package dev.crmkit.spi.touchpoint;

import dev.crmkit.model.Checks;
import dev.crmkit.model.touchpoint.TaskStatus;
import dev.crmkit.spi.StoredRecord;
import java.time.Instant;
import java.util.UUID;

/**
 * A follow-up task: something a user has to do for a customer by a due time, optionally arising from an
 * interaction. {@code title} is required (at most 200); {@code assigneeId} is optional (at most 100);
 * {@code completedAt} is set exactly when the status is not {@link TaskStatus#OPEN}.
 */
public record TaskRecord(
        String tenantId,
        UUID id,
        long version,
        Instant createdAt,
        Instant updatedAt,
        UUID customerId,
        UUID interactionId,
        String title,
        String assigneeId,
        Instant dueAt,
        TaskStatus status,
        Instant completedAt) implements StoredRecord {

    /**
     * Checks the rules above: tenant id, id, a version of 1 or more and both timestamps are required, and the
     * timestamps are truncated to microseconds, the precision every backend keeps.
     * {@code dueAt} is required; both it and {@code completedAt} are truncated the same way.
     *
     * @throws dev.crmkit.model.ValidationException naming the first component that breaks a rule
     */
    public TaskRecord {
        Checks.tenantId("tenantId", tenantId);
        Checks.id("id", id);
        Checks.version("version", version);
        createdAt = Checks.instant("createdAt", createdAt);
        updatedAt = Checks.instant("updatedAt", updatedAt);
        Checks.id("customerId", customerId);
        Checks.text("title", title, 200);
        Checks.optionalText("assigneeId", assigneeId, 100);
        dueAt = Checks.instant("dueAt", dueAt);
        Checks.required("status", status);
        completedAt = Checks.optionalInstant("completedAt", completedAt);
        if ((status == TaskStatus.OPEN) != (completedAt == null)) {
            throw new dev.crmkit.model.ValidationException("completedAt", "must be set exactly when the task is closed");
        }
    }
}
