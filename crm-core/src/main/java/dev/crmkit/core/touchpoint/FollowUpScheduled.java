package dev.crmkit.core.touchpoint;

import dev.crmkit.core.common.EventType;
import java.time.Instant;
import java.util.UUID;

/** A follow-up task was scheduled for a customer, due at {@code dueAt}. */
@EventType("follow-up.scheduled")
public record FollowUpScheduled(
        String tenantId, UUID taskId, UUID customerId, UUID interactionId,
        String assigneeId, Instant dueAt, Instant occurredAt) implements TouchPointEvent {
    @Override
    public String aggregateType() {
        return TASK;
    }

    @Override
    public String aggregateId() {
        return taskId.toString();
    }
}
