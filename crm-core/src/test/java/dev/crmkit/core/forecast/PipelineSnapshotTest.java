package dev.crmkit.core.forecast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.crmkit.core.scheduling.DueWorkScheduler;
import dev.crmkit.model.NotFoundException;
import dev.crmkit.model.PageRequest;
import dev.crmkit.model.ValidationException;
import dev.crmkit.model.opportunity.ForecastCategory;
import dev.crmkit.spi.scheduling.DueWorkRecord;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class PipelineSnapshotTest {
    /** Mondays at 08:00 in Berlin, two quarters from the one the Monday falls in, in euros. */
    private static final SnapshotSchedule WEEKLY = SnapshotSchedule.weekly("weekly", DayOfWeek.MONDAY,
            LocalTime.of(8, 0), PeriodType.QUARTER, 2, "EUR");
    private static final Instant MONDAY_16 = Instant.parse("2026-02-16T07:00:00Z");

    private final ForecastFixture f = new ForecastFixture();
    private final ForecastService forecasts = f.forecasts;
    private final DueWorkScheduler scheduler = f.crm.scheduler();

    @Test
    void a_weekly_schedule_takes_its_snapshot_once_when_due_and_schedules_the_next_monday() {
        f.open(f.ana, "100", "EUR", LocalDate.of(2026, 3, 15), ForecastCategory.COMMIT, 80);
        f.open(f.bo, "50", "USD", LocalDate.of(2026, 3, 20), ForecastCategory.BEST_CASE, 50);
        f.open(f.ana, "30", "EUR", LocalDate.of(2026, 5, 2), ForecastCategory.PIPELINE, 10);

        Instant first = forecasts.scheduleSnapshots(WEEKLY);
        assertThat(first).isEqualTo(MONDAY_16);
        assertThat(scheduler.runDueWork().claimed()).as("not due yet").isZero();

        f.clock.advance(Duration.between(f.clock.instant(), MONDAY_16).plusMinutes(5));
        scheduler.runDueWork();
        assertThat(scheduler.runDueWork().claimed()).as("taken once").isZero();

        List<PipelineSnapshot> taken = forecasts.snapshots(PageRequest.first(10)).items();
        assertThat(taken).singleElement().satisfies(s -> {
            assertThat(s.schedule()).isEqualTo("weekly");
            assertThat(s.occurrence()).isEqualTo(MONDAY_16);
            assertThat(s.takenAt()).isEqualTo(MONDAY_16.plusSeconds(300));
            assertThat(s.firstPeriod()).isEqualTo("FY2026-Q1");
            assertThat(s.periods()).isEqualTo(2);
            assertThat(s.currency()).isEqualTo("EUR");
        });
        PipelineSnapshot snapshot = forecasts.snapshot(taken.get(0).id());
        assertThat(snapshot.cells()).extracting(c -> c.period() + " " + (c.ownerId().equals(f.ana) ? "ana" : "bo")
                + " " + c.category() + " " + c.deals() + " " + c.amount().stripTrailingZeros().toPlainString()
                + " " + c.weightedAmount().stripTrailingZeros().toPlainString())
                .containsExactlyInAnyOrder("FY2026-Q1 ana COMMIT 1 100 80", "FY2026-Q1 bo BEST_CASE 1 25 12.5",
                        "FY2026-Q2 ana PIPELINE 1 30 3");
        assertThat(snapshot.rates()).singleElement().satisfies(r -> {
            assertThat(r.period()).isEqualTo("FY2026-Q1");
            assertThat(r.fromCurrency()).isEqualTo("USD");
            assertThat(r.rate()).isEqualByComparingTo("0.50");
            assertThat(r.appliesFrom()).isEqualTo(LocalDate.of(2026, 1, 1));
        });
        assertThat(forecasts.snapshotSchedule("weekly")).hasValueSatisfying(next -> {
            assertThat(next.nextAt()).isEqualTo(Instant.parse("2026-02-23T07:00:00Z"));
            assertThat(next.schedule()).isEqualTo(WEEKLY);
        });
        assertThat(f.events()).containsExactly("forecast.snapshot.taken");
    }

    @Test
    void a_scheduler_that_ran_nowhere_for_weeks_takes_the_missed_occurrence_once_and_moves_on_from_now() {
        forecasts.scheduleSnapshots(WEEKLY);
        f.clock.advance(Duration.ofDays(20));

        scheduler.runDueWork();

        assertThat(forecasts.snapshots(PageRequest.first(10)).items()).singleElement()
                .satisfies(s -> assertThat(s.occurrence()).isEqualTo(MONDAY_16));
        assertThat(forecasts.snapshotSchedule("weekly").orElseThrow().nextAt())
                .isEqualTo(Instant.parse("2026-03-09T07:00:00Z"));
    }

    @Test
    void a_period_start_schedule_falls_due_at_the_next_quarter_start_in_the_tenants_zone() {
        SnapshotSchedule quarterly = SnapshotSchedule.atPeriodStart("quarterly", PeriodType.QUARTER,
                LocalTime.of(6, 0), 1, "EUR");

        assertThat(forecasts.scheduleSnapshots(quarterly)).isEqualTo(Instant.parse("2026-04-01T04:00:00Z"));
        assertThat(quarterly.nextAfter(Instant.parse("2026-04-01T04:00:00Z"), ForecastFixture.CALENDAR))
                .isEqualTo(Instant.parse("2026-07-01T04:00:00Z"));
        assertThat(quarterly.nextAfter(Instant.parse("2026-04-01T03:59:59Z"), ForecastFixture.CALENDAR))
                .isEqualTo(Instant.parse("2026-04-01T04:00:00Z"));
        assertThat(WEEKLY.nextAfter(MONDAY_16, ForecastFixture.CALENDAR))
                .isEqualTo(Instant.parse("2026-02-23T07:00:00Z"));
        assertThat(WEEKLY.nextAfter(MONDAY_16.minusNanos(1000), ForecastFixture.CALENDAR)).isEqualTo(MONDAY_16);
        assertThat(WEEKLY.nextAfter(Instant.parse("2026-03-23T12:00:00Z"), ForecastFixture.CALENDAR))
                .as("summer time starts on 29 March: 08:00 in Berlin is 06:00 UTC")
                .isEqualTo(Instant.parse("2026-03-30T06:00:00Z"));
    }

    @Test
    void a_cancelled_or_replaced_schedule_takes_no_snapshot_for_the_old_occurrence() {
        forecasts.scheduleSnapshots(WEEKLY);
        assertThat(forecasts.cancelSnapshots("weekly")).isTrue();
        assertThat(forecasts.cancelSnapshots("weekly")).isFalse();
        assertThat(forecasts.snapshotSchedule("weekly")).isEmpty();

        forecasts.scheduleSnapshots(WEEKLY);
        f.clock.advance(Duration.ofDays(7));
        DueWorkRecord due = f.storage.dueWork().find("acme", ForecastService.SNAPSHOT, "weekly").orElseThrow();
        forecasts.scheduleSnapshots(SnapshotSchedule.weekly("weekly", DayOfWeek.MONDAY, LocalTime.of(9, 0),
                PeriodType.MONTH, 1, "EUR"));
        assertThat(forecasts.snapshotSchedule("weekly").orElseThrow().nextAt()).isAfter(due.dueAt());
        scheduler.runDueWork();
        assertThat(forecasts.snapshots(PageRequest.first(10)).items()).isEmpty();
    }

    @Test
    void due_work_without_a_schedule_in_its_payload_is_dropped() {
        f.storage.transactions().run(() -> f.storage.dueWork().schedule(DueWorkRecord.of("acme", UUID.randomUUID(),
                ForecastService.SNAPSHOT, "broken", f.clock.instant(), "v2;garbage")));

        assertThat(scheduler.runDueWork().completed()).isEqualTo(1);
        assertThat(forecasts.snapshots(PageRequest.first(10)).items()).isEmpty();
        assertThat(SnapshotSchedule.parse("x", null)).isEmpty();
        assertThat(SnapshotSchedule.parse("x", "v1;MONDAY;-;08:00;QUARTER;0;EUR")).isEmpty();
        assertThat(SnapshotSchedule.parse("x", "v1;MONDAY;-;8h;QUARTER;1;EUR")).isEmpty();
        assertThat(SnapshotSchedule.parse("weekly", WEEKLY.payload())).contains(WEEKLY);
    }

    @Test
    void a_snapshot_needing_a_missing_rate_is_retried_and_not_skipped() {
        f.open(f.ana, "100", "JPY", LocalDate.of(2026, 3, 15), ForecastCategory.COMMIT, 80);
        forecasts.scheduleSnapshots(WEEKLY);
        f.clock.advance(Duration.ofDays(7));

        assertThat(scheduler.runDueWork().retried()).isEqualTo(1);
        assertThat(forecasts.snapshots(PageRequest.first(10)).items()).isEmpty();
        assertThat(forecasts.snapshotSchedule("weekly").orElseThrow().nextAt()).as("retried after a backoff")
                .isEqualTo(f.clock.instant().plus(DueWorkScheduler.Settings.defaults().retryBackoff()));
    }

    @Test
    void bad_schedules_and_lookups_name_the_field() {
        assertField(() -> SnapshotSchedule.weekly("a b", DayOfWeek.MONDAY, LocalTime.NOON, PeriodType.QUARTER, 1,
                "EUR"), "name");
        assertField(() -> SnapshotSchedule.weekly(null, DayOfWeek.MONDAY, LocalTime.NOON, PeriodType.QUARTER, 1,
                "EUR"), "name");
        assertField(() -> SnapshotSchedule.weekly("w", null, LocalTime.NOON, PeriodType.QUARTER, 1, "EUR"), "day");
        assertField(() -> new SnapshotSchedule("w", DayOfWeek.MONDAY, PeriodType.YEAR, LocalTime.NOON,
                PeriodType.QUARTER, 1, "EUR"), "day");
        assertField(() -> SnapshotSchedule.weekly("w", DayOfWeek.MONDAY, LocalTime.of(8, 0, 1), PeriodType.QUARTER,
                1, "EUR"), "time");
        assertField(() -> SnapshotSchedule.weekly("w", DayOfWeek.MONDAY, null, PeriodType.QUARTER, 1, "EUR"),
                "time");
        assertField(() -> SnapshotSchedule.weekly("w", DayOfWeek.MONDAY, LocalTime.NOON, null, 1, "EUR"),
                "periodType");
        assertField(() -> SnapshotSchedule.weekly("w", DayOfWeek.MONDAY, LocalTime.NOON, PeriodType.QUARTER, 0,
                "EUR"), "periods");
        assertField(() -> SnapshotSchedule.weekly("w", DayOfWeek.MONDAY, LocalTime.NOON, PeriodType.QUARTER, 121,
                "EUR"), "periods");
        assertField(() -> SnapshotSchedule.weekly("w", DayOfWeek.MONDAY, LocalTime.NOON, PeriodType.QUARTER, 1,
                "EURO"), "currency");
        assertField(() -> SnapshotSchedule.atPeriodStart("w", null, LocalTime.NOON, 1, "EUR"), "startOf");
        assertField(() -> forecasts.scheduleSnapshots(null), "schedule");
        assertField(() -> forecasts.snapshots(null), "page");
        assertThat(SnapshotSchedule.weekly("w", DayOfWeek.MONDAY, LocalTime.NOON, PeriodType.QUARTER, 120, "EUR")
                .periods()).isEqualTo(120);
        assertThat(SnapshotSchedule.weekly("x".repeat(100), DayOfWeek.MONDAY, LocalTime.NOON, PeriodType.QUARTER,
                1, "EUR").name()).hasSize(100);
        assertField(() -> SnapshotSchedule.weekly("x".repeat(101), DayOfWeek.MONDAY, LocalTime.NOON,
                PeriodType.QUARTER, 1, "EUR"), "name");
        assertThatThrownBy(() -> forecasts.snapshot(UUID.randomUUID())).isInstanceOf(NotFoundException.class);
    }

    static void assertField(org.assertj.core.api.ThrowableAssert.ThrowingCallable call, String field) {
        assertThatThrownBy(call).isInstanceOfSatisfying(ValidationException.class,
                e -> assertThat(e.field()).isEqualTo(field));
    }
}
