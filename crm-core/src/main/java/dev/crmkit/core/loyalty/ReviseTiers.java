package dev.crmkit.core.loyalty;

import dev.crmkit.model.Checks;
import dev.crmkit.model.ValidationException;

/**
 * Replaces a programme's tiers whole, over the version the caller read. Members keep the tier they hold until it is
 * next evaluated (a posting may lift them at once; a review decides a downgrade).
 *
 * @param programme the programme's code
 * @param expectedVersion the version of the scheme the caller read, 1 or more
 * @param rules the tiers from now on
 */
public record ReviseTiers(String programme, long expectedVersion, TierRules rules) {
    /**
     * Checks the rules above.
     *
     * @throws ValidationException naming the first component that breaks one
     */
    public ReviseTiers {
        Checks.text("programme", programme, 64);
        Checks.version("expectedVersion", expectedVersion);
        Checks.required("rules", rules);
    }

    /** Revises the tiers of {@code programme}, read at {@code expectedVersion}, to these rules. */
    public static ReviseTiers of(String programme, long expectedVersion, TierRules rules) {
        return new ReviseTiers(programme, expectedVersion, rules);
    }
}
