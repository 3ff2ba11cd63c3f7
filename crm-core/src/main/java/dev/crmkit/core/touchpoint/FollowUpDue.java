package dev.crmkit.core.touchpoint;

import dev.crmkit.core.common.EventType;
import java.time.Instant;
import java.util.UUID;

/** An open follow-up task reached its due time without being done; raised by the due-work scheduler. */
@EventType("follow-up.due")
public record FollowUpDue(
        String tenantId, UUID taskId, UUID customerId, String assigneeId,
        Instant dueAt, Instant occurredAt) implements TouchPointEvent {
    @Override
    public String aggregateType() {
        return TASK;
    }

    @Override
    public String aggregateId() {
        return taskId.toString();
    }
}
