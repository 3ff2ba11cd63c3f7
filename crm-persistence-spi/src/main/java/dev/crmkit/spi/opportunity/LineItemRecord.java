package dev.crmkit.spi.opportunity;

import dev.crmkit.model.Checks;
import dev.crmkit.model.ValidationException;
import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * One line of a deal: a product reference (the host catalogue's id, 1 to 100 characters), a positive quantity,
 * a non-negative unit price in the opportunity's currency, and a discount of 0 to 100 percent. Decimals carry at
 * most four places and are kept at scale 4.
 */
public record LineItemRecord(String productRef, BigDecimal quantity, BigDecimal unitPrice, BigDecimal discountPercent) {
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    /**
     * Checks the rules above and keeps the decimals at scale 4.
     *
     * @throws ValidationException naming the first component that breaks a rule
     */
    public LineItemRecord {
        Checks.text("productRef", productRef, 100);
        quantity = Checks.amount("quantity", quantity);
        if (quantity.signum() == 0) {
            throw new ValidationException("quantity", "must be positive");
        }
        unitPrice = Checks.amount("unitPrice", unitPrice);
        discountPercent = Checks.amount("discountPercent", discountPercent);
        if (discountPercent.compareTo(HUNDRED) > 0) {
            throw new ValidationException("discountPercent", "must be 0 to 100");
        }
    }

    /** Quantity times unit price less the discount, rounded half-even to {@code scale} places. */
    public BigDecimal total(int scale) {
        BigDecimal factor = BigDecimal.ONE.subtract(discountPercent.movePointLeft(2));
        return quantity.multiply(unitPrice).multiply(factor).setScale(scale, RoundingMode.HALF_EVEN);
    }
}
