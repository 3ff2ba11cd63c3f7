package dev.crmkit.core.loyalty;

import dev.crmkit.spi.loyalty.AccrualRecord;
import dev.crmkit.spi.loyalty.LedgerEntryRecord;
import dev.crmkit.spi.loyalty.MembershipRecord;
import java.time.Instant;
import java.util.List;

/**
 * What a behaviour of {@link AccrualAggregate} returns: the accrual before (null for a new one) and after, the
 * membership before and after (its balances changed by the entries of the available kinds, its version always moved
 * on, so concurrent changes of the member's points serialize on it), the ledger entries to append, the events, and the
 * due work: the time its pending points post ({@code postAt}, or null) and whether the change ends that work.
 */
record AccrualChange(AccrualRecord before, AccrualRecord after, MembershipRecord memberBefore,
        MembershipRecord memberAfter, List<LedgerEntryRecord> entries, List<AccrualEvent> events, Instant postAt,
        boolean endsDueWork) {
    AccrualChange {
        entries = List.copyOf(entries);
        events = List.copyOf(events);
    }
}
