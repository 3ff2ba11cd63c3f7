package dev.crmkit.core.touchpoint;

import dev.crmkit.core.common.EventType;
import dev.crmkit.model.touchpoint.Channel;
import dev.crmkit.model.touchpoint.Direction;
import dev.crmkit.model.touchpoint.Purpose;
import java.time.Instant;
import java.util.UUID;

/** An interaction was recorded for a customer. */
@EventType("interaction.recorded")
public record InteractionRecorded(
        String tenantId, UUID interactionId, UUID customerId, Channel channel,
        Direction direction, Purpose purpose, String outcome,
        Instant interactionOccurredAt, Instant occurredAt) implements TouchPointEvent {
    @Override
    public String aggregateType() {
        return INTERACTION;
    }

    @Override
    public String aggregateId() {
        return interactionId.toString();
    }
}
