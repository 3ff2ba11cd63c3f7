package dev.crmkit.core.touchpoint;

import dev.crmkit.core.common.EventType;
import java.time.Instant;
import java.util.UUID;

/** An open follow-up task was moved to another due time. */
@EventType("follow-up.rescheduled")
public record FollowUpRescheduled(
        String tenantId, UUID taskId, UUID customerId, Instant previousDueAt,
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
