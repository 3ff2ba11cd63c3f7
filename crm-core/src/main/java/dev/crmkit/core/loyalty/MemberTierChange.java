package dev.crmkit.core.loyalty;

import dev.crmkit.spi.loyalty.MemberTierRecord;
import dev.crmkit.spi.loyalty.TierChangeRecord;
import java.util.List;

/**
 * What a behaviour of {@link MemberTierAggregate} returns: the record before (null when the member never had one), the
 * record it now holds, the history entry to append (null when the tier stayed), and the events.
 */
record MemberTierChange(MemberTierRecord before, MemberTierRecord after, TierChangeRecord history,
        List<MemberTierEvent> events) {
    MemberTierChange {
        events = List.copyOf(events);
    }
}
