package dev.crmkit.core.loyalty;

import dev.crmkit.spi.loyalty.LedgerEntryRecord;
import dev.crmkit.spi.loyalty.MembershipRecord;
import java.util.List;

/**
 * What a behaviour of {@link MembershipAggregate} returns: the membership before (null for a new one), the membership
 * it now holds, the ledger entry it appends (or null), and the events the change caused.
 */
record MembershipChange(MembershipRecord before, MembershipRecord after, LedgerEntryRecord entry,
        List<MembershipEvent> events) {
    MembershipChange {
        events = List.copyOf(events);
    }
}
