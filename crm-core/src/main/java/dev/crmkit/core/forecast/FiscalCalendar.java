package dev.crmkit.core.forecast;

import dev.crmkit.model.ValidationException;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Month;
import java.time.ZoneId;

/**
 * A tenant's fiscal calendar: how its years, quarters and months fall on the days, and the time zone that decides
 * which day, and so which period, an instant belongs to. A deal closed at 23:30 UTC on 31 March belongs to April for
 * a tenant in Berlin.
 *
 * <ul>
 *   <li>{@link #calendarYear}: fiscal years are calendar years.
 *   <li>{@link #startingIn}: calendar months, the year starting in another month (April: FY2027 runs from 1 April
 *       2026 to 31 March 2027 when years are named by the year they end in).
 *   <li>{@link #weeks}: a retail 52/53-week calendar of whole weeks: each quarter is 13 weeks split 4-4-5 (or 4-5-4,
 *       5-4-4) into months; the year ends on a given weekday at the end of a given month, and a 53rd week, every five
 *       or six years, goes to the last month.
 * </ul>
 *
 * <p>Years are named by a number; {@link YearName} says whether it is the calendar year the fiscal year ends in (the
 * common choice, and the default) or the one it starts in.
 */
public sealed interface FiscalCalendar permits MonthlyFiscalCalendar, WeekPatternCalendar {
    /** The earliest fiscal year a calendar answers for. */
    int FIRST_YEAR = 1000;
    /** The latest fiscal year a calendar answers for. */
    int LAST_YEAR = 9000;

    /** Which calendar year a fiscal year is named after. */
    enum YearName {
        /** The year its last day falls in: FY2027 ends in 2027. */
        ENDING_YEAR,
        /** The year its first day falls in: FY2026 starts in 2026. */
        STARTING_YEAR
    }

    /** The weeks of each month in a quarter of a week-pattern calendar. */
    enum WeekPattern {
        /** Four, four and five weeks. */
        FOUR_FOUR_FIVE(4, 4, 5),
        /** Four, five and four weeks. */
        FOUR_FIVE_FOUR(4, 5, 4),
        /** Five, four and four weeks. */
        FIVE_FOUR_FOUR(5, 4, 4);

        private final int[] weeks;

        WeekPattern(int... weeks) {
            this.weeks = weeks;
        }

        /** The weeks of the given month of the quarter (1 to 3). */
        public int weeks(int monthOfQuarter) {
            return weeks[monthOfQuarter - 1];
        }
    }

    /** Where a week-pattern year ends. */
    enum YearEnd {
        /** On the last given weekday of the end month. */
        LAST_IN_MONTH,
        /** On the given weekday nearest the end month's last day (which may fall in the first days of the next). */
        NEAREST_MONTH_END
    }

    /**
     * Fiscal years equal to calendar years.
     *
     * @throws ValidationException ({@code zone}) when null
     */
    static FiscalCalendar calendarYear(ZoneId zone) {
        return startingIn(Month.JANUARY, YearName.ENDING_YEAR, zone);
    }

    /**
     * Calendar months, the fiscal year starting on the first of {@code firstMonth}.
     *
     * @throws ValidationException ({@code firstMonth}, {@code yearName}, {@code zone}) when null
     */
    static FiscalCalendar startingIn(Month firstMonth, YearName yearName, ZoneId zone) {
        return new MonthlyFiscalCalendar(firstMonth, yearName, zone);
    }

    /**
     * A 52/53-week calendar: quarters of 13 weeks split by {@code pattern}, the year ending on {@code lastDay} at
     * the end of {@code endMonth} as {@code yearEnd} says. Years are named by the calendar year the end month lies
     * in.
     *
     * @throws ValidationException naming the argument that is null
     */
    static FiscalCalendar weeks(WeekPattern pattern, Month endMonth, DayOfWeek lastDay, YearEnd yearEnd,
            ZoneId zone) {
        return new WeekPatternCalendar(pattern, endMonth, lastDay, yearEnd, zone);
    }

    /** The time zone that decides which day an instant falls on. */
    ZoneId zone();

    /**
     * The fiscal year.
     *
     * @throws ValidationException ({@code fiscalYear}) when outside {@value #FIRST_YEAR} to {@value #LAST_YEAR}
     */
    FiscalPeriod year(int fiscalYear);

    /**
     * The quarter (1 to 4) of the fiscal year.
     *
     * @throws ValidationException ({@code quarter}) when outside 1 to 4; ({@code fiscalYear}) as for {@link #year}
     */
    FiscalPeriod quarter(int fiscalYear, int quarter);

    /**
     * The month (1 to 12) of the fiscal year.
     *
     * @throws ValidationException ({@code month}) when outside 1 to 12; ({@code fiscalYear}) as for {@link #year}
     */
    FiscalPeriod month(int fiscalYear, int month);

    /**
     * The period of the given type that contains the day.
     *
     * @throws ValidationException ({@code type}, {@code date}) when null; ({@code date}) when its fiscal year is
     *     outside the calendar's range
     */
    default FiscalPeriod period(PeriodType type, LocalDate date) {
        if (type == null) {
            throw new ValidationException("type", "is required");
        }
        if (date == null) {
            throw new ValidationException("date", "is required");
        }
        int guess = date.getYear();
        if (guess <= FIRST_YEAR || guess >= LAST_YEAR) {
            throw new ValidationException("date", "lies outside the fiscal years " + FIRST_YEAR + " to " + LAST_YEAR);
        }
        FiscalPeriod year = year(guess);
        while (!year.contains(date)) {
            year = year(date.isBefore(year.start()) ? year.fiscalYear() - 1 : year.fiscalYear() + 1);
        }
        if (type == PeriodType.YEAR) {
            return year;
        }
        int count = type == PeriodType.QUARTER ? 4 : 12;
        for (int number = 1; number < count; number++) {
            FiscalPeriod period = type == PeriodType.QUARTER ? quarter(year.fiscalYear(), number)
                    : month(year.fiscalYear(), number);
            if (period.contains(date)) {
                return period;
            }
        }
        return type == PeriodType.QUARTER ? quarter(year.fiscalYear(), 4) : month(year.fiscalYear(), 12);
    }

    /**
     * The period of the given type that contains the instant's day in the calendar's time zone.
     *
     * @throws ValidationException ({@code instant}) when null; otherwise as {@link #period(PeriodType, LocalDate)}
     */
    default FiscalPeriod period(PeriodType type, Instant instant) {
        if (instant == null) {
            throw new ValidationException("instant", "is required");
        }
        return period(type, LocalDate.ofInstant(instant, zone()));
    }

    /** The first instant of the period: midnight at its start in the calendar's time zone. */
    default Instant startOf(FiscalPeriod period) {
        return period.start().atStartOfDay(zone()).toInstant();
    }

    /** The first instant after the period, so that it covers {@code startOf <= t < endOf}. */
    default Instant endOf(FiscalPeriod period) {
        return period.end().atStartOfDay(zone()).toInstant();
    }

    /** The period of the same type that follows. */
    default FiscalPeriod next(FiscalPeriod period) {
        return period(period.type(), period.end());
    }
}
