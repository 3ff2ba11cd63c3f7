package dev.crmkit.core.forecast;

/** The length of a fiscal period. */
public enum PeriodType {
    /** A fiscal month: a calendar month, or four or five weeks in a week-pattern calendar. */
    MONTH,
    /** Three fiscal months. */
    QUARTER,
    /** Twelve fiscal months, four quarters. */
    YEAR
}
