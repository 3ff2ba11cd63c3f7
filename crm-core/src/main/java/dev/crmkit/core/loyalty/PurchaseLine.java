package dev.crmkit.core.loyalty;

import dev.crmkit.core.common.Money;
import dev.crmkit.model.Checks;
import dev.crmkit.model.ValidationException;

/**
 * One line of an order: {@code quantity} units of the host's product for {@code amount} in all (not negative), in a
 * category. A line reported without its category takes the one the host's
 * {@link dev.crmkit.core.port.ProductCatalogue} gives.
 *
 * @param productReference the host's product reference, at most 100 characters
 * @param category the product's category code, at most 64 characters; null to ask the catalogue
 * @param quantity how many units, at least 1
 * @param amount what the line cost in all
 */
public record PurchaseLine(String productReference, String category, int quantity, Money amount) {
    /**
     * Checks the rules above.
     *
     * @throws ValidationException naming the first component that breaks one
     */
    public PurchaseLine {
        Checks.text("productReference", productReference, 100);
        if (category != null) {
            Checks.text("category", category, 64);
        }
        if (quantity < 1) {
            throw new ValidationException("quantity", "must be at least 1");
        }
        Checks.required("amount", amount);
        if (amount.isNegative()) {
            throw new ValidationException("amount", "must not be negative");
        }
    }

    /** A line without its category, which the product catalogue then gives. */
    public static PurchaseLine of(String productReference, int quantity, Money amount) {
        return new PurchaseLine(productReference, null, quantity, amount);
    }

    /** This line in {@code category}. */
    public PurchaseLine inCategory(String category) {
        return new PurchaseLine(productReference, Checks.required("category", category), quantity, amount);
    }
}
