package dev.crmkit.core.port;

import dev.crmkit.core.common.Money;
import dev.crmkit.model.NotFoundException;
import dev.crmkit.model.ValidationException;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.Currency;
import java.util.Optional;

/**
 * Exchange rates by date, supplied by the host (its treasury's table, a central bank feed): the port the forecast
 * converts amounts in several currencies into a reporting currency through. {@link FixedExchangeRates} is the
 * implementation that ships, a table given up front.
 */
public interface ExchangeRates {
    /**
     * The rate from one currency into another that applies on the given day: the host decides which (the latest
     * published on or before the day, the month's average rate, ...).
     *
     * @return the rate, or empty when the host has none for the pair on that day; never a rate of other currencies
     */
    Optional<ExchangeRate> rate(Currency from, Currency to, LocalDate date);

    /**
     * Converts the amount into {@code to} at the rate of {@code date}, rounding half-even to the target currency's
     * scale, and says which rate it used. An amount already in {@code to} is returned as it is, without a rate.
     *
     * @throws ValidationException ({@code amount}, {@code to}, {@code date}) when null
     * @throws NotFoundException ({@code exchange rate}, {@code EUR/USD@2026-03-31}) when there is no rate for the
     *     pair on that day
     */
    default Conversion convert(Money amount, Currency to, LocalDate date) {
        if (amount == null) {
            throw new ValidationException("amount", "is required");
        }
        if (to == null) {
            throw new ValidationException("to", "is required");
        }
        if (date == null) {
            throw new ValidationException("date", "is required");
        }
        if (amount.currency().equals(to)) {
            return new Conversion(amount, amount, null);
        }
        ExchangeRate rate = rate(amount.currency(), to, date)
                .orElseThrow(() -> new NotFoundException("exchange rate",
                        amount.currency().getCurrencyCode() + "/" + to.getCurrencyCode() + "@" + date));
        int scale = Math.max(to.getDefaultFractionDigits(), 0);
        Money converted = new Money(amount.amount().multiply(rate.rate()).setScale(scale, RoundingMode.HALF_EVEN), to);
        return new Conversion(amount, converted, rate);
    }
}
