package dev.crmkit.spi.loyalty;

import dev.crmkit.spi.Checks;
import dev.crmkit.spi.ValidationException;
import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * The amounts and codes the loyalty records hold: amounts of at most four places and fifteen integer digits, which
 * every backend's {@code DECIMAL(19,4)} keeps exactly, normalized to scale 4 so a value reads back equal.
 */
final class Amounts {
    private static final BigDecimal MAX = new BigDecimal("999999999999999.9999");

    private Amounts() {
    }

    static BigDecimal nonNegative(String field, BigDecimal value) {
        Checks.required(field, value);
        if (value.signum() < 0) {
            throw new ValidationException(field, "must not be negative");
        }
        if (value.stripTrailingZeros().scale() > 4) {
            throw new ValidationException(field, "must have at most 4 decimal places");
        }
        BigDecimal scaled = value.setScale(4, RoundingMode.UNNECESSARY);
        if (scaled.compareTo(MAX) > 0) {
            throw new ValidationException(field, "must be at most 15 digits before the decimal point");
        }
        return scaled;
    }

    static String currency(String field, String code) {
        Checks.required(field, code);
        if (code.length() != 3 || !code.chars().allMatch(c -> c >= 'A' && c <= 'Z')) {
            throw new ValidationException(field, "must be a three-letter ISO 4217 code such as EUR");
        }
        return code;
    }

    static int positive(String field, int value) {
        if (value < 1) {
            throw new ValidationException(field, "must be at least 1");
        }
        return value;
    }
}
