package dev.crmkit.core.forecast;

import static dev.crmkit.core.forecast.BacktestTest.assertField;
import static org.assertj.core.api.Assertions.assertThat;

import dev.crmkit.core.forecast.FiscalCalendar.WeekPattern;
import dev.crmkit.core.forecast.FiscalCalendar.YearEnd;
import dev.crmkit.core.forecast.FiscalCalendar.YearName;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Month;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class FiscalCalendarTest {
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final FiscalCalendar APRIL = FiscalCalendar.startingIn(Month.APRIL, YearName.ENDING_YEAR, BERLIN);

    @Test
    void a_year_starting_in_april_is_named_by_the_year_it_ends_in() {
        // when
        FiscalPeriod year = APRIL.year(2027);

        // then FY2027 runs from 1 April 2026 to 31 March 2027
        assertThat(year.start()).isEqualTo(LocalDate.of(2026, 4, 1));
        assertThat(year.end()).isEqualTo(LocalDate.of(2027, 4, 1));
        assertThat(year.label()).isEqualTo("FY2027");
        assertThat(APRIL.quarter(2027, 1).start()).isEqualTo(LocalDate.of(2026, 4, 1));
        assertThat(APRIL.quarter(2027, 4).start()).isEqualTo(LocalDate.of(2027, 1, 1));
        assertThat(APRIL.quarter(2027, 4).label()).isEqualTo("FY2027-Q4");
        assertThat(APRIL.month(2027, 10).start()).isEqualTo(LocalDate.of(2027, 1, 1));
        assertThat(APRIL.month(2027, 10).label()).isEqualTo("FY2027-M10");
        assertThat(APRIL.period(PeriodType.MONTH, LocalDate.of(2026, 3, 31)).label()).isEqualTo("FY2026-M12");
    }

    @Test
    void a_year_may_be_named_by_the_year_it_starts_in_and_a_calendar_year_is_named_by_itself() {
        FiscalCalendar japan = FiscalCalendar.startingIn(Month.APRIL, YearName.STARTING_YEAR, ZoneOffset.UTC);
        FiscalCalendar plain = FiscalCalendar.calendarYear(ZoneOffset.UTC);

        assertThat(japan.year(2026).start()).isEqualTo(LocalDate.of(2026, 4, 1));
        assertThat(plain.year(2026).start()).isEqualTo(LocalDate.of(2026, 1, 1));
        assertThat(plain.year(2026).days()).isEqualTo(365);
        assertThat(plain.quarter(2028, 1).days()).isEqualTo(91);
        assertThat(plain.period(PeriodType.QUARTER, LocalDate.of(2026, 7, 1)).number()).isEqualTo(3);
        assertThat(FiscalCalendar.startingIn(Month.JANUARY, YearName.STARTING_YEAR, ZoneOffset.UTC).year(2026))
                .isEqualTo(plain.year(2026));
    }

    @Test
    void the_tenant_s_time_zone_decides_the_period_of_a_close_instant() {
        // given a deal closed at 23:30 UTC on 31 March 2026, which is 01:30 on 1 April in Berlin
        Instant closedAt = Instant.parse("2026-03-31T23:30:00Z");
        FiscalCalendar utc = FiscalCalendar.startingIn(Month.APRIL, YearName.ENDING_YEAR, ZoneOffset.UTC);

        // then Berlin counts it in the new fiscal year, UTC in the old one
        assertThat(APRIL.period(PeriodType.QUARTER, closedAt).label()).isEqualTo("FY2027-Q1");
        assertThat(utc.period(PeriodType.QUARTER, closedAt).label()).isEqualTo("FY2026-Q4");
        assertThat(APRIL.startOf(APRIL.year(2027))).isEqualTo(Instant.parse("2026-03-31T22:00:00Z"));
        assertThat(APRIL.endOf(APRIL.year(2027))).isEqualTo(Instant.parse("2027-03-31T22:00:00Z"));
        assertThat(APRIL.zone()).isEqualTo(BERLIN);
    }

    @Test
    void a_retail_4_5_4_year_ending_on_the_saturday_nearest_january_s_end_has_53_weeks_in_2023() {
        // given the US retail (NRF) calendar: 4-5-4, the year ends on the Saturday nearest 31 January
        FiscalCalendar retail = FiscalCalendar.weeks(WeekPattern.FOUR_FIVE_FOUR, Month.JANUARY, DayOfWeek.SATURDAY,
                YearEnd.NEAREST_MONTH_END, ZoneOffset.UTC);

        // then the year ending in early 2024 ran from 29 January 2023 to 3 February 2024: 53 weeks
        FiscalPeriod year = retail.year(2024);
        assertThat(year.start()).isEqualTo(LocalDate.of(2023, 1, 29));
        assertThat(year.end()).isEqualTo(LocalDate.of(2024, 2, 4));
        assertThat(year.days()).isEqualTo(53 * 7);
        assertThat(retail.month(2024, 1).days()).isEqualTo(28);
        assertThat(retail.month(2024, 2).days()).isEqualTo(35);
        assertThat(retail.month(2024, 12).days()).isEqualTo(35);
        assertThat(retail.quarter(2024, 4).days()).isEqualTo(14 * 7);
        assertThat(retail.year(2025).days()).isEqualTo(52 * 7);
    }

    @Test
    void a_4_4_5_year_ending_on_the_last_saturday_of_september_starts_the_day_after_the_last_one_ended() {
        FiscalCalendar weeks = FiscalCalendar.weeks(WeekPattern.FOUR_FOUR_FIVE, Month.SEPTEMBER,
                DayOfWeek.SATURDAY, YearEnd.LAST_IN_MONTH, ZoneOffset.UTC);

        // FY2022 ended on 24 September 2022, FY2023 on 30 September 2023 (53 weeks)
        assertThat(weeks.year(2023).start()).isEqualTo(LocalDate.of(2022, 9, 25));
        assertThat(weeks.year(2023).end()).isEqualTo(LocalDate.of(2023, 10, 1));
        assertThat(weeks.month(2023, 3).days()).isEqualTo(35);
        assertThat(weeks.month(2023, 12).days()).isEqualTo(42);
        assertThat(weeks.period(PeriodType.MONTH, LocalDate.of(2023, 9, 30)).number()).isEqualTo(12);
        assertThat(weeks.period(PeriodType.YEAR, LocalDate.of(2023, 10, 1)).fiscalYear()).isEqualTo(2024);
        assertThat(FiscalCalendar.WeekPattern.FIVE_FOUR_FOUR.weeks(1)).isEqualTo(5);
    }

    @Test
    void next_moves_to_the_following_period_of_the_same_type() {
        FiscalPeriod q4 = APRIL.quarter(2026, 4);

        assertThat(APRIL.next(q4)).isEqualTo(APRIL.quarter(2027, 1));
        assertThat(APRIL.next(APRIL.month(2027, 1))).isEqualTo(APRIL.month(2027, 2));
        assertThat(q4.contains(q4.start())).isTrue();
        assertThat(q4.contains(q4.end())).isFalse();
        assertThat(q4.contains(q4.start().minusDays(1))).isFalse();
    }

    @Test
    void the_calendar_answers_from_fiscal_year_1000_to_9000_and_days_of_the_years_between() {
        FiscalCalendar weeks = FiscalCalendar.weeks(WeekPattern.FOUR_FOUR_FIVE, Month.DECEMBER, DayOfWeek.SATURDAY,
                YearEnd.LAST_IN_MONTH, ZoneOffset.UTC);
        for (FiscalCalendar calendar : new FiscalCalendar[] {APRIL, weeks}) {
            assertThat(calendar.year(1000).fiscalYear()).isEqualTo(1000);
            assertThat(calendar.year(9000).fiscalYear()).isEqualTo(9000);
            assertThat(calendar.period(PeriodType.MONTH, LocalDate.of(1001, 1, 15)).fiscalYear()).isEqualTo(1001);
            assertThat(calendar.period(PeriodType.MONTH, LocalDate.of(8999, 1, 15)).fiscalYear()).isEqualTo(8999);
            assertField(() -> calendar.period(PeriodType.MONTH, LocalDate.of(1000, 6, 1)), "date");
            assertField(() -> calendar.period(PeriodType.MONTH, LocalDate.of(9000, 6, 1)), "date");
        }
        // the last Saturday of December is four days before the month's end in 2026: LAST_IN_MONTH keeps it
        assertThat(weeks.year(2026).end()).isEqualTo(LocalDate.of(2026, 12, 27));
    }

    @Test
    void bad_input_is_refused_naming_the_argument() {
        FiscalCalendar weeks = FiscalCalendar.weeks(WeekPattern.FOUR_FOUR_FIVE, Month.DECEMBER, DayOfWeek.SATURDAY,
                YearEnd.LAST_IN_MONTH, ZoneOffset.UTC);
        assertField(() -> FiscalCalendar.startingIn(null, YearName.ENDING_YEAR, BERLIN), "firstMonth");
        assertField(() -> FiscalCalendar.startingIn(Month.MAY, null, BERLIN), "yearName");
        assertField(() -> FiscalCalendar.calendarYear(null), "zone");
        assertField(() -> FiscalCalendar.weeks(null, Month.MAY, DayOfWeek.SATURDAY, YearEnd.LAST_IN_MONTH, BERLIN),
                "pattern");
        assertField(() -> FiscalCalendar.weeks(WeekPattern.FOUR_FOUR_FIVE, null, DayOfWeek.SATURDAY,
                YearEnd.LAST_IN_MONTH, BERLIN), "endMonth");
        assertField(() -> FiscalCalendar.weeks(WeekPattern.FOUR_FOUR_FIVE, Month.MAY, null, YearEnd.LAST_IN_MONTH,
                BERLIN), "lastDay");
        assertField(() -> FiscalCalendar.weeks(WeekPattern.FOUR_FOUR_FIVE, Month.MAY, DayOfWeek.SATURDAY, null,
                BERLIN), "yearEnd");
        assertField(() -> FiscalCalendar.weeks(WeekPattern.FOUR_FOUR_FIVE, Month.MAY, DayOfWeek.SATURDAY,
                YearEnd.LAST_IN_MONTH, null), "zone");
        for (FiscalCalendar calendar : new FiscalCalendar[] {APRIL, weeks}) {
            assertField(() -> calendar.year(999), "fiscalYear");
            assertField(() -> calendar.year(9001), "fiscalYear");
            assertField(() -> calendar.quarter(2026, 0), "quarter");
            assertField(() -> calendar.quarter(2026, 5), "quarter");
            assertField(() -> calendar.month(2026, 0), "month");
            assertField(() -> calendar.month(2026, 13), "month");
            assertField(() -> calendar.period(null, LocalDate.of(2026, 1, 1)), "type");
            assertField(() -> calendar.period(PeriodType.YEAR, (LocalDate) null), "date");
            assertField(() -> calendar.period(PeriodType.YEAR, (Instant) null), "instant");
            assertField(() -> calendar.period(PeriodType.YEAR, LocalDate.of(9500, 1, 1)), "date");
            assertField(() -> calendar.period(PeriodType.YEAR, LocalDate.of(500, 1, 1)), "date");
        }
        LocalDate day = LocalDate.of(2026, 1, 1);
        assertField(() -> new FiscalPeriod(null, 2026, 1, day, day.plusDays(1)), "type");
        assertField(() -> new FiscalPeriod(PeriodType.MONTH, 2026, 13, day, day.plusDays(1)), "number");
        assertField(() -> new FiscalPeriod(PeriodType.QUARTER, 2026, 0, day, day.plusDays(1)), "number");
        assertField(() -> new FiscalPeriod(PeriodType.YEAR, 2026, 2, day, day.plusDays(1)), "number");
        assertField(() -> new FiscalPeriod(PeriodType.YEAR, 2026, 1, null, day), "start");
        assertField(() -> new FiscalPeriod(PeriodType.YEAR, 2026, 1, day, day), "end");
        assertField(() -> new FiscalPeriod(PeriodType.YEAR, 2026, 1, day, null), "end");
    }
}
