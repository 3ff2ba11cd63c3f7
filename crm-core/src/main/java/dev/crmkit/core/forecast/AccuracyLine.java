package dev.crmkit.core.forecast;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Optional;
import java.util.UUID;

/**
 * One forecast figure next to what actually closed won in the period, in the accuracy's currency.
 *
 * @param level a rep's own deals, a manager's team, or everyone
 * @param memberId the rep or the manager; null for the total
 * @param measure which figure of the forecast
 * @param forecast what the forecast said
 * @param actual what closed won in the period
 */
public record AccuracyLine(AccuracyLevel level, UUID memberId, ForecastMeasure measure, BigDecimal forecast,
        BigDecimal actual) {
    /** Forecast minus actual: positive when the forecast was too high. */
    public BigDecimal error() {
        return forecast.subtract(actual);
    }

    /**
     * The absolute percentage error as a fraction, {@code |forecast - actual| / actual} to four places, half-even
     * ({@code 0.1250} is 12.5 %); empty when nothing closed, where a percentage has no meaning.
     */
    public Optional<BigDecimal> absolutePercentageError() {
        if (actual.signum() == 0) {
            return Optional.empty();
        }
        return Optional.of(error().abs().divide(actual.abs(), 4, RoundingMode.HALF_EVEN));
    }
}
