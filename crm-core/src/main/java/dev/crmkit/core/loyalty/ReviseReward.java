package dev.crmkit.core.loyalty;

import dev.crmkit.model.Checks;
import dev.crmkit.model.ValidationException;

/**
 * Replaces a reward's terms (its stock included: a restock, or 0 to stop redemptions) over the version the caller
 * read, so that a revision and a redemption taking from the stock at once cannot both win unnoticed. Ending its
 * window withdraws it.
 *
 * @param code the reward's code
 * @param expectedVersion the version the caller read, 1 or more
 * @param terms the terms from now on
 */
public record ReviseReward(String code, long expectedVersion, RewardTerms terms) {
    /**
     * Checks the rules above.
     *
     * @throws ValidationException naming the first component that breaks one
     */
    public ReviseReward {
        Checks.text("code", code, 100);
        Checks.version("expectedVersion", expectedVersion);
        Checks.required("terms", terms);
    }

    /** Revises the reward {@code code}, read at {@code expectedVersion}, to these terms. */
    public static ReviseReward of(String code, long expectedVersion, RewardTerms terms) {
        return new ReviseReward(code, expectedVersion, terms);
    }
}
