package dev.crmkit.core.port;

import dev.crmkit.model.ValidationException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Currency;

/**
 * The rate at which one currency converted into another from a given day: one unit of {@code from} is worth
 * {@code rate} units of {@code to}. A conversion keeps the rate it used, so a report can say which rate made its
 * numbers.
 *
 * @param from the currency converted from
 * @param to the currency converted into
 * @param date the day from which the rate applies (until the next rate of the pair)
 * @param rate units of {@code to} per unit of {@code from}; above zero
 */
public record ExchangeRate(Currency from, Currency to, LocalDate date, BigDecimal rate) {
    /**
     * @throws ValidationException ({@code from}, {@code to}, {@code date}) when null; ({@code to}) when it equals
     *     {@code from}; ({@code rate}) when null or not above zero
     */
    public ExchangeRate {
        if (from == null) {
            throw new ValidationException("from", "is required");
        }
        if (to == null) {
            throw new ValidationException("to", "is required");
        }
        if (to.equals(from)) {
            throw new ValidationException("to", "must differ from from");
        }
        if (date == null) {
            throw new ValidationException("date", "is required");
        }
        if (rate == null || rate.signum() <= 0) {
            throw new ValidationException("rate", "must be above zero");
        }
    }

    /** A rate from its currency codes, such as {@code of("EUR", "USD", date, "1.0842")}. */
    public static ExchangeRate of(String from, String to, LocalDate date, String rate) {
        return new ExchangeRate(currency("from", from), currency("to", to), date, decimal(rate));
    }

    private static Currency currency(String field, String code) {
        try {
            return Currency.getInstance(code);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new ValidationException(field, "is no ISO 4217 currency code");
        }
    }

    private static BigDecimal decimal(String rate) {
        try {
            return new BigDecimal(rate);
        } catch (NumberFormatException | NullPointerException e) {
            throw new ValidationException("rate", "is no decimal number");
        }
    }
}
