package dev.crmkit.core.touchpoint;

import dev.crmkit.core.common.Text;
import dev.crmkit.model.Checks;
import dev.crmkit.model.ValidationException;
import dev.crmkit.model.touchpoint.Channel;
import dev.crmkit.model.touchpoint.Direction;
import dev.crmkit.model.touchpoint.Purpose;
import java.time.Instant;
import java.util.UUID;

/**
 * Records that the company and a customer were in contact: who, on which channel, started by whom, why, with
 * which outcome, handled by which agent, and when.
 *
 * <p>{@code outcome} (at most 50 characters), {@code agentId} (at most 100), {@code summary} (free text, at most
 * 4000) and {@code idempotencyKey} (at most 100, not blank) are optional. With an idempotency key a caller may
 * retry safely: the same key with the same content returns the first recording.
 * A value that is missing or out of range is rejected on construction with a {@link ValidationException} naming
 * the field.
 */
public record RecordInteraction(
        UUID customerId,
        Channel channel,
        Direction direction,
        Purpose purpose,
        String outcome,
        String agentId,
        String summary,
        Instant occurredAt,
        String idempotencyKey) {

    /** Validates every field and keeps {@code occurredAt} at microsecond precision. */
    public RecordInteraction {
        Checks.id("customerId", customerId);
        Checks.required("channel", channel);
        Checks.required("direction", direction);
        Checks.required("purpose", purpose);
        outcome = Text.optional("outcome", outcome, 50);
        Checks.optionalUserId("agentId", agentId);
        summary = Text.optional("summary", summary, 4000);
        occurredAt = Checks.instant("occurredAt", occurredAt);
        if (idempotencyKey != null) {
            Checks.text("idempotencyKey", idempotencyKey, 100);
        }
    }

    /** An interaction without outcome, agent, summary or idempotency key. */
    public static RecordInteraction of(UUID customerId, Channel channel, Direction direction, Purpose purpose,
            Instant occurredAt) {
        return new RecordInteraction(customerId, channel, direction, purpose, null, null, null, occurredAt, null);
    }

    /** This command with an idempotency key, for a caller that may retry. */
    public RecordInteraction withIdempotencyKey(String key) {
        return new RecordInteraction(customerId, channel, direction, purpose, outcome, agentId, summary, occurredAt,
                key);
    }
}
