package dev.crmkit.core.common;

import dev.crmkit.model.Checks;
import dev.crmkit.model.ValidationException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;
import java.util.Objects;

/**
 * An amount of one currency: a {@link BigDecimal} at the currency's scale (two places for EUR, none for JPY),
 * never a {@code double}. Arithmetic between two amounts requires the same currency; converting is the job of the
 * exchange-rate port, not of this value.
 *
 * <p>Amounts are limited to 15 digits before the decimal point, which every backend's {@code DECIMAL(19,4)}
 * column holds. Rounding, where an operation needs it (a discount, a weighted amount), is half-even.
 */
public record Money(BigDecimal amount, Currency currency) implements Comparable<Money> {
    /** The largest absolute amount: 15 integer digits. */
    public static final BigDecimal MAX = new BigDecimal("999999999999999");

    /**
     * Brings the amount to the currency's scale ({@code 5} EUR becomes {@code 5.00}) without rounding.
     *
     * @throws ValidationException ({@code amount}, {@code currency}) when either is null; ({@code amount}) when it has
     *     more decimal places than the currency allows or more than 15 digits before the point
     */
    public Money {
        Checks.required("amount", amount);
        Checks.required("currency", currency);
        int scale = Math.max(currency.getDefaultFractionDigits(), 0);
        if (amount.stripTrailingZeros().scale() > scale) {
            throw new ValidationException("amount", "has more decimal places than " + currency.getCurrencyCode()
                    + " allows (" + scale + ")");
        }
        amount = amount.setScale(scale, RoundingMode.UNNECESSARY);
        if (amount.abs().compareTo(MAX) > 0) {
            throw new ValidationException("amount", "must be at most 15 digits before the decimal point");
        }
    }

    /** An amount of a currency given by its ISO 4217 code, such as {@code EUR}. */
    public static Money of(String amount, String currencyCode) {
        Checks.required("amount", amount);
        try {
            return new Money(new BigDecimal(amount), currency(currencyCode));
        } catch (NumberFormatException e) {
            throw new ValidationException("amount", "must be a decimal number such as 1250.00");
        }
    }

    /** An amount of a currency given by its ISO 4217 code. */
    public static Money of(BigDecimal amount, String currencyCode) {
        return new Money(amount, currency(currencyCode));
    }

    /** Zero of the currency. */
    public static Money zero(Currency currency) {
        return new Money(BigDecimal.ZERO, currency);
    }

    /**
     * The currency with this ISO 4217 code.
     *
     * @throws ValidationException ({@code currency}) when the code is not one
     */
    public static Currency currency(String code) {
        Checks.text("currency", code, 3);
        try {
            return Currency.getInstance(code);
        } catch (IllegalArgumentException e) {
            throw new ValidationException("currency", "must be an ISO 4217 code such as EUR");
        }
    }

    /** The ISO 4217 code. */
    public String currencyCode() {
        return currency.getCurrencyCode();
    }

    /** This plus {@code other}, which must be of the same currency. */
    public Money plus(Money other) {
        return new Money(amount.add(sameCurrency(other).amount), currency);
    }

    /** This minus {@code other}, which must be of the same currency. */
    public Money minus(Money other) {
        return new Money(amount.subtract(sameCurrency(other).amount), currency);
    }

    /** This times a factor (a quantity, a probability), rounded half-even to the currency's scale. */
    public Money times(BigDecimal factor) {
        Objects.requireNonNull(factor, "factor");
        return new Money(amount.multiply(factor).setScale(amount.scale(), RoundingMode.HALF_EVEN), currency);
    }

    /** This reduced by {@code percent} (0 to 100), rounded half-even to the currency's scale. */
    public Money lessPercent(BigDecimal percent) {
        Objects.requireNonNull(percent, "percent");
        BigDecimal factor = BigDecimal.ONE.subtract(percent.movePointLeft(2));
        return times(factor);
    }

    /** Whether the amount is below zero. */
    public boolean isNegative() {
        return amount.signum() < 0;
    }

    /** Compares amounts of the same currency. */
    @Override
    public int compareTo(Money other) {
        return amount.compareTo(sameCurrency(other).amount);
    }

    private Money sameCurrency(Money other) {
        Objects.requireNonNull(other, "other");
        if (!currency.equals(other.currency)) {
            throw new ValidationException("currency", "must be " + currency.getCurrencyCode() + " like the amount it"
                    + " is combined with, not " + other.currency.getCurrencyCode());
        }
        return other;
    }

    @Override
    public String toString() {
        return amount.toPlainString() + " " + currency.getCurrencyCode();
    }
}
