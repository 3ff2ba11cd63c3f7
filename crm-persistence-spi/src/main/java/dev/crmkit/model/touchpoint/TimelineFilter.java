package dev.crmkit.model.touchpoint;

import dev.crmkit.model.Checks;
import dev.crmkit.spi.touchpoint.InteractionRecord;
import java.time.Instant;
import java.util.Set;

/**
 * Which interactions a timeline shows: channels and purposes (an empty set means all), and the time range
 * {@code from} (inclusive) to {@code until} (exclusive), each end optional.
 */
public record TimelineFilter(Set<Channel> channels, Set<Purpose> purposes, Instant from, Instant until) {
    /**
     * Copies the sets (empty: every channel, every purpose) and truncates the ends to microseconds.
     *
     * @throws dev.crmkit.model.ValidationException ({@code channels}, {@code purposes}) when a set is null or holds null
     */
    public TimelineFilter {
        channels = Set.copyOf(Checks.noNulls("channels", channels));
        purposes = Set.copyOf(Checks.noNulls("purposes", purposes));
        from = Checks.optionalInstant("from", from);
        until = Checks.optionalInstant("until", until);
    }

    /** No filter: every interaction. */
    public static TimelineFilter everything() {
        return new TimelineFilter(Set.of(), Set.of(), null, null);
    }

    /** The reference meaning of this filter for one interaction. */
    public boolean test(InteractionRecord interaction) {
        return (channels.isEmpty() || channels.contains(interaction.channel()))
                && (purposes.isEmpty() || purposes.contains(interaction.purpose()))
                && (from == null || !interaction.occurredAt().isBefore(from))
                && (until == null || interaction.occurredAt().isBefore(until));
    }
}
