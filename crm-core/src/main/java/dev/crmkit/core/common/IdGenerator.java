package dev.crmkit.core.common;

import java.util.UUID;

/**
 * Makes the ids of new records. The default makes time-ordered version 7 UUIDs, so ids sort by creation
 * time and index inserts stay at the right edge of the B-tree; tests inject a deterministic one.
 */
@FunctionalInterface
public interface IdGenerator {
    /** A new id, never returned before by this generator. */
    UUID next();

    /** Time-ordered version 7 UUIDs (RFC 9562) from the given clock, monotonic within one generator. */
    static IdGenerator timeOrdered(java.time.Clock clock) {
        return new UuidV7Generator(clock);
    }
}
