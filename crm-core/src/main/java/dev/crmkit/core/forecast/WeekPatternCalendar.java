package dev.crmkit.core.forecast;

import dev.crmkit.model.ValidationException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Month;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;

/**
 * A 52/53-week fiscal calendar (4-4-5 and its variants): whole weeks, quarters of 13, the year ending on a fixed
 * weekday at the end of a fixed month; a 53rd week goes to the last month of the year.
 */
record WeekPatternCalendar(WeekPattern pattern, Month endMonth, DayOfWeek lastDay, YearEnd yearEnd, ZoneId zone)
        implements FiscalCalendar {
    WeekPatternCalendar {
        if (pattern == null) {
            throw new ValidationException("pattern", "is required");
        }
        if (endMonth == null) {
            throw new ValidationException("endMonth", "is required");
        }
        if (lastDay == null) {
            throw new ValidationException("lastDay", "is required");
        }
        if (yearEnd == null) {
            throw new ValidationException("yearEnd", "is required");
        }
        if (zone == null) {
            throw new ValidationException("zone", "is required");
        }
    }

    @Override
    public FiscalPeriod year(int fiscalYear) {
        return new FiscalPeriod(PeriodType.YEAR, fiscalYear, 1, start(fiscalYear), end(fiscalYear));
    }

    @Override
    public FiscalPeriod quarter(int fiscalYear, int quarter) {
        if (quarter < 1 || quarter > 4) {
            throw new ValidationException("quarter", "must be from 1 to 4");
        }
        return new FiscalPeriod(PeriodType.QUARTER, fiscalYear, quarter,
                month(fiscalYear, 3 * quarter - 2).start(), month(fiscalYear, 3 * quarter).end());
    }

    @Override
    public FiscalPeriod month(int fiscalYear, int month) {
        if (month < 1 || month > 12) {
            throw new ValidationException("month", "must be from 1 to 12");
        }
        LocalDate yearStart = start(fiscalYear);
        LocalDate start = yearStart;
        for (int m = 1; m < month; m++) {
            start = start.plusWeeks(pattern.weeks((m - 1) % 3 + 1));
        }
        LocalDate end = month == 12 ? end(fiscalYear) : start.plusWeeks(pattern.weeks((month - 1) % 3 + 1));
        return new FiscalPeriod(PeriodType.MONTH, fiscalYear, month, start, end);
    }

    private LocalDate start(int fiscalYear) {
        return lastDayOf(fiscalYear - 1).plusDays(1);
    }

    private LocalDate end(int fiscalYear) {
        return lastDayOf(fiscalYear).plusDays(1);
    }

    /** The last day of the fiscal year: the weekday at the end of the end month of that calendar year. */
    private LocalDate lastDayOf(int fiscalYear) {
        if (fiscalYear < FIRST_YEAR - 1 || fiscalYear > LAST_YEAR) {
            throw new ValidationException("fiscalYear", "must be from " + FIRST_YEAR + " to " + LAST_YEAR);
        }
        LocalDate monthEnd = LocalDate.of(fiscalYear, endMonth, 1).with(TemporalAdjusters.lastDayOfMonth());
        LocalDate last = monthEnd.with(TemporalAdjusters.previousOrSame(lastDay));
        if (yearEnd == YearEnd.NEAREST_MONTH_END && monthEnd.toEpochDay() - last.toEpochDay() > 3) {
            return last.plusWeeks(1);
        }
        return last;
    }
}
