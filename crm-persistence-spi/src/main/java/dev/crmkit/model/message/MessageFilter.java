package dev.crmkit.model.message;

import dev.crmkit.model.Checks;
import dev.crmkit.spi.message.MessageRecord;
import java.util.EnumSet;
import java.util.Set;

/**
 * Which of a customer's messages to list: of these kinds and in these statuses; an empty set does not filter.
 * {@link #test} is the reference meaning every adapter implements.
 */
public record MessageFilter(Set<ChannelKind> kinds, Set<MessageStatus> statuses) {
    /**
     * Copies both sets, which must not be null nor hold nulls.
     *
     * @throws dev.crmkit.model.ValidationException ({@code kinds}, {@code statuses}) when a set is null or holds nulls
     */
    public MessageFilter {
        kinds = Set.copyOf(Checks.noNulls("kinds", kinds));
        statuses = Set.copyOf(Checks.noNulls("statuses", statuses));
    }

    /** Every message. */
    public static MessageFilter everything() {
        return new MessageFilter(Set.of(), Set.of());
    }

    /** Messages of one kind in the given statuses. */
    public static MessageFilter of(ChannelKind kind, MessageStatus first, MessageStatus... more) {
        return new MessageFilter(Set.of(Checks.required("kind", kind)), EnumSet.of(first, more));
    }

    /** Whether a message passes the filter. */
    public boolean test(MessageRecord message) {
        return (kinds.isEmpty() || kinds.contains(message.kind()))
                && (statuses.isEmpty() || statuses.contains(message.status()));
    }
}
