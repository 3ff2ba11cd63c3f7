package dev.crmkit.spi.loyalty;

import dev.crmkit.model.Checks;
import dev.crmkit.model.ValidationException;
import java.math.BigDecimal;

/**
 * What came back of one order line: {@code quantity} units of line {@code lineNumber} (its position in the order,
 * from 1), refunded with {@code amount} in the order's currency (not negative, at most four places, normalized to
 * scale 4).
 *
 * @param lineNumber the order line, from 1
 * @param quantity how many units came back, at least 1
 * @param amount what was refunded for them
 */
public record ReturnLineRecord(int lineNumber, int quantity, BigDecimal amount) {
    /**
     * Checks the rules above.
     *
     * @throws ValidationException naming the first component that breaks a rule
     */
    public ReturnLineRecord {
        Checks.positive("lineNumber", lineNumber);
        Checks.positive("quantity", quantity);
        amount = Checks.amount("amount", amount);
    }
}
