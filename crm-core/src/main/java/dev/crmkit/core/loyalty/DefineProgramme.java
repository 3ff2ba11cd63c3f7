package dev.crmkit.core.loyalty;

import dev.crmkit.model.Checks;
import dev.crmkit.model.ValidationException;

/**
 * Defines a new programme of the tenant with its accrual rules. Defining the same programme again with the same
 * rules (a retry) returns the programme there is; other rules under a code in use are a conflict: revise it instead.
 *
 * @param code the programme's code, at most 64 characters, unique in the tenant; memberships name it
 * @param rules how members earn points
 */
public record DefineProgramme(String code, ProgrammeRules rules) {
    /**
     * Checks that both are present and fit.
     *
     * @throws ValidationException naming the first component that does not
     */
    public DefineProgramme {
        Checks.text("code", code, 64);
        Checks.required("rules", rules);
    }

    /** Defines the programme {@code code} with these rules. */
    public static DefineProgramme of(String code, ProgrammeRules rules) {
        return new DefineProgramme(code, rules);
    }
}
