package dev.crmkit.core.loyalty;

import dev.crmkit.model.Checks;
import dev.crmkit.model.ValidationException;
import java.util.UUID;

/**
 * Spends a member's redeemable points on a reward from the host's
 * {@link dev.crmkit.core.port.RewardCatalogue}. The idempotency key makes it safe to retry: a retried redemption
 * returns the entry posted first, and another redemption under a key used before is a conflict.
 *
 * @param membershipId the membership whose points are spent
 * @param rewardCode the reward's code, at most 100 characters
 * @param quantity how many, 1 to 100
 * @param idempotencyKey the caller's key, at most 100 characters, unique in the tenant
 */
public record RedeemReward(UUID membershipId, String rewardCode, int quantity, String idempotencyKey) {
    /**
     * Checks the rules above.
     *
     * @throws ValidationException naming the first component that breaks one
     */
    public RedeemReward {
        Checks.id("membershipId", membershipId);
        Checks.text("rewardCode", rewardCode, 100);
        if (quantity < 1 || quantity > 100) {
            throw new ValidationException("quantity", "must be 1 to 100");
        }
        Checks.text("idempotencyKey", idempotencyKey, 100);
    }

    /** One of the reward. */
    public static RedeemReward of(UUID membershipId, String rewardCode, String idempotencyKey) {
        return new RedeemReward(membershipId, rewardCode, 1, idempotencyKey);
    }
}
