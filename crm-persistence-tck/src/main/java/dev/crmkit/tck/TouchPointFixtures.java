package dev.crmkit.tck;

import dev.crmkit.model.touchpoint.Channel;
import dev.crmkit.model.touchpoint.Direction;
import dev.crmkit.model.touchpoint.Purpose;
import dev.crmkit.model.touchpoint.TaskStatus;
import dev.crmkit.spi.touchpoint.InteractionRecord;
import dev.crmkit.spi.touchpoint.TaskRecord;
import java.time.Instant;
import java.util.UUID;

/** Interactions and follow-up tasks the touch-point contracts store, at microsecond precision. */
final class TouchPointFixtures {
    private TouchPointFixtures() {
    }

    /** An interaction with only the required fields set. */
    static InteractionRecord interaction(String tenantId, UUID customerId, Channel channel, Direction direction,
            Purpose purpose, Instant occurredAt) {
        return new InteractionRecord(tenantId, UUID.randomUUID(), 1, ContractSupport.NOW, ContractSupport.NOW,
                customerId, channel, direction, purpose, null, null, null, occurredAt, null);
    }

    /** An inbound web interaction about nothing in particular at the given time. */
    static InteractionRecord visit(String tenantId, UUID customerId, Instant occurredAt) {
        return interaction(tenantId, customerId, Channel.WEB, Direction.INBOUND, Purpose.GENERAL, occurredAt);
    }

    /** The same interaction under another id. */
    static InteractionRecord withId(InteractionRecord i, UUID id) {
        return new InteractionRecord(i.tenantId(), id, i.version(), i.createdAt(), i.updatedAt(), i.customerId(),
                i.channel(), i.direction(), i.purpose(), i.outcome(), i.agentId(), i.summary(), i.occurredAt(),
                i.idempotencyKey());
    }

    /** The same interaction recorded with a caller's idempotency key. */
    static InteractionRecord withKey(InteractionRecord i, String idempotencyKey) {
        return new InteractionRecord(i.tenantId(), i.id(), i.version(), i.createdAt(), i.updatedAt(), i.customerId(),
                i.channel(), i.direction(), i.purpose(), i.outcome(), i.agentId(), i.summary(), i.occurredAt(),
                idempotencyKey);
    }

    /** An open task due at the given time, assigned to {@code assigneeId} (may be null). */
    static TaskRecord openTask(String tenantId, UUID customerId, String assigneeId, Instant dueAt) {
        return new TaskRecord(tenantId, UUID.randomUUID(), 1, ContractSupport.NOW, ContractSupport.NOW, customerId,
                null, "Call back about the order", assigneeId, dueAt, TaskStatus.OPEN, null);
    }

    /** The same task under another id. */
    static TaskRecord withId(TaskRecord t, UUID id) {
        return new TaskRecord(t.tenantId(), id, t.version(), t.createdAt(), t.updatedAt(), t.customerId(),
                t.interactionId(), t.title(), t.assigneeId(), t.dueAt(), t.status(), t.completedAt());
    }

    /** A UUID whose leading hex digit is {@code nibble}: 8 to f are negative as signed longs. */
    static UUID idLeadingWith(int nibble) {
        return new UUID(((long) nibble << 60) | (UUID.randomUUID().getMostSignificantBits() >>> 4),
                UUID.randomUUID().getLeastSignificantBits());
    }
}
