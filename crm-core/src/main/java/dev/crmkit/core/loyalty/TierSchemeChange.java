package dev.crmkit.core.loyalty;

import dev.crmkit.spi.loyalty.TierSchemeRecord;
import java.util.List;

/**
 * What a behaviour of {@link TierSchemeAggregate} returns: the scheme before (null for a new one), the scheme it now
 * holds, and the events the change caused (none when nothing changed).
 */
record TierSchemeChange(TierSchemeRecord before, TierSchemeRecord after, List<TierSchemeEvent> events) {
    TierSchemeChange {
        events = List.copyOf(events);
    }

    /** Whether there is anything to store. */
    boolean changed() {
        return !events.isEmpty();
    }
}
