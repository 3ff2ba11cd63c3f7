package dev.crmkit.spi.loyalty;

import dev.crmkit.model.Checks;
import dev.crmkit.model.ValidationException;
import dev.crmkit.model.loyalty.LedgerEntryKind;
import java.time.Instant;
import java.util.UUID;

/**
 * One entry of a membership's points ledger: append-only, never changed.
 *
 * <ul>
 *   <li>{@code membershipId}: whose ledger.</li>
 *   <li>{@code kind}: what it records.</li>
 *   <li>{@code qualifyingPoints}, {@code redeemablePoints}: the change of each balance, positive or negative, not both
 *       zero.</li>
 *   <li>{@code sourceType}, {@code sourceReference}: what caused it ({@code purchase} and an order's id, a reward, a
 *       clerk's ticket); the type at most 64 characters, the reference optional, at most 100.</li>
 *   <li>{@code idempotencyKey}: the caller's key, at most 100 characters, unique in the tenant: a retried posting
 *       finds its entry by it.</li>
 *   <li>{@code postedAt}: when the entry took effect.</li>
 * </ul>
 *
 * @param tenantId the tenant
 * @param id the entry's id
 * @param membershipId whose ledger
 * @param kind what it records
 * @param qualifyingPoints the change of the qualifying balance
 * @param redeemablePoints the change of the redeemable balance
 * @param sourceType the kind of thing that caused it
 * @param sourceReference which one, or null
 * @param idempotencyKey the caller's key
 * @param postedAt when it took effect
 */
public record LedgerEntryRecord(String tenantId, UUID id, UUID membershipId, LedgerEntryKind kind,
        long qualifyingPoints, long redeemablePoints, String sourceType, String sourceReference,
        String idempotencyKey, Instant postedAt) {

    /**
     * Checks the rules above; the instant is truncated to microseconds.
     *
     * @throws ValidationException naming the first component that breaks a rule
     */
    public LedgerEntryRecord {
        Checks.tenantId("tenantId", tenantId);
        Checks.id("id", id);
        Checks.id("membershipId", membershipId);
        Checks.required("kind", kind);
        if (qualifyingPoints == 0 && redeemablePoints == 0) {
            throw new ValidationException("points", "must change at least one balance");
        }
        Checks.text("sourceType", sourceType, 64);
        Checks.optionalText("sourceReference", sourceReference, 100);
        Checks.text("idempotencyKey", idempotencyKey, 100);
        postedAt = Checks.instant("postedAt", postedAt);
    }
}
