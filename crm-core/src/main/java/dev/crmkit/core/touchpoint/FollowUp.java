package dev.crmkit.core.touchpoint;

import dev.crmkit.model.touchpoint.TaskStatus;
import dev.crmkit.spi.touchpoint.TaskRecord;
import java.time.Instant;
import java.util.UUID;

/**
 * A follow-up task as the services return it. {@code closedAt} is set exactly when the status is
 * {@link TaskStatus#DONE} or {@link TaskStatus#CANCELLED}; {@code version} grows with every change.
 */
public record FollowUp(
        UUID id,
        UUID customerId,
        UUID interactionId,
        String title,
        String assigneeId,
        Instant dueAt,
        TaskStatus status,
        Instant closedAt,
        long version) {

    /** The view of a stored task. */
    public static FollowUp of(TaskRecord record) {
        return new FollowUp(record.id(), record.customerId(), record.interactionId(), record.title(),
                record.assigneeId(), record.dueAt(), record.status(), record.completedAt(), record.version());
    }

    /** Whether the task still has to be done. */
    public boolean isOpen() {
        return status == TaskStatus.OPEN;
    }
}
