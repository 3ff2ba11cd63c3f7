package dev.crmkit.core.forecast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;

import dev.crmkit.core.forecast.FiscalCalendar.WeekPattern;
import dev.crmkit.core.forecast.FiscalCalendar.YearEnd;
import dev.crmkit.core.forecast.FiscalCalendar.YearName;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Month;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/**
 * Over generated calendars (every start month and year name; every week pattern, end month, weekday and year-end
 * rule) and days: periods tile the time line, nest, and have the lengths their calendar promises.
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class FiscalCalendarPropertyTest {
    private static final List<ZoneId> ZONES = List.of(ZoneId.of("UTC"), ZoneId.of("Europe/Berlin"),
            ZoneId.of("America/Los_Angeles"), ZoneId.of("Pacific/Kiritimati"), ZoneId.of("Asia/Kolkata"));

    private static Gen<FiscalCalendar> monthly() {
        return Generate.enumValues(Month.class).zip(Generate.enumValues(YearName.class), Generate.pick(ZONES),
                FiscalCalendar::startingIn);
    }

    private static Gen<FiscalCalendar> weekly() {
        return Generate.enumValues(WeekPattern.class).zip(Generate.enumValues(Month.class),
                Generate.enumValues(DayOfWeek.class), Generate.enumValues(YearEnd.class),
                (pattern, month, day, rule) -> FiscalCalendar.weeks(pattern, month, day, rule, ZoneId.of("UTC")));
    }

    private static Gen<LocalDate> days() {
        return integers().between((int) LocalDate.of(1900, 1, 1).toEpochDay(),
                (int) LocalDate.of(2200, 12, 31).toEpochDay()).map(d -> LocalDate.ofEpochDay(d));
    }

    @Test
    void every_day_lies_in_one_month_one_quarter_and_one_year_that_nest() {
        qt().forAll(monthly().mix(weekly()), days()).checkAssert((calendar, day) -> {
            FiscalPeriod month = calendar.period(PeriodType.MONTH, day);
            FiscalPeriod quarter = calendar.period(PeriodType.QUARTER, day);
            FiscalPeriod year = calendar.period(PeriodType.YEAR, day);

            assertThat(month.contains(day) && quarter.contains(day) && year.contains(day)).isTrue();
            assertThat(quarter.fiscalYear()).isEqualTo(year.fiscalYear());
            assertThat(month.fiscalYear()).isEqualTo(year.fiscalYear());
            assertThat(quarter.number()).isEqualTo((month.number() + 2) / 3);
            assertThat(calendar.month(month.fiscalYear(), month.number())).isEqualTo(month);
            assertThat(calendar.quarter(quarter.fiscalYear(), quarter.number())).isEqualTo(quarter);
            assertThat(calendar.year(year.fiscalYear())).isEqualTo(year);
        });
    }

    @Test
    void the_months_of_a_year_follow_each_other_without_gap_and_fill_its_quarters_and_the_year() {
        qt().forAll(monthly().mix(weekly()), integers().between(1901, 2199)).checkAssert((calendar, fiscalYear) -> {
            FiscalPeriod year = calendar.year(fiscalYear);
            LocalDate expectedStart = year.start();
            for (int m = 1; m <= 12; m++) {
                FiscalPeriod month = calendar.month(fiscalYear, m);
                assertThat(month.start()).isEqualTo(expectedStart);
                expectedStart = month.end();
                if (m % 3 == 1) {
                    assertThat(calendar.quarter(fiscalYear, (m + 2) / 3).start()).isEqualTo(month.start());
                }
                if (m % 3 == 0) {
                    assertThat(calendar.quarter(fiscalYear, m / 3).end()).isEqualTo(month.end());
                }
            }
            assertThat(expectedStart).isEqualTo(year.end());
            assertThat(calendar.year(fiscalYear + 1).start()).isEqualTo(year.end());
            assertThat(calendar.next(year)).isEqualTo(calendar.year(fiscalYear + 1));
        });
    }

    @Test
    void a_week_pattern_year_has_52_or_53_whole_weeks_ends_on_its_weekday_and_its_months_follow_the_pattern() {
        qt().forAll(weekly(), integers().between(1901, 2199)).checkAssert((calendar, fiscalYear) -> {
            WeekPatternCalendar weeks = (WeekPatternCalendar) calendar;
            FiscalPeriod year = calendar.year(fiscalYear);

            assertThat(year.days()).isIn(364L, 371L);
            assertThat(year.end().minusDays(1).getDayOfWeek()).isEqualTo(weeks.lastDay());
            for (int m = 1; m <= 11; m++) {
                assertThat(calendar.month(fiscalYear, m).days()).isEqualTo(7L * weeks.pattern().weeks((m - 1) % 3 + 1));
            }
            assertThat(calendar.month(fiscalYear, 12).days())
                    .isEqualTo(7L * weeks.pattern().weeks(3) + (year.days() - 364));
            LocalDate last = year.end().minusDays(1);
            if (weeks.yearEnd() == YearEnd.LAST_IN_MONTH) {
                assertThat(last.getMonth()).isEqualTo(weeks.endMonth());
                assertThat(last.plusWeeks(1).getMonth()).isNotEqualTo(weeks.endMonth());
            } else {
                LocalDate monthEnd = YearMonth.of(fiscalYear, weeks.endMonth()).atEndOfMonth();
                assertThat(Math.abs(last.toEpochDay() - monthEnd.toEpochDay())).isLessThanOrEqualTo(3);
            }
        });
    }

    @Test
    void a_calendar_month_year_has_365_or_366_days_and_starts_on_the_first_of_its_month() {
        qt().forAll(monthly(), integers().between(1901, 2199)).checkAssert((calendar, fiscalYear) -> {
            MonthlyFiscalCalendar months = (MonthlyFiscalCalendar) calendar;
            FiscalPeriod year = calendar.year(fiscalYear);

            assertThat(year.days()).isIn(365L, 366L);
            assertThat(year.start().getDayOfMonth()).isEqualTo(1);
            assertThat(year.start().getMonth()).isEqualTo(months.firstMonth());
            boolean endsInNamedYear = months.yearName() == YearName.ENDING_YEAR || months.firstMonth() == Month.JANUARY;
            assertThat(endsInNamedYear ? year.end().minusDays(1).getYear() : year.start().getYear())
                    .isEqualTo(fiscalYear);
        });
    }

    @Test
    void an_instant_falls_in_the_period_of_its_day_in_the_calendar_s_zone_and_between_its_bounds() {
        qt().forAll(monthly(), integers().between(-2_000_000_000, 2_000_000_000)).checkAssert((calendar, seconds) -> {
            Instant instant = Instant.ofEpochSecond(seconds * 2L);
            FiscalPeriod month = calendar.period(PeriodType.MONTH, instant);

            assertThat(month).isEqualTo(calendar.period(PeriodType.MONTH,
                    LocalDate.ofInstant(instant, calendar.zone())));
            assertThat(calendar.startOf(month)).isBeforeOrEqualTo(instant);
            assertThat(calendar.endOf(month)).isAfter(instant);
        });
    }
}
