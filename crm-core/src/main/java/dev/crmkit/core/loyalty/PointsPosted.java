package dev.crmkit.core.loyalty;

import dev.crmkit.core.common.EventType;
import dev.crmkit.model.loyalty.LedgerEntryKind;
import java.time.Instant;
import java.util.UUID;

/**
 * An entry was appended to a membership's ledger: the change of each balance and the balances after it, and what
 * caused it. A retried posting records nothing.
 */
@EventType("loyalty.membership.points-posted")
public record PointsPosted(String tenantId, UUID membershipId, UUID customerId, UUID entryId, LedgerEntryKind kind,
        long qualifyingPoints, long redeemablePoints, long qualifyingBalance, long redeemableBalance,
        String sourceType, String sourceReference, Instant occurredAt) implements MembershipEvent {
}
