package dev.crmkit.core.loyalty;

import dev.crmkit.model.Checks;
import dev.crmkit.model.ValidationException;

/**
 * Replaces a programme's accrual rules whole, over the version the caller read, so that two administrators revising
 * at once cannot both win unnoticed. What members earned before stays as it was posted.
 *
 * @param code the programme's code
 * @param expectedVersion the version the caller read, 1 or more
 * @param rules the rules from now on
 */
public record ReviseProgramme(String code, long expectedVersion, ProgrammeRules rules) {
    /**
     * Checks the rules above.
     *
     * @throws ValidationException naming the first component that breaks one
     */
    public ReviseProgramme {
        Checks.text("code", code, 64);
        Checks.version("expectedVersion", expectedVersion);
        Checks.required("rules", rules);
    }

    /** Revises the programme {@code code}, read at {@code expectedVersion}, to these rules. */
    public static ReviseProgramme of(String code, long expectedVersion, ProgrammeRules rules) {
        return new ReviseProgramme(code, expectedVersion, rules);
    }
}
