package dev.crmkit.core.loyalty;

import dev.crmkit.core.common.Money;
import dev.crmkit.model.Checks;
import dev.crmkit.model.ValidationException;

/**
 * What came back of one order line: {@code quantity} units of line {@code lineNumber} (its position in the order,
 * from 1), refunded with {@code amount}. In a {@link RecordReturn} the amount may be left out: the refund is then the
 * line's share for those units, and the last units of a line refund what is left of it, so a line returned in parts
 * refunds exactly what it cost.
 *
 * @param lineNumber the order line, from 1
 * @param quantity how many units came back, at least 1
 * @param amount the refund, not negative; null in a command to take the line's share
 */
public record ReturnedLine(int lineNumber, int quantity, Money amount) {
    /**
     * Checks the rules above.
     *
     * @throws ValidationException naming the first component that breaks one
     */
    public ReturnedLine {
        if (lineNumber < 1) {
            throw new ValidationException("lineNumber", "must be at least 1");
        }
        if (quantity < 1) {
            throw new ValidationException("quantity", "must be at least 1");
        }
        if (amount != null && amount.isNegative()) {
            throw new ValidationException("amount", "must not be negative");
        }
    }

    /** Units of a line coming back for the line's share. */
    public static ReturnedLine of(int lineNumber, int quantity) {
        return new ReturnedLine(lineNumber, quantity, null);
    }

    /** This return refunding {@code amount} instead of the line's share. */
    public ReturnedLine refunding(Money amount) {
        return new ReturnedLine(lineNumber, quantity, Checks.required("amount", amount));
    }
}
