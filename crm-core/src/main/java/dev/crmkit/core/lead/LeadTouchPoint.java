package dev.crmkit.core.lead;

import dev.crmkit.core.common.Text;
import dev.crmkit.model.Checks;
import dev.crmkit.model.touchpoint.Channel;
import dev.crmkit.model.touchpoint.Direction;
import java.time.Instant;

/**
 * A contact with a lead: channel, direction, an outcome code (such as {@code reached}, at most 50 characters),
 * the agent who handled it (the host's user id, at most 100), a summary (at most 4,000) and when it happened.
 * An outbound contact, or an inbound one an agent handled, is the lead's first contact if it had none.
 */
public record LeadTouchPoint(Channel channel, Direction direction, String outcome, String agentId, String summary,
        Instant occurredAt) {
    /**
     * Checks the rules above and truncates {@code occurredAt} to microseconds.
     *
     * @throws dev.crmkit.model.ValidationException naming the first component that breaks a rule; the agent is a user
     *     id without {@code @}
     */
    public LeadTouchPoint {
        Checks.required("channel", channel);
        Checks.required("direction", direction);
        outcome = Text.optional("outcome", outcome, 50);
        Checks.optionalUserId("agentId", agentId);
        summary = Text.optional("summary", summary, 4000);
        occurredAt = Checks.instant("occurredAt", occurredAt);
    }

    /** A contact on the channel in the direction at the time, with nothing else said. */
    public static LeadTouchPoint of(Channel channel, Direction direction, Instant occurredAt) {
        return new LeadTouchPoint(channel, direction, null, null, null, occurredAt);
    }

    /** The same contact, handled by the agent with this outcome. */
    public LeadTouchPoint by(String agentId, String outcome) {
        return new LeadTouchPoint(channel, direction, outcome, agentId, summary, occurredAt);
    }

    /** Whether the contact counts as the company reaching the lead. */
    boolean isContact() {
        return direction == Direction.OUTBOUND || agentId != null;
    }
}
