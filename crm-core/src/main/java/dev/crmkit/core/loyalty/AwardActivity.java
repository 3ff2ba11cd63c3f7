package dev.crmkit.core.loyalty;

import dev.crmkit.model.Checks;
import dev.crmkit.model.ValidationException;
import java.util.UUID;

/**
 * Awards a member the points their programme gives for an activity that does not depend on spend: a visit, a review,
 * a referral, or an activity the host names in the programme's rules. The idempotency key makes it safe to retry: a
 * retried award returns the entry posted first (even if the programme's award changed since), and another award
 * under a key used before is a conflict.
 *
 * @param membershipId the member's membership
 * @param activity the activity's code in the programme's rules, at most {@link ProgrammeRules#MAX_ACTIVITY_CODE}
 *     characters
 * @param reference which activity (the host's review or visit id), optional, at most 100 characters
 * @param idempotencyKey the caller's key, at most 100 characters, unique in the tenant
 */
public record AwardActivity(UUID membershipId, String activity, String reference, String idempotencyKey) {
    /**
     * Checks the rules above.
     *
     * @throws ValidationException naming the first component that breaks one
     */
    public AwardActivity {
        Checks.id("membershipId", membershipId);
        Checks.text("activity", activity, ProgrammeRules.MAX_ACTIVITY_CODE);
        reference = Checks.optionalText("reference", reference, 100);
        Checks.text("idempotencyKey", idempotencyKey, 100);
    }

    /** Awards {@code activity} (the host's {@code reference} for it) under {@code idempotencyKey}. */
    public static AwardActivity of(UUID membershipId, String activity, String reference, String idempotencyKey) {
        return new AwardActivity(membershipId, activity, reference, idempotencyKey);
    }
}
