package dev.crmkit.core.port;

import dev.crmkit.model.Checks;
import dev.crmkit.model.ValidationException;

/**
 * A reward the host offers: its code (at most 100 characters) and what one costs in redeemable points.
 *
 * @param rewardCode the reward's code
 * @param points what one costs, at least 1
 */
public record CatalogueReward(String rewardCode, long points) {
    /**
     * Checks the rules above.
     *
     * @throws ValidationException naming the first component that breaks one
     */
    public CatalogueReward {
        Checks.text("rewardCode", rewardCode, 100);
        if (points < 1) {
            throw new ValidationException("points", "must be at least 1");
        }
    }
}
