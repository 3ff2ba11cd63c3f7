package dev.crmkit.core.loyalty;

import dev.crmkit.model.loyalty.LedgerEntryKind;
import dev.crmkit.spi.loyalty.LedgerEntryRecord;
import java.time.Instant;
import java.util.UUID;

/**
 * One entry of a membership's points ledger, as stored.
 *
 * @param id the entry's id
 * @param membershipId whose ledger
 * @param kind what it records
 * @param qualifyingPoints the change of the qualifying balance
 * @param redeemablePoints the change of the redeemable balance
 * @param sourceType the kind of thing that caused it
 * @param sourceReference which one, or null
 * @param idempotencyKey the key it was posted under
 * @param postedAt when it took effect
 */
public record LedgerEntry(UUID id, UUID membershipId, LedgerEntryKind kind, long qualifyingPoints,
        long redeemablePoints, String sourceType, String sourceReference, String idempotencyKey, Instant postedAt) {

    static LedgerEntry of(LedgerEntryRecord r) {
        return new LedgerEntry(r.id(), r.membershipId(), r.kind(), r.qualifyingPoints(), r.redeemablePoints(),
                r.sourceType(), r.sourceReference(), r.idempotencyKey(), r.postedAt());
    }
}
