package dev.crmkit.spi.loyalty;

import dev.crmkit.model.Checks;
import dev.crmkit.model.ValidationException;
import java.math.BigDecimal;

/**
 * One line of an order: {@code quantity} units of the host's product {@code productReference} (at most 100
 * characters) in {@code category} (at most 64), for {@code amount} in the order's currency (the line's total, not
 * negative, at most four places, normalized to scale 4). A line's number is its position in the order, from 1.
 *
 * @param productReference the host's product reference
 * @param category the product's category
 * @param quantity how many units, at least 1
 * @param amount what the line cost in all
 */
public record PurchaseLineRecord(String productReference, String category, int quantity, BigDecimal amount) {
    /**
     * Checks the rules above.
     *
     * @throws ValidationException naming the first component that breaks a rule
     */
    public PurchaseLineRecord {
        Checks.text("productReference", productReference, 100);
        Checks.text("category", category, 64);
        Checks.positive("quantity", quantity);
        amount = Checks.amount("amount", amount);
    }
}
