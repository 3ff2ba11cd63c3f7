package dev.crmkit.model.opportunity;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * The won deals of a period and the sum of their cycles, each from creation to close in whole seconds (a backend
 * may round a cycle's sub-second part either way).
 */
public record SalesCycle(long wonCount, long totalSeconds) {
    private static final BigDecimal SECONDS_PER_DAY = BigDecimal.valueOf(86_400);

    /** The average cycle in days, to two places half-even; zero when nothing was won. */
    public BigDecimal averageDays() {
        return wonCount == 0 ? BigDecimal.ZERO.setScale(2)
                : BigDecimal.valueOf(totalSeconds).divide(SECONDS_PER_DAY.multiply(BigDecimal.valueOf(wonCount)), 2,
                        RoundingMode.HALF_EVEN);
    }
}
