package dev.crmkit.core.loyalty;

import dev.crmkit.model.Checks;
import dev.crmkit.model.ValidationException;
import dev.crmkit.model.loyalty.LedgerEntryKind;
import java.util.UUID;

/**
 * Posts points to a membership's ledger: an accrual or a manual adjustment, changing the qualifying and the
 * redeemable balance by the given amounts. The idempotency key makes it safe to retry: a retried posting returns the
 * entry posted first, and another posting under a key used before is a conflict.
 *
 * @param membershipId the membership
 * @param kind {@link LedgerEntryKind#ACCRUAL} (points only added) or {@link LedgerEntryKind#ADJUSTMENT} (either way)
 * @param qualifyingPoints the change of the qualifying balance
 * @param redeemablePoints the change of the redeemable balance
 * @param sourceType what caused it ({@code activity.review}, {@code service.goodwill}), at most 64 characters
 * @param sourceReference which one, optional, at most 100 characters
 * @param idempotencyKey the caller's key, at most 100 characters, unique in the tenant
 */
public record PostPoints(UUID membershipId, LedgerEntryKind kind, long qualifyingPoints, long redeemablePoints,
        String sourceType, String sourceReference, String idempotencyKey) {
    /**
     * Checks the rules above.
     *
     * @throws ValidationException naming the first component that breaks one: ({@code kind}) for a kind other than
     *     accrual or adjustment; ({@code points}) when nothing changes or an accrual takes points away
     */
    public PostPoints {
        Checks.id("membershipId", membershipId);
        Checks.required("kind", kind);
        if (kind != LedgerEntryKind.ACCRUAL && kind != LedgerEntryKind.ADJUSTMENT) {
            throw new ValidationException("kind", "must be ACCRUAL or ADJUSTMENT: redemptions, expiries and"
                    + " reversals are posted by the domain itself");
        }
        if (qualifyingPoints == 0 && redeemablePoints == 0) {
            throw new ValidationException("points", "must change at least one balance");
        }
        if (kind == LedgerEntryKind.ACCRUAL && (qualifyingPoints < 0 || redeemablePoints < 0)) {
            throw new ValidationException("points", "must not be negative in an accrual");
        }
        Checks.text("sourceType", sourceType, 64);
        Checks.optionalText("sourceReference", sourceReference, 100);
        Checks.text("idempotencyKey", idempotencyKey, 100);
    }

    /** Points earned: both balances grow by the same amount. */
    public static PostPoints accrual(UUID membershipId, long points, String sourceType, String sourceReference,
            String idempotencyKey) {
        return new PostPoints(membershipId, LedgerEntryKind.ACCRUAL, points, points, sourceType, sourceReference,
                idempotencyKey);
    }

    /** A manual correction of each balance, either way. */
    public static PostPoints adjustment(UUID membershipId, long qualifyingPoints, long redeemablePoints,
            String sourceType, String idempotencyKey) {
        return new PostPoints(membershipId, LedgerEntryKind.ADJUSTMENT, qualifyingPoints, redeemablePoints,
                sourceType, null, idempotencyKey);
    }
}
