package dev.crmkit.core.forecast;

import dev.crmkit.model.ValidationException;
import java.time.LocalDate;

/**
 * One fiscal month, quarter or year of a {@link FiscalCalendar}: its place in the fiscal year and the days it spans,
 * from {@code start} (inclusive) to {@code end} (exclusive), in the tenant's time zone.
 *
 * @param type month, quarter or year
 * @param fiscalYear the fiscal year it belongs to, as the calendar names it
 * @param number the month (1 to 12) or quarter (1 to 4) within the fiscal year; 1 for a year
 * @param start the first day
 * @param end the day after the last
 */
public record FiscalPeriod(PeriodType type, int fiscalYear, int number, LocalDate start, LocalDate end) {
    /**
     * @throws ValidationException ({@code type}, {@code start}) when null; ({@code number}) when outside its range
     *     for the type; ({@code end}) when null or not after {@code start}
     */
    public FiscalPeriod {
        if (type == null) {
            throw new ValidationException("type", "is required");
        }
        int last = switch (type) {
            case MONTH -> 12;
            case QUARTER -> 4;
            case YEAR -> 1;
        };
        if (number < 1 || number > last) {
            throw new ValidationException("number", "must be from 1 to " + last + " for a " + type);
        }
        if (start == null) {
            throw new ValidationException("start", "is required");
        }
        if (end == null || !end.isAfter(start)) {
            throw new ValidationException("end", "must lie after start");
        }
    }

    /** Whether the day falls in the period. */
    public boolean contains(LocalDate date) {
        return !date.isBefore(start) && date.isBefore(end);
    }

    /** The number of days. */
    public long days() {
        return end.toEpochDay() - start.toEpochDay();
    }

    /** A short name: {@code FY2027}, {@code FY2027-Q1}, {@code FY2027-M01}. */
    public String label() {
        return switch (type) {
            case YEAR -> "FY" + fiscalYear;
            case QUARTER -> "FY" + fiscalYear + "-Q" + number;
            case MONTH -> String.format("FY%d-M%02d", fiscalYear, number);
        };
    }
}
