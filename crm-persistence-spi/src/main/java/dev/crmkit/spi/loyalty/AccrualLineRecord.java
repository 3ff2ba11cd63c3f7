package dev.crmkit.spi.loyalty;

import dev.crmkit.model.ValidationException;

/**
 * What one purchase line earned a member, as it was computed when the purchase was recorded; a return takes back its
 * share of these points.
 *
 * @param lineNumber the order line, from 1
 * @param qualifyingPoints the qualifying points it earned, never negative
 * @param redeemablePoints the redeemable points it earned, never negative
 */
public record AccrualLineRecord(int lineNumber, long qualifyingPoints, long redeemablePoints) {
    /**
     * Checks the rules above.
     *
     * @throws ValidationException naming the first component that breaks a rule
     */
    public AccrualLineRecord {
        if (lineNumber < 1) {
            throw new ValidationException("lineNumber", "must be at least 1");
        }
        if (qualifyingPoints < 0) {
            throw new ValidationException("qualifyingPoints", "must not be negative");
        }
        if (redeemablePoints < 0) {
            throw new ValidationException("redeemablePoints", "must not be negative");
        }
    }
}
