package dev.crmkit.model.opportunity;

import dev.crmkit.model.Checks;
import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * How many deals of one currency and their summed amount (scale 4); {@code currency} is null for deals without an
 * amount, whose total is zero.
 */
public record CurrencyTotal(String currency, long count, BigDecimal total) {
    /**
     * Keeps the total at scale 4.
     *
     * @throws dev.crmkit.model.ValidationException ({@code total}) when it is null or has more than four decimal places
     */
    public CurrencyTotal {
        total = Checks.scaled("total", total, 4);
    }

    /** The average amount, total / count, to four places half-even. */
    public BigDecimal average() {
        return count == 0 ? BigDecimal.ZERO.setScale(4)
                : total.divide(BigDecimal.valueOf(count), 4, RoundingMode.HALF_EVEN);
    }
}
