package dev.crmkit.core.opportunity;

import dev.crmkit.core.common.Money;
import dev.crmkit.model.Checks;
import dev.crmkit.spi.opportunity.LineItemRecord;
import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * One line of a deal: a product reference (the host catalogue's id, 1 to 100 characters), a positive quantity (at
 * most four places), a unit price, and a discount of 0 to 100 percent (at most four places). Its {@link #total()}
 * is quantity times unit price less the discount, rounded once, half-even, to the currency's scale.
 */
public record LineItem(String productRef, BigDecimal quantity, Money unitPrice, BigDecimal discountPercent) {
    /**
     * Checks the rules above, strips the product reference and keeps quantity and discount without trailing zeros.
     *
     * @throws dev.crmkit.model.ValidationException naming the first component that breaks a rule
     */
    public LineItem {
        Checks.required("unitPrice", unitPrice);
        // the storage record holds the same rules; building it validates with the same field names
        LineItemRecord valid = new LineItemRecord(productRef, quantity, unitPrice.amount(), discountPercent);
        productRef = valid.productRef().strip();
        quantity = valid.quantity().stripTrailingZeros();
        discountPercent = valid.discountPercent().stripTrailingZeros();
    }

    /** A line without discount. */
    public static LineItem of(String productRef, String quantity, Money unitPrice) {
        Checks.required("quantity", quantity);
        try {
            return new LineItem(productRef, new BigDecimal(quantity), unitPrice, BigDecimal.ZERO);
        } catch (NumberFormatException e) {
            throw new dev.crmkit.model.ValidationException("quantity", "must be a decimal number such as 2.5");
        }
    }

    /** This line with a discount in percent, 0 to 100. */
    public LineItem withDiscount(String percent) {
        Checks.required("discountPercent", percent);
        try {
            return new LineItem(productRef, quantity, unitPrice, new BigDecimal(percent));
        } catch (NumberFormatException e) {
            throw new dev.crmkit.model.ValidationException("discountPercent", "must be a decimal number such as 12.5");
        }
    }

    /** Quantity times unit price less the discount, in the unit price's currency. */
    public Money total() {
        BigDecimal factor = BigDecimal.ONE.subtract(discountPercent.movePointLeft(2));
        BigDecimal exact = quantity.multiply(unitPrice.amount()).multiply(factor);
        return new Money(exact.setScale(unitPrice.amount().scale(), RoundingMode.HALF_EVEN), unitPrice.currency());
    }

    LineItemRecord toRecord() {
        return new LineItemRecord(productRef, quantity, unitPrice.amount(), discountPercent);
    }

    static LineItem of(LineItemRecord record, String currency) {
        return new LineItem(record.productRef(), record.quantity(), Money.of(record.unitPrice(), currency),
                record.discountPercent());
    }
}
