package dev.crmkit.core.ticket;

import dev.crmkit.model.Checks;
import dev.crmkit.model.ValidationException;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * When a service team works: a time zone, working hours per day of the week, and holidays (whole days off). SLA
 * targets are measured in its business time: an hour of business time is an hour inside the working hours.
 *
 * <p>Working hours are local times of the zone and are turned into instants day by day, so a day with a daylight-saving
 * change has as much business time as its hours really last: {@code 00:00-04:00} on the night the clocks go forward at
 * 02:00 lasts three hours. A local time the change skips is taken as the moment after the gap, one that occurs twice as
 * its first occurrence ({@link ZonedDateTime#of}).
 *
 * <p>The arithmetic: {@link #add} walks forward from an instant through the working hours until the business time is
 * used up; {@link #between} counts the business time in a span. They agree: {@code between(t, add(t, d))} is
 * {@code d}; both grow with their second argument; and {@code between} adds up over consecutive spans, so a clock that
 * is paused and resumed ({@link BusinessClock}) counts exactly the business time of its running spans.
 *
 * @param zone     the time zone the hours and holidays are in
 * @param weekly   the working hours of each day of the week, sorted and not overlapping; a day missing is a day off
 * @param holidays days without working hours, whatever their day of the week
 */
public record BusinessCalendar(ZoneId zone, Map<DayOfWeek, List<BusinessHours>> weekly, Set<LocalDate> holidays) {
    /**
     * Checks the calendar, sorts each day's hours and copies everything.
     *
     * @throws ValidationException ({@code zone}, {@code weekly}, {@code holidays}) when one is null or holds null;
     *     ({@code weekly}) when a day's hours overlap or the week has no working time at all
     */
    public BusinessCalendar {
        Checks.required("zone", zone);
        Checks.required("weekly", weekly);
        Map<DayOfWeek, List<BusinessHours>> sorted = new EnumMap<>(DayOfWeek.class);
        weekly.forEach((day, hours) -> {
            Checks.required("weekly", day);
            List<BusinessHours> ordered = new ArrayList<>(Checks.noNulls("weekly", hours));
            ordered.sort(Comparator.comparing(BusinessHours::opens));
            for (int i = 1; i < ordered.size(); i++) {
                if (ordered.get(i - 1).overlaps(ordered.get(i))) {
                    throw new ValidationException("weekly", "has overlapping hours on " + day);
                }
            }
            if (!ordered.isEmpty()) {
                sorted.put(day, List.copyOf(ordered));
            }
        });
        if (sorted.isEmpty()) {
            throw new ValidationException("weekly", "must hold some working hours");
        }
        weekly = Map.copyOf(sorted);
        holidays = java.util.Collections.unmodifiableSortedSet(new TreeSet<>(Checks.noNulls("holidays", holidays)));
    }

    /** Monday to Friday, the same hours each day, no holidays. */
    public static BusinessCalendar weekdays(ZoneId zone, BusinessHours... hours) {
        Map<DayOfWeek, List<BusinessHours>> week = new EnumMap<>(DayOfWeek.class);
        for (DayOfWeek day : DayOfWeek.values()) {
            if (day != DayOfWeek.SATURDAY && day != DayOfWeek.SUNDAY) {
                week.put(day, List.of(hours));
            }
        }
        return new BusinessCalendar(zone, week, Set.of());
    }

    /** Every hour of every day: business time is plain elapsed time. */
    public static BusinessCalendar aroundTheClock(ZoneId zone) {
        Map<DayOfWeek, List<BusinessHours>> week = new EnumMap<>(DayOfWeek.class);
        for (DayOfWeek day : DayOfWeek.values()) {
            week.put(day, List.of(new BusinessHours(LocalTime.MIDNIGHT, LocalTime.MIDNIGHT)));
        }
        return new BusinessCalendar(zone, week, Set.of());
    }

    /** This calendar with these holidays as well. */
    public BusinessCalendar withHolidays(Set<LocalDate> more) {
        Set<LocalDate> all = new TreeSet<>(holidays);
        all.addAll(Checks.noNulls("holidays", more));
        return new BusinessCalendar(zone, weekly, all);
    }

    /**
     * The instant at which {@code businessTime} of working time has passed since {@code start}: the start itself for
     * none, else a moment inside (or at the end of) the working hours.
     *
     * @throws ValidationException ({@code start}) when it is null; ({@code businessTime}) when it is null or negative
     */
    public Instant add(Instant start, Duration businessTime) {
        Checks.required("start", start);
        Checks.required("businessTime", businessTime);
        if (businessTime.isNegative()) {
            throw new ValidationException("businessTime", "must not be negative");
        }
        Duration left = businessTime;
        if (left.isZero()) {
            return start;
        }
        for (LocalDate date = start.atZone(zone).toLocalDate(); ; date = date.plusDays(1)) {
            for (Span span : spans(date)) {
                Instant from = span.from().isBefore(start) ? start : span.from();
                if (!from.isBefore(span.to())) {
                    continue;
                }
                Duration available = Duration.between(from, span.to());
                if (available.compareTo(left) >= 0) {
                    return from.plus(left);
                }
                left = left.minus(available);
            }
        }
    }

    /**
     * The working time between {@code from} (included) and {@code to} (excluded).
     *
     * @throws ValidationException ({@code from}, {@code to}) when one is null; ({@code to}) when it is before
     *     {@code from}
     */
    public Duration between(Instant from, Instant to) {
        Checks.required("from", from);
        Checks.required("to", to);
        if (to.isBefore(from)) {
            throw new ValidationException("to", "must not be before from");
        }
        Duration total = Duration.ZERO;
        for (LocalDate date = from.atZone(zone).toLocalDate(); date.atStartOfDay(zone).toInstant().isBefore(to);
                date = date.plusDays(1)) {
            for (Span span : spans(date)) {
                Instant start = span.from().isBefore(from) ? from : span.from();
                Instant end = span.to().isAfter(to) ? to : span.to();
                if (start.isBefore(end)) {
                    total = total.plus(Duration.between(start, end));
                }
            }
        }
        return total;
    }

    /** Whether {@code at} lies inside the working hours. */
    public boolean isOpen(Instant at) {
        Checks.required("at", at);
        return spans(at.atZone(zone).toLocalDate()).stream()
                .anyMatch(s -> !at.isBefore(s.from()) && at.isBefore(s.to()));
    }

    /** A stretch of working time as instants. */
    private record Span(Instant from, Instant to) {
    }

    /** The working hours of a day as instants, in order; none on a holiday. */
    private List<Span> spans(LocalDate date) {
        if (holidays.contains(date)) {
            return List.of();
        }
        List<Span> spans = new ArrayList<>();
        for (BusinessHours hours : weekly.getOrDefault(date.getDayOfWeek(), List.of())) {
            Instant from = ZonedDateTime.of(date, hours.opens(), zone).toInstant();
            Instant to = hours.toEndOfDay() ? date.plusDays(1).atStartOfDay(zone).toInstant()
                    : ZonedDateTime.of(date, hours.closes(), zone).toInstant();
            if (from.isBefore(to)) {
                spans.add(new Span(from, to));
            }
        }
        return spans;
    }
}
