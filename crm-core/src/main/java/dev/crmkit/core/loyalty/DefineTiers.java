package dev.crmkit.core.loyalty;

import dev.crmkit.model.Checks;
import dev.crmkit.model.ValidationException;

/**
 * Gives a programme its tiers. Defining them again with the same rules (a retry) returns the scheme there is; other
 * rules for a programme that has tiers are a conflict: revise them instead.
 *
 * @param programme the programme's code, 1 to 64 characters
 * @param rules the tiers and how they are reached
 */
public record DefineTiers(String programme, TierRules rules) {
    /**
     * Checks that both are present and fit.
     *
     * @throws ValidationException naming the first component that does not
     */
    public DefineTiers {
        Checks.text("programme", programme, 64);
        Checks.required("rules", rules);
    }

    /** Gives the programme {@code programme} these tiers. */
    public static DefineTiers of(String programme, TierRules rules) {
        return new DefineTiers(programme, rules);
    }
}
