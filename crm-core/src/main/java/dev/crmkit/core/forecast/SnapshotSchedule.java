package dev.crmkit.core.forecast;

import dev.crmkit.core.common.Money;
import dev.crmkit.model.Checks;
import dev.crmkit.model.ValidationException;
import dev.crmkit.model.opportunity.ForecastBuckets;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * When a tenant's pipeline snapshots are taken and what they hold: every week on a weekday at a time, or at the start
 * of every fiscal period of a type at a time, in the tenant calendar's time zone; each snapshot holds the pipeline
 * forecast of {@code periods} periods of {@code periodType} from the one the occurrence falls in, in {@code currency}.
 *
 * @param name the schedule's name, unique in the tenant: 1 to 100 letters, digits, {@code .}, {@code _} or {@code -}
 * @param day the weekday of a weekly schedule; null for one at each period's start
 * @param startOf the period type whose starts a schedule follows; null for a weekly one
 * @param time the time of day, in whole minutes
 * @param periodType the type of the periods a snapshot holds
 * @param periods how many, 1 to 120
 * @param currency the reporting currency, ISO 4217
 */
public record SnapshotSchedule(String name, DayOfWeek day, PeriodType startOf, LocalTime time, PeriodType periodType,
        int periods, String currency) {
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9._-]{1,100}");

    /**
     * @throws ValidationException ({@code name}) when missing or malformed; ({@code day}) when both or neither of
     *     {@code day} and {@code startOf} are given; ({@code time}) when null or not in whole minutes;
     *     ({@code periodType}) when null; ({@code periods}) unless 1 to 120; ({@code currency}) when not ISO 4217
     */
    public SnapshotSchedule {
        Checks.required("name", name);
        if (!NAME.matcher(name).matches()) {
            throw new ValidationException("name", "must be 1 to 100 letters, digits, '.', '_' or '-'");
        }
        if ((day == null) == (startOf == null)) {
            throw new ValidationException("day", "give either a weekday or the period type whose starts to follow");
        }
        Checks.required("time", time);
        if (time.getSecond() != 0 || time.getNano() != 0) {
            throw new ValidationException("time", "must be in whole minutes");
        }
        Checks.required("periodType", periodType);
        if (periods < 1 || periods > ForecastBuckets.MAX_BUCKETS) {
            throw new ValidationException("periods", "must be 1 to " + ForecastBuckets.MAX_BUCKETS);
        }
        currency = Money.currency(currency).getCurrencyCode();
    }

    /** Every week on {@code day} at {@code time}, holding {@code periods} periods of {@code type}. */
    public static SnapshotSchedule weekly(String name, DayOfWeek day, LocalTime time, PeriodType type, int periods,
            String currency) {
        return new SnapshotSchedule(name, Checks.required("day", day), null, time, type, periods, currency);
    }

    /** At {@code time} on the first day of every period of {@code type}, holding {@code periods} of them. */
    public static SnapshotSchedule atPeriodStart(String name, PeriodType type, LocalTime time, int periods,
            String currency) {
        return new SnapshotSchedule(name, null, Checks.required("startOf", type), time, type, periods, currency);
    }

    /** The first occurrence strictly after {@code after}, in the calendar's time zone. */
    public Instant nextAfter(Instant after, FiscalCalendar calendar) {
        ZoneId zone = calendar.zone();
        LocalDate day0 = LocalDate.ofInstant(after, zone);
        if (day != null) {
            LocalDate candidate = day0.with(TemporalAdjusters.nextOrSame(day));
            while (!candidate.atTime(time).atZone(zone).toInstant().isAfter(after)) {
                candidate = candidate.plusWeeks(1);
            }
            return candidate.atTime(time).atZone(zone).toInstant();
        }
        FiscalPeriod period = calendar.period(startOf, day0);
        while (!period.start().atTime(time).atZone(zone).toInstant().isAfter(after)) {
            period = calendar.next(period);
        }
        return period.start().atTime(time).atZone(zone).toInstant();
    }

    /** The schedule as the due work's payload: {@code v1;day or -;startOf or -;HH:mm;periodType;periods;currency}. */
    String payload() {
        return String.join(";", "v1", day == null ? "-" : day.name(), startOf == null ? "-" : startOf.name(),
                time.truncatedTo(ChronoUnit.MINUTES).toString(), periodType.name(), Integer.toString(periods),
                currency);
    }

    /** The schedule a due work's key and payload describe, or empty when they describe none. */
    static Optional<SnapshotSchedule> parse(String name, String payload) {
        if (payload == null) {
            return Optional.empty();
        }
        String[] parts = payload.split(";", -1);
        if (parts.length != 7 || !parts[0].equals("v1")) {
            return Optional.empty();
        }
        try {
            return Optional.of(new SnapshotSchedule(name, parts[1].equals("-") ? null : DayOfWeek.valueOf(parts[1]),
                    parts[2].equals("-") ? null : PeriodType.valueOf(parts[2]), LocalTime.parse(parts[3]),
                    PeriodType.valueOf(parts[4]), Integer.parseInt(parts[5]), parts[6]));
        } catch (IllegalArgumentException | DateTimeParseException | ValidationException e) {
            return Optional.empty();
        }
    }
}
