package dev.crmkit.core.forecast;

import static dev.crmkit.core.forecast.ForecastFixture.ACTOR;
import static dev.crmkit.core.forecast.ForecastFixture.Q1;
import static dev.crmkit.core.forecast.PipelineSnapshotTest.assertField;
import static org.assertj.core.api.Assertions.assertThat;

import dev.crmkit.model.forecast.ForecastFigures;
import dev.crmkit.model.opportunity.ForecastCategory;
import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

/**
 * Accuracy of a closed quarter. Taken on Monday 16 February: Ana commits 100 EUR (80 %), Bo has 50 USD (25 EUR) as best
 * case (50 %), Carl 40 EUR in pipeline (10 %). Then Ana wins hers, Bo loses his, Carl's slips out of the quarter.
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class ForecastAccuracyTest {
    private static final Instant MONDAY_16 = Instant.parse("2026-02-16T07:00:00Z");
    private static final Instant MONDAY_23 = Instant.parse("2026-02-23T07:00:00Z");

    private final ForecastFixture f = new ForecastFixture();
    private final ForecastService forecasts = f.forecasts;

    private ForecastAccuracy closedQuarter() {
        UUID anas = f.open(f.ana, "100", "EUR", LocalDate.of(2026, 3, 15), ForecastCategory.COMMIT, 80);
        UUID bos = f.open(f.bo, "50", "USD", LocalDate.of(2026, 3, 20), ForecastCategory.BEST_CASE, 50);
        f.open(f.carl, "40", "EUR", LocalDate.of(2026, 3, 25), ForecastCategory.PIPELINE, 10);
        forecasts.submit(SubmitForecast.forRep(f.ana, Q1, ForecastFigures.of("EUR", "90", "100", "100")));
        forecasts.scheduleSnapshots(SnapshotSchedule.weekly("weekly", DayOfWeek.MONDAY, LocalTime.of(8, 0),
                PeriodType.QUARTER, 1, "EUR"));
        forecasts.scheduleSnapshots(SnapshotSchedule.weekly("in-dollars", DayOfWeek.MONDAY, LocalTime.of(8, 0),
                PeriodType.QUARTER, 1, "USD"));
        advanceTo(MONDAY_16.plusSeconds(60));
        f.crm.scheduler().runDueWork();
        f.deals.closeWon(anas, null, ACTOR);
        advanceTo(MONDAY_23.plusSeconds(60));
        f.crm.scheduler().runDueWork();
        f.deals.closeLost(bos, "budget cut", ACTOR);
        advanceTo(Instant.parse("2026-04-02T10:00:00Z"));
        forecasts.submit(SubmitForecast.forRep(f.ana, Q1, ForecastFigures.of("EUR", "100", "100", "100")));
        return forecasts.accuracy(Q1, "EUR", null);
    }

    private void advanceTo(Instant at) {
        f.clock.advance(Duration.between(f.clock.instant(), at));
    }

    @Test
    void each_snapshot_is_compared_with_what_closed_won_oldest_first_with_the_days_before_the_quarter_ended() {
        ForecastAccuracy accuracy = closedQuarter();

        assertThat(accuracy.period()).isEqualTo(Q1);
        assertThat(accuracy.currency()).isEqualTo("EUR");
        assertThat(accuracy.cutoff()).isEqualTo(Instant.parse("2026-03-31T22:00:00Z"));
        assertThat(accuracy.snapshots()).extracting(SnapshotAccuracy::occurrence)
                .as("the dollar schedule's snapshots are left out").containsExactly(MONDAY_16, MONDAY_23);
        SnapshotAccuracy first = accuracy.snapshots().get(0);
        assertThat(first.schedule()).isEqualTo("weekly");
        assertThat(first.daysBeforeEnd()).isEqualTo(43);
        assertLine(first.total(ForecastMeasure.COMMIT), "100", "100", "0", "0.0000");
        assertLine(first.total(ForecastMeasure.BEST_CASE), "125", "100", "25", "0.2500");
        assertLine(first.total(ForecastMeasure.PIPELINE), "165", "100", "65", "0.6500");
        assertLine(first.total(ForecastMeasure.WEIGHTED), "96.5", "100", "-3.5", "0.0350");
        assertThat(accuracy.snapshots().get(1).daysBeforeEnd()).isEqualTo(36);
        assertLine(accuracy.snapshots().get(1).total(ForecastMeasure.WEIGHTED), "116.5", "100", "16.5",
                "0.1650");
    }

    @Test
    void reps_and_teams_have_their_own_lines_and_nothing_closed_has_no_percentage() {
        SnapshotAccuracy first = closedQuarter().snapshots().get(0);

        assertLine(line(first, AccuracyLevel.REP, f.ana, ForecastMeasure.COMMIT), "100", "100", "0", "0.0000");
        assertLine(line(first, AccuracyLevel.REP, f.bo, ForecastMeasure.BEST_CASE), "25", "0", "25", null);
        assertLine(line(first, AccuracyLevel.REP, f.bo, ForecastMeasure.COMMIT), "0", "0", "0", null);
        assertLine(line(first, AccuracyLevel.REP, f.carl, ForecastMeasure.PIPELINE), "40", "0", "40", null);
        assertLine(line(first, AccuracyLevel.TEAM, f.maria, ForecastMeasure.BEST_CASE), "125", "100", "25",
                "0.2500");
        assertLine(line(first, AccuracyLevel.TEAM, f.maria, ForecastMeasure.PIPELINE), "125", "100", "25",
                "0.2500");
        assertThat(first.line(AccuracyLevel.TEAM, f.carl, ForecastMeasure.COMMIT)).as("Carl manages nobody")
                .isEmpty();
        assertThat(first.line(AccuracyLevel.REP, f.maria, ForecastMeasure.COMMIT)).as("Maria sells nothing")
                .isEmpty();
    }

    @Test
    void each_reps_latest_submission_before_the_cutoff_is_compared_and_a_team_rolls_up() {
        ForecastAccuracy accuracy = closedQuarter();

        assertThat(accuracy.submissions()).extracting(s -> s.submission().memberId())
                .containsExactlyInAnyOrder(f.ana, f.maria);
        SubmissionAccuracy anas = accuracy.submissions().stream()
                .filter(s -> s.submission().memberId().equals(f.ana)).findFirst().orElseThrow();
        assertThat(anas.submission().version()).as("the one after the cutoff is not").isEqualTo(1);
        assertLine(anas.line(ForecastMeasure.COMMIT), "90", "100", "-10", "0.1000");
        assertLine(anas.line(ForecastMeasure.BEST_CASE), "100", "100", "0", "0.0000");
        assertThat(anas.line(ForecastMeasure.COMMIT).level()).isEqualTo(AccuracyLevel.REP);
        SubmissionAccuracy team = accuracy.submissions().stream()
                .filter(s -> s.submission().memberId().equals(f.maria)).findFirst().orElseThrow();
        assertThat(team.submission().rolledUp()).isTrue();
        assertThat(team.line(ForecastMeasure.COMMIT).level()).isEqualTo(AccuracyLevel.TEAM);
        assertLine(team.line(ForecastMeasure.COMMIT), "90", "100", "-10", "0.1000");

        ForecastAccuracy later = forecasts.accuracy(Q1, "EUR", f.clock.instant());
        assertThat(later.submissions()).filteredOn(s -> s.submission().memberId().equals(f.ana)).singleElement()
                .satisfies(s -> assertThat(s.submission().version()).isEqualTo(2));
        assertThat(forecasts.accuracy(Q1, "USD", null).submissions()).isEmpty();
        assertThat(forecasts.accuracy(Q1, "USD", null).snapshots()).hasSize(2);
    }

    @Test
    void a_period_that_has_not_ended_or_bad_input_is_refused_naming_the_field() {
        f.clock.advance(Duration.ofDays(1));

        assertField(() -> forecasts.accuracy(Q1, "EUR", null), "period");
        assertField(() -> forecasts.accuracy(null, "EUR", null), "period");
        assertField(() -> forecasts.accuracy(ForecastFixture.CALENDAR.quarter(2025, 4), "EURO", null), "currency");
        assertThat(forecasts.accuracy(ForecastFixture.CALENDAR.quarter(2025, 4), "EUR", null).snapshots()).isEmpty();
    }

    @Test
    void an_absolute_percentage_error_is_rounded_half_even_to_four_places() {
        AccuracyLine line = new AccuracyLine(AccuracyLevel.TOTAL, null, ForecastMeasure.COMMIT, new BigDecimal("2"),
                new BigDecimal("3"));

        assertThat(line.absolutePercentageError()).contains(new BigDecimal("0.3333"));
        assertThat(new AccuracyLine(AccuracyLevel.TOTAL, null, ForecastMeasure.COMMIT, new BigDecimal("1.00005"),
                BigDecimal.ONE).absolutePercentageError()).contains(new BigDecimal("0.0000"));
        assertThat(new AccuracyLine(AccuracyLevel.TOTAL, null, ForecastMeasure.COMMIT, new BigDecimal("1.00015"),
                BigDecimal.ONE).absolutePercentageError()).contains(new BigDecimal("0.0002"));
    }

    private static AccuracyLine line(SnapshotAccuracy s, AccuracyLevel level, UUID member, ForecastMeasure measure) {
        return s.line(level, member, measure).orElseThrow();
    }

    private static void assertLine(AccuracyLine line, String forecast, String actual, String error, String ape) {
        assertThat(line.forecast()).isEqualByComparingTo(forecast);
        assertThat(line.actual()).isEqualByComparingTo(actual);
        assertThat(line.error()).isEqualByComparingTo(error);
        assertThat(line.absolutePercentageError()).isEqualTo(Optional.ofNullable(ape).map(BigDecimal::new));
    }
}
