package dev.crmkit.model.customfield;

import dev.crmkit.model.Checks;
import dev.crmkit.model.ValidationException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.regex.Pattern;

/**
 * A typed value of a custom field. Values are normalized on construction so that a value read back from any
 * backend {@code equals} the value written: numbers lose trailing zeros.
 */
public sealed interface CustomFieldValue {
    /** The longest text value. */
    int MAX_TEXT = 500;

    /** Custom field keys: a lower-case letter, then up to 62 lower-case letters, digits or underscores. */
    Pattern KEY = Pattern.compile("[a-z][a-z0-9_]{0,62}");

    /** The type of this value. */
    CustomFieldType type();

    /** Validates a custom field key against {@link #KEY}; keys become part of queries, so this is a whitelist. */
    static String checkKey(String field, String key) {
        Checks.required(field, key);
        if (!KEY.matcher(key).matches()) {
            throw new ValidationException(field, "must be a lower-case letter followed by up to 62 lower-case letters, digits or '_'");
        }
        return key;
    }

    /** A text value. */
    record Text(String value) implements CustomFieldValue {
        /**
         * @throws ValidationException ({@code value}) when the text is null or longer than {@link #MAX_TEXT}
         *     characters; empty text is a value
         */
        public Text {
            Checks.optionalText("value", Checks.required("value", value), MAX_TEXT);
        }

        @Override
        public CustomFieldType type() {
            return CustomFieldType.TEXT;
        }
    }

    /** A decimal value with at most 18 integer and 10 fraction digits, trailing zeros removed. */
    record Number(BigDecimal value) implements CustomFieldValue {
        private static final BigDecimal LIMIT = BigDecimal.TEN.pow(18);

        /**
         * Keeps the number without trailing zeros ({@code 2.50} is stored as {@code 2.5}, zero as {@code 0}), so
         * equal numbers are equal values in every backend.
         *
         * @throws ValidationException ({@code value}) when it is null, has 18 or more digits before the point or
         *     more than 10 after it
         */
        public Number {
            Checks.required("value", value);
            if (value.abs().compareTo(LIMIT) >= 0) {
                throw new ValidationException("value", "must have at most 18 digits before the decimal point");
            }
            if (value.stripTrailingZeros().scale() > 10) {
                throw new ValidationException("value", "must have at most 10 digits after the decimal point");
            }
            value = value.signum() == 0 ? BigDecimal.ZERO : value.stripTrailingZeros();
            if (value.scale() < 0) {
                value = value.setScale(0);
            }
        }

        @Override
        public CustomFieldType type() {
            return CustomFieldType.NUMBER;
        }
    }

    /** A date value between the years 1000 and 9999. */
    record Date(LocalDate value) implements CustomFieldValue {
        /** @throws ValidationException ({@code value}) when the date is null or outside the years 1000 to 9999 */
        public Date {
            Checks.required("value", value);
            if (value.getYear() < 1000 || value.getYear() > 9999) {
                throw new ValidationException("value", "must lie between the years 1000 and 9999");
            }
        }

        @Override
        public CustomFieldType type() {
            return CustomFieldType.DATE;
        }
    }

    /** A boolean value. */
    record Bool(boolean value) implements CustomFieldValue {
        @Override
        public CustomFieldType type() {
            return CustomFieldType.BOOLEAN;
        }
    }
}
