package dev.crmkit.core.port;

import dev.crmkit.core.common.Money;
import dev.crmkit.model.ValidationException;
import java.util.Optional;

/**
 * An amount converted into another currency, with the rate used (none when the amount was already in that
 * currency), so that a report in a reporting currency can show which rate made each number.
 *
 * @param original the amount as given
 * @param converted the amount in the target currency, rounded half-even to its scale
 * @param rate the rate used, or null when no conversion was needed
 */
public record Conversion(Money original, Money converted, ExchangeRate rate) {
    /**
     * @throws ValidationException ({@code original}, {@code converted}) when null; ({@code rate}) when it does not
     *     convert the original's currency into the converted one, or is missing between different currencies
     */
    public Conversion {
        if (original == null) {
            throw new ValidationException("original", "is required");
        }
        if (converted == null) {
            throw new ValidationException("converted", "is required");
        }
        boolean same = original.currency().equals(converted.currency());
        if (same && rate != null) {
            throw new ValidationException("rate", "must be absent when the currency does not change");
        }
        if (!same && (rate == null || !rate.from().equals(original.currency())
                || !rate.to().equals(converted.currency()))) {
            throw new ValidationException("rate", "must convert the original's currency into the converted one");
        }
    }

    /** The rate used, empty when the amount was already in the target currency. */
    public Optional<ExchangeRate> rateUsed() {
        return Optional.ofNullable(rate);
    }
}
