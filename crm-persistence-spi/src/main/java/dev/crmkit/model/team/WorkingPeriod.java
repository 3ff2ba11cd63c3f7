package dev.crmkit.model.team;

import dev.crmkit.model.Checks;
import dev.crmkit.model.ValidationException;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * One stretch of working time on a day of the week, in local time: from {@code opens} (included) to {@code closes}
 * (excluded); {@code closes} of midnight is the end of the day, so {@code 00:00-00:00} is the whole day. The weekly
 * hours of a service team's business calendar and of an agent are lists of these.
 *
 * @param day    the day of the week
 * @param opens  when work starts
 * @param closes when work ends: after {@code opens}, or midnight for the end of the day
 */
public record WorkingPeriod(DayOfWeek day, LocalTime opens, LocalTime closes) {
    /** The most periods a week may hold. */
    public static final int MAX_PER_WEEK = 70;

    /**
     * Checks the period; times are kept to the minute.
     *
     * @throws ValidationException ({@code day}, {@code opens}, {@code closes}) when one is null; ({@code opens},
     *     {@code closes}) when it has seconds; ({@code closes}) when it is not after {@code opens} and not midnight
     */
    public WorkingPeriod {
        Checks.required("day", day);
        Checks.required("opens", opens);
        Checks.required("closes", closes);
        if (opens.getSecond() != 0 || opens.getNano() != 0) {
            throw new ValidationException("opens", "must be a whole minute");
        }
        if (closes.getSecond() != 0 || closes.getNano() != 0) {
            throw new ValidationException("closes", "must be a whole minute");
        }
        if (!closes.equals(LocalTime.MIDNIGHT) && !closes.isAfter(opens)) {
            throw new ValidationException("closes", "must be after opens, or midnight for the end of the day");
        }
    }

    /** Whether it runs to the end of the day. */
    public boolean toEndOfDay() {
        return closes.equals(LocalTime.MIDNIGHT);
    }

    /** Whether the local {@code time} of this period's day lies inside it. */
    public boolean contains(LocalTime time) {
        return !time.isBefore(opens) && (toEndOfDay() || time.isBefore(closes));
    }

    /** Whether this period and {@code other} share a moment: the same day, and each starts before the other ends. */
    public boolean overlaps(WorkingPeriod other) {
        return day == other.day && (toEndOfDay() || closes.isAfter(other.opens))
                && (other.toEndOfDay() || other.closes.isAfter(opens));
    }

    /**
     * A week of periods checked and in order (by day, then opening time), unmodifiable.
     *
     * @param field the field to name in an error
     * @throws ValidationException ({@code field}) when the list is null, holds null, holds more than
     *     {@link #MAX_PER_WEEK} periods or two periods overlap
     */
    public static List<WorkingPeriod> week(String field, List<WorkingPeriod> periods) {
        Checks.noNulls(field, periods);
        if (periods.size() > MAX_PER_WEEK) {
            throw new ValidationException(field, "must hold at most " + MAX_PER_WEEK + " periods");
        }
        List<WorkingPeriod> sorted = new ArrayList<>(periods);
        sorted.sort(Comparator.comparing(WorkingPeriod::day).thenComparing(WorkingPeriod::opens));
        for (int i = 1; i < sorted.size(); i++) {
            if (sorted.get(i - 1).overlaps(sorted.get(i))) {
                throw new ValidationException(field, "has overlapping hours on " + sorted.get(i).day());
            }
        }
        return List.copyOf(sorted);
    }

    /**
     * A time zone id checked to be one the JDK knows ({@code Europe/Berlin}, {@code UTC}).
     *
     * @throws ValidationException ({@code field}) when it is missing or not a known zone
     */
    public static String zone(String field, String zoneId) {
        Checks.required(field, zoneId);
        try {
            return java.time.ZoneId.of(zoneId).getId();
        } catch (java.time.DateTimeException e) {
            throw new ValidationException(field, "is not a known time zone");
        }
    }
}
