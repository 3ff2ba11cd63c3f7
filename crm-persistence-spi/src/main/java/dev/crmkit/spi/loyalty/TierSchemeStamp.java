package dev.crmkit.spi.loyalty;

import dev.crmkit.model.Checks;
import java.time.Instant;
import java.util.UUID;

/**
 * What tells one stored state of a programme's tier scheme from every other: its id, its version and when that
 * version was stored. A posting reads it with the membership ({@link LoyaltyStorage#postingTarget}); a caller that
 * kept the scheme it read before may use it again while the stamp still {@link #matches} it, since every revision
 * stores the next version at a new moment.
 */
public record TierSchemeStamp(UUID id, long version, Instant updatedAt) {
    /** Checks that the id and the moment are given; the moment is truncated to microseconds. */
    public TierSchemeStamp {
        Checks.id("id", id);
        updatedAt = Checks.instant("updatedAt", updatedAt);
    }

    /** The stamp of a stored scheme. */
    public static TierSchemeStamp of(TierSchemeRecord scheme) {
        return new TierSchemeStamp(scheme.id(), scheme.version(), scheme.updatedAt());
    }

    /** Whether {@code scheme} is the state this stamp was read from. */
    public boolean matches(TierSchemeRecord scheme) {
        return scheme != null && id.equals(scheme.id()) && version == scheme.version()
                && updatedAt.equals(scheme.updatedAt());
    }
}
