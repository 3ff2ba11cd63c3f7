package dev.crmkit.core.forecast;

import dev.crmkit.model.ValidationException;
import java.time.LocalDate;
import java.time.Month;
import java.time.ZoneId;

/** A fiscal calendar of calendar months whose year starts on the first of a given month. */
record MonthlyFiscalCalendar(Month firstMonth, YearName yearName, ZoneId zone) implements FiscalCalendar {
    MonthlyFiscalCalendar {
        if (firstMonth == null) {
            throw new ValidationException("firstMonth", "is required");
        }
        if (yearName == null) {
            throw new ValidationException("yearName", "is required");
        }
        if (zone == null) {
            throw new ValidationException("zone", "is required");
        }
    }

    @Override
    public FiscalPeriod year(int fiscalYear) {
        LocalDate start = start(fiscalYear);
        return new FiscalPeriod(PeriodType.YEAR, fiscalYear, 1, start, start.plusYears(1));
    }

    @Override
    public FiscalPeriod quarter(int fiscalYear, int quarter) {
        if (quarter < 1 || quarter > 4) {
            throw new ValidationException("quarter", "must be from 1 to 4");
        }
        LocalDate start = start(fiscalYear).plusMonths(3L * (quarter - 1));
        return new FiscalPeriod(PeriodType.QUARTER, fiscalYear, quarter, start, start.plusMonths(3));
    }

    @Override
    public FiscalPeriod month(int fiscalYear, int month) {
        if (month < 1 || month > 12) {
            throw new ValidationException("month", "must be from 1 to 12");
        }
        LocalDate start = start(fiscalYear).plusMonths(month - 1L);
        return new FiscalPeriod(PeriodType.MONTH, fiscalYear, month, start, start.plusMonths(1));
    }

    private LocalDate start(int fiscalYear) {
        if (fiscalYear < FIRST_YEAR || fiscalYear > LAST_YEAR) {
            throw new ValidationException("fiscalYear", "must be from " + FIRST_YEAR + " to " + LAST_YEAR);
        }
        boolean namedByEnd = yearName == YearName.ENDING_YEAR && firstMonth != Month.JANUARY;
        return LocalDate.of(namedByEnd ? fiscalYear - 1 : fiscalYear, firstMonth, 1);
    }
}
