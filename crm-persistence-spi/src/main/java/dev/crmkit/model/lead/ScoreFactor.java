package dev.crmkit.model.lead;

import dev.crmkit.model.Checks;
import dev.crmkit.model.ValidationException;

/**
 * One line of a lead score's explanation: a factor's code (such as {@code fit.industry} or
 * {@code engagement.inbound}, 1 to 64 characters without tab or line break) and the points it added (positive) or
 * took away (negative), -1000 to 1000.
 */
public record ScoreFactor(String code, int points) {
    /**
     * Checks the rules above. Errors name {@code scoreFactors[].code} or {@code scoreFactors[].points}.
     *
     * @throws ValidationException naming the first component that breaks a rule
     */
    public ScoreFactor {
        Checks.text("scoreFactors[].code", code, 64);
        if (code.indexOf('\t') >= 0 || code.indexOf('\n') >= 0 || code.indexOf('\r') >= 0) {
            throw new ValidationException("scoreFactors[].code", "must not contain tabs or line breaks");
        }
        if (points < -1000 || points > 1000) {
            throw new ValidationException("scoreFactors[].points", "must be -1000 to 1000");
        }
    }
}
