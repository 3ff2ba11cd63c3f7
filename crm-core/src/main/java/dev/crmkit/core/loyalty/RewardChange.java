package dev.crmkit.core.loyalty;

import dev.crmkit.spi.loyalty.RewardRecord;
import java.util.List;

/**
 * What a behaviour of {@link RewardAggregate} returns: the reward before (null for a new one), the reward it now
 * holds, and the events the change caused (none when nothing changed).
 */
record RewardChange(RewardRecord before, RewardRecord after, List<RewardEvent> events) {
    RewardChange {
        events = List.copyOf(events);
    }

    /** Whether there is anything to store. */
    boolean changed() {
        return !events.isEmpty();
    }
}
