package dev.crmkit.spi.opportunity;

import dev.crmkit.spi.Checks;
import dev.crmkit.spi.ValidationException;
import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * The decimals the opportunity records hold: at most four places and fifteen integer digits, which every backend's
 * {@code DECIMAL(19,4)} keeps exactly. Values are normalized to scale 4, so a value reads back equal.
 */
final class Decimals {
    /** The largest absolute value: 15 integer digits. */
    static final BigDecimal MAX = new BigDecimal("999999999999999.9999");

    private Decimals() {
    }

    static BigDecimal nonNegative(String field, BigDecimal value) {
        Checks.required(field, value);
        return optionalNonNegative(field, value);
    }

    static BigDecimal optionalNonNegative(String field, BigDecimal value) {
        if (value == null) {
            return null;
        }
        if (value.signum() < 0) {
            throw new ValidationException(field, "must not be negative");
        }
        BigDecimal scaled = scaled(field, value, 4);
        if (scaled.compareTo(MAX) > 0) {
            throw new ValidationException(field, "must be at most 15 digits before the decimal point");
        }
        return scaled;
    }

    /** The value at {@code scale}, rejecting more places. */
    static BigDecimal scaled(String field, BigDecimal value, int scale) {
        Checks.required(field, value);
        if (value.stripTrailingZeros().scale() > scale) {
            throw new ValidationException(field, "must have at most " + scale + " decimal places");
        }
        return value.setScale(scale, RoundingMode.UNNECESSARY);
    }

    /** Validates an optional ISO 4217-shaped currency code: three upper-case ASCII letters. */
    static String currency(String field, String code) {
        if (code == null) {
            return null;
        }
        if (code.length() != 3 || !code.chars().allMatch(c -> c >= 'A' && c <= 'Z')) {
            throw new ValidationException(field, "must be a three-letter ISO 4217 code such as EUR");
        }
        return code;
    }
}
