package dev.crmkit.model;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The validation every record of the storage contract applies in its constructor, so that a value that
 * cannot be stored the same way on every backend never reaches an adapter.
 *
 * <p>Text must be well-formed UTF-16 (no unpaired surrogate), must not contain the NUL character (PostgreSQL
 * rejects it) and must fit its column, measured in Java {@code char}s. Instants are kept at microsecond
 * precision, the finest that PostgreSQL and MariaDB store, and between the years 1000 and 9999.
 */
public final class Checks {
    /** Tenant ids: 1 to 64 characters of letters, digits, dot, dash and underscore. */
    public static final Pattern TENANT_ID = Pattern.compile("[A-Za-z0-9._-]{1,64}");

    /** The largest absolute amount a record holds: 15 integer digits and 4 places, what {@code DECIMAL(19,4)} keeps. */
    public static final BigDecimal MAX_AMOUNT = new BigDecimal("999999999999999.9999");

    private static final Instant EARLIEST = Instant.parse("1000-01-01T00:00:00Z");
    private static final Instant LATEST = Instant.parse("9999-12-31T23:59:59Z");

    private Checks() {
    }

    /** Rejects a null value. */
    public static <T> T required(String field, T value) {
        if (value == null) {
            throw new ValidationException(field, "is required");
        }
        return value;
    }

    /** Validates a tenant id. */
    public static String tenantId(String field, String value) {
        required(field, value);
        // the same test as TENANT_ID, without a regular expression: every record checks its tenant on every read
        boolean valid = !value.isEmpty() && value.length() <= 64;
        for (int i = 0; valid && i < value.length(); i++) {
            char ch = value.charAt(i);
            valid = ch >= 'a' && ch <= 'z' || ch >= 'A' && ch <= 'Z' || ch >= '0' && ch <= '9'
                    || ch == '.' || ch == '_' || ch == '-';
        }
        if (!valid) {
            throw new ValidationException(field, "must be 1 to 64 letters, digits, '.', '-' or '_'");
        }
        return value;
    }

    /** Validates required, non-blank text of at most {@code max} chars. */
    public static String text(String field, String value, int max) {
        required(field, value);
        if (value.isBlank()) {
            throw new ValidationException(field, "must not be blank");
        }
        return optionalText(field, value, max);
    }

    /**
     * Validates a host's user id (an actor, an owner, an assignee, an agent): 1 to 100 characters, not blank, and
     * opaque. User ids travel in event payloads, which carry no personal data, so an e-mail address (anything with an
     * {@code @}) is refused: pass the host's internal id instead.
     */
    public static String userId(String field, String value) {
        text(field, value, 100);
        if (value.indexOf('@') >= 0) {
            throw new ValidationException(field, "must be an opaque user id, not an e-mail address");
        }
        return value;
    }

    /** Validates an optional user id: null passes, otherwise as {@link #userId}. */
    public static String optionalUserId(String field, String value) {
        return value == null ? null : userId(field, value);
    }

    /** Validates optional text: null passes, otherwise at most {@code max} well-formed chars without NUL. */
    public static String optionalText(String field, String value, int max) {
        if (value == null) {
            return null;
        }
        if (value.length() > max) {
            throw new ValidationException(field, "must be at most " + max + " characters");
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '\u0000') {
                throw new ValidationException(field, "must not contain the NUL character");
            }
            if (Character.isHighSurrogate(c)) {
                if (i + 1 >= value.length() || !Character.isLowSurrogate(value.charAt(i + 1))) {
                    throw new ValidationException(field, "must be well-formed text");
                }
                i++;
            } else if (Character.isLowSurrogate(c)) {
                throw new ValidationException(field, "must be well-formed text");
            }
        }
        return value;
    }

    /** Validates a required instant and truncates it to microseconds. */
    public static Instant instant(String field, Instant value) {
        required(field, value);
        return optionalInstant(field, value);
    }

    /** Validates an optional instant and truncates it to microseconds. */
    public static Instant optionalInstant(String field, Instant value) {
        if (value == null) {
            return null;
        }
        if (value.isBefore(EARLIEST) || value.isAfter(LATEST)) {
            throw new ValidationException(field, "must lie between the years 1000 and 9999");
        }
        // every record read back from storage is at microseconds already; truncatedTo divides even then
        return value.getNano() % 1000 == 0 ? value : value.truncatedTo(ChronoUnit.MICROS);
    }

    /** Validates a record version: versions start at 1. */
    public static long version(String field, long value) {
        if (value < 1) {
            throw new ValidationException(field, "must be at least 1");
        }
        return value;
    }

    /** Validates a required id. */
    public static UUID id(String field, UUID value) {
        return required(field, value);
    }

    /** Validates that a collection and its elements are not null. */
    public static <C extends Collection<?>> C noNulls(String field, C values) {
        required(field, values);
        int i = 0;
        for (Object v : values) {
            if (v == null) {
                throw new ValidationException(field + "[" + i + "]", "is required");
            }
            i++;
        }
        return values;
    }

    /** Validates a positive limit not above {@code max}. */
    public static int limit(String field, int value, int max) {
        if (value < 1 || value > max) {
            throw new ValidationException(field, "must be between 1 and " + max);
        }
        return value;
    }

    /** Validates a positive count: at least 1. */
    public static int positive(String field, int value) {
        if (value < 1) {
            throw new ValidationException(field, "must be at least 1");
        }
        return value;
    }

    /**
     * Validates a required amount of money: not negative, at most four places and fifteen integer digits, which
     * every backend's {@code DECIMAL(19,4)} keeps exactly; the result is at scale 4, so a value reads back equal.
     */
    public static BigDecimal amount(String field, BigDecimal value) {
        required(field, value);
        return optionalAmount(field, value);
    }

    /** Validates an optional amount of money as {@link #amount} does; null stays null. */
    public static BigDecimal optionalAmount(String field, BigDecimal value) {
        if (value == null) {
            return null;
        }
        if (value.signum() < 0) {
            throw new ValidationException(field, "must not be negative");
        }
        BigDecimal scaled = scaled(field, value, 4);
        if (scaled.compareTo(MAX_AMOUNT) > 0) {
            throw new ValidationException(field, "must be at most 15 digits before the decimal point");
        }
        return scaled;
    }

    /** The required value at {@code scale}, rejecting more places. */
    public static BigDecimal scaled(String field, BigDecimal value, int scale) {
        required(field, value);
        if (value.stripTrailingZeros().scale() > scale) {
            throw new ValidationException(field, "must have at most " + scale + " decimal places");
        }
        return value.setScale(scale, RoundingMode.UNNECESSARY);
    }

    /** Validates a required ISO 4217-shaped currency code: three upper-case ASCII letters. */
    public static String currency(String field, String code) {
        required(field, code);
        return optionalCurrency(field, code);
    }

    /** Validates an optional currency code as {@link #currency} does; null stays null. */
    public static String optionalCurrency(String field, String code) {
        if (code == null) {
            return null;
        }
        if (code.length() != 3 || !code.chars().allMatch(c -> c >= 'A' && c <= 'Z')) {
            throw new ValidationException(field, "must be a three-letter ISO 4217 code such as EUR");
        }
        return code;
    }
}
