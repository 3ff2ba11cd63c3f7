package dev.crmkit.core.touchpoint;

import dev.crmkit.core.common.EventType;
import java.time.Instant;
import java.util.UUID;

/** An open follow-up task was handed to another assignee ({@code null}: to nobody). */
@EventType("follow-up.reassigned")
public record FollowUpReassigned(
        String tenantId, UUID taskId, UUID customerId, String previousAssigneeId,
        String assigneeId, Instant occurredAt) implements TouchPointEvent {
    @Override
    public String aggregateType() {
        return TASK;
    }

    @Override
    public String aggregateId() {
        return taskId.toString();
    }
}
