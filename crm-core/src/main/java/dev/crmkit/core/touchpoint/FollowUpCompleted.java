package dev.crmkit.core.touchpoint;

import dev.crmkit.core.common.EventType;
import java.time.Instant;
import java.util.UUID;

/** A follow-up task was done. */
@EventType("follow-up.completed")
public record FollowUpCompleted(
        String tenantId, UUID taskId, UUID customerId, String assigneeId,
        Instant occurredAt) implements TouchPointEvent {
    @Override
    public String aggregateType() {
        return TASK;
    }

    @Override
    public String aggregateId() {
        return taskId.toString();
    }
}
