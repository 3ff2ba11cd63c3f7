package dev.crmkit.core.touchpoint;

import dev.crmkit.model.touchpoint.Channel;
import dev.crmkit.model.touchpoint.Direction;
import dev.crmkit.model.touchpoint.Purpose;
import dev.crmkit.spi.touchpoint.InteractionRecord;
import java.time.Instant;
import java.util.UUID;

/**
 * A recorded touch point, as the services return it. Interactions are facts: once recorded they are never
 * edited, only moved to the survivor when their customer is merged.
 */
public record Interaction(
        UUID id,
        UUID customerId,
        Channel channel,
        Direction direction,
        Purpose purpose,
        String outcome,
        String agentId,
        String summary,
        Instant occurredAt,
        Instant recordedAt) {

    /** The view of a stored interaction. */
    public static Interaction of(InteractionRecord record) {
        return new Interaction(record.id(), record.customerId(), record.channel(), record.direction(),
                record.purpose(), record.outcome(), record.agentId(), record.summary(), record.occurredAt(),
                record.createdAt());
    }
}
