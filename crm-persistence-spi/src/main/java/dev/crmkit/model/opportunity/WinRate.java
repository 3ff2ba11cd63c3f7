package dev.crmkit.model.opportunity;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Optional;

/** How many deals were won and lost in a period; the rate is won / (won + lost). */
public record WinRate(long won, long lost) {
    /**
     * @throws IllegalArgumentException when a count is negative: a store's arithmetic went wrong, not a caller's
     *     input
     */
    public WinRate {
        if (won < 0 || lost < 0) {
            throw new IllegalArgumentException("counts must not be negative");
        }
    }

    /** won / (won + lost) to four places, half-even; empty when nothing closed. */
    public Optional<BigDecimal> rate() {
        long closed = won + lost;
        return closed == 0 ? Optional.empty()
                : Optional.of(BigDecimal.valueOf(won).divide(BigDecimal.valueOf(closed), 4, RoundingMode.HALF_EVEN));
    }
}
