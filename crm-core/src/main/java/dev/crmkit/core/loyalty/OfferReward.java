package dev.crmkit.core.loyalty;

import dev.crmkit.model.Checks;
import dev.crmkit.model.ValidationException;

/**
 * Adds a reward to the tenant's stored catalogue. Offering it again on the same terms (a retry) returns the reward
 * there is; other terms under a code in use are a conflict: revise it instead.
 *
 * @param code the reward's code, 1 to 100 characters, unique in the tenant
 * @param terms what it is and costs
 */
public record OfferReward(String code, RewardTerms terms) {
    /**
     * Checks that both are present and fit.
     *
     * @throws ValidationException naming the first component that does not
     */
    public OfferReward {
        Checks.text("code", code, 100);
        Checks.required("terms", terms);
    }

    /** Offers the reward {@code code} on these terms. */
    public static OfferReward of(String code, RewardTerms terms) {
        return new OfferReward(code, terms);
    }
}
