package dev.crmkit.core.ticket;

import dev.crmkit.model.Checks;
import dev.crmkit.model.ValidationException;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;

/**
 * One stretch of working time in a day, in the calendar's local time: from {@code opens} (included) to {@code closes}
 * (excluded). {@code closes} of {@link LocalTime#MIDNIGHT} means the end of the day, so {@code 00:00-00:00} is the
 * whole day.
 *
 * @param opens  when work starts
 * @param closes when work ends; after {@code opens}, or midnight for the end of the day
 */
public record BusinessHours(LocalTime opens, LocalTime closes) {
    /**
     * Checks the stretch.
     *
     * @throws ValidationException ({@code opens}, {@code closes}) when one is null; ({@code closes}) when it is not
     *     after {@code opens} and not midnight
     */
    public BusinessHours {
        Checks.required("opens", opens);
        Checks.required("closes", closes);
        if (!closes.equals(LocalTime.MIDNIGHT) && !closes.isAfter(opens)) {
            throw new ValidationException("closes", "must be after opens, or midnight for the end of the day");
        }
    }

    /**
     * The stretch from {@code opens} to {@code closes}, given as {@code HH:mm}.
     *
     * @throws ValidationException ({@code opens}, {@code closes}) when one is missing or not a time of day
     */
    public static BusinessHours of(String opens, String closes) {
        return new BusinessHours(time("opens", opens), time("closes", closes));
    }

    private static LocalTime time(String field, String text) {
        try {
            return LocalTime.parse(Checks.required(field, text));
        } catch (DateTimeParseException e) {
            throw new ValidationException(field, "must be a time of day such as 09:00");
        }
    }

    /** Whether it runs to the end of the day. */
    boolean toEndOfDay() {
        return closes.equals(LocalTime.MIDNIGHT);
    }

    /** Whether this stretch ends after {@code other} starts, on the same day. */
    boolean overlaps(BusinessHours other) {
        return (toEndOfDay() || closes.isAfter(other.opens)) && (other.toEndOfDay() || other.closes.isAfter(opens));
    }
}
