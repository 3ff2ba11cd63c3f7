package dev.crmkit.core.forecast;

import static dev.crmkit.core.forecast.ForecastFixture.Q1;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.crmkit.model.ConflictException;
import dev.crmkit.model.NotPermittedException;
import dev.crmkit.model.Page;
import dev.crmkit.model.PageRequest;
import dev.crmkit.model.ValidationException;
import dev.crmkit.model.forecast.ForecastFigures;
import dev.crmkit.model.forecast.QuotaScope;
import dev.crmkit.model.forecast.SubmissionKind;
import dev.crmkit.spi.outbox.OutboxEvent;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class ForecastSubmissionTest {
    private static final ForecastFigures CALL = ForecastFigures.of("EUR", "100000", "150000", "240000");
    private static final ForecastFigures LOWER = ForecastFigures.of("EUR", "80000", "150000", "240000");

    private final ForecastFixture f = new ForecastFixture();
    private final ForecastService forecasts = f.forecasts;

    @Test
    void a_rep_submits_and_a_later_submission_supersedes_while_the_earlier_stays_readable() {
        ForecastSubmission first = forecasts.submit(SubmitForecast.forRep(f.ana, Q1, CALL));
        f.clock.advance(Duration.ofDays(7));
        ForecastSubmission second = forecasts.submit(SubmitForecast.forRep(f.ana, Q1, LOWER));

        assertThat(first.version()).isEqualTo(1);
        assertThat(first.kind()).isEqualTo(SubmissionKind.SUBMITTED);
        assertThat(first.period()).isEqualTo("FY2026-Q1");
        assertThat(first.rolledUp()).isFalse();
        assertThat(second.version()).isEqualTo(2);
        assertThat(forecasts.currentForecast(f.ana, QuotaScope.REP, Q1)).contains(second);
        assertThat(forecasts.currentForecast(f.ana, QuotaScope.TEAM, Q1)).isEmpty();
        assertThat(forecasts.submissionHistory(f.ana, QuotaScope.REP, Q1, PageRequest.first(10)).items())
                .containsExactly(second, first);
        assertThat(f.events()).containsExactly("forecast.submitted", "forecast.submitted");
    }

    @Test
    void a_manager_above_adjusts_a_reps_forecast_and_the_adjustment_names_the_manager() {
        forecasts.submit(SubmitForecast.forRep(f.ana, Q1, CALL));

        ForecastSubmission adjusted = forecasts.submit(SubmitForecast.forRep(f.ana, Q1, LOWER).by(f.maria));

        assertThat(adjusted.kind()).isEqualTo(SubmissionKind.ADJUSTED);
        assertThat(adjusted.submittedBy()).isEqualTo(f.maria);
        assertThat(adjusted.memberId()).isEqualTo(f.ana);
        assertThat(adjusted.version()).isEqualTo(2);
        List<OutboxEvent> events = f.claim();
        assertThat(events).extracting(OutboxEvent::type).containsExactly("forecast.submitted", "forecast.adjusted");
        assertThat(events).extracting(OutboxEvent::aggregateType).containsOnly("forecast");
        assertThat(events).extracting(OutboxEvent::aggregateId).containsOnly(f.ana + "/REP/FY2026-Q1");
        assertThat(events.get(1).payload()).contains("\"adjustedBy\":\"" + f.maria + "\"")
                .contains("\"commit\":80000");
    }

    @Test
    void a_manager_higher_up_the_chain_adjusts_too_but_a_peer_a_report_or_an_outsider_may_not() {
        UUID vp = f.member("vp-1", null);
        UUID maria = f.member("maria-2", vp);
        UUID ana = f.member("ana-2", maria);
        UUID bo = f.member("bo-2", maria);

        assertThat(forecasts.submit(SubmitForecast.forRep(ana, Q1, CALL).by(vp)).kind())
                .isEqualTo(SubmissionKind.ADJUSTED);
        for (UUID notAbove : List.of(bo, f.carl, ana == bo ? vp : f.maria)) {
            assertThatThrownBy(() -> forecasts.submit(SubmitForecast.forRep(ana, Q1, CALL).by(notAbove)))
                    .isInstanceOf(NotPermittedException.class)
                    .hasMessageNotContaining(notAbove.toString());
        }
        assertThatThrownBy(() -> forecasts.submit(SubmitForecast.forTeam(maria, Q1, CALL).by(ana)))
                .as("a report cannot submit the manager's team forecast").isInstanceOf(NotPermittedException.class);
        assertThat(forecasts.submissionHistory(ana, QuotaScope.REP, Q1, PageRequest.first(10)).items()).hasSize(1);
    }

    @Test
    void a_team_without_a_team_submission_rolls_up_its_reps_and_an_explicit_one_replaces_the_roll_up() {
        forecasts.submit(SubmitForecast.forRep(f.ana, Q1, CALL));
        forecasts.submit(SubmitForecast.forRep(f.bo, Q1, ForecastFigures.of("EUR", "1", "2", "3")));
        forecasts.submit(SubmitForecast.forRep(f.carl, Q1, CALL));

        List<ForecastSubmission> rolled = forecasts.forecasts(Q1, f.clock.instant());

        assertThat(rolled).filteredOn(ForecastSubmission::rolledUp).singleElement().satisfies(team -> {
            assertThat(team.memberId()).isEqualTo(f.maria);
            assertThat(team.scope()).isEqualTo(QuotaScope.TEAM);
            assertThat(team.figures().sameAs(ForecastFigures.of("EUR", "100001", "150002", "240003"))).isTrue();
        });
        assertThat(rolled).hasSize(4);

        forecasts.submit(SubmitForecast.forTeam(f.maria, Q1, ForecastFigures.of("EUR", "90000", "90000", "90000")));
        List<ForecastSubmission> explicit = forecasts.forecasts(Q1, f.clock.instant());
        assertThat(explicit).noneMatch(ForecastSubmission::rolledUp);
        assertThat(explicit).filteredOn(s -> s.memberId().equals(f.maria)).singleElement()
                .satisfies(s -> assertThat(s.version()).isEqualTo(1));
        assertThat(forecasts.forecasts(Q1, f.clock.instant().minusSeconds(1))).isEmpty();
    }

    @Test
    void a_team_whose_reps_submitted_in_several_currencies_has_no_rolled_up_forecast() {
        forecasts.submit(SubmitForecast.forRep(f.ana, Q1, CALL));
        forecasts.submit(SubmitForecast.forRep(f.bo, Q1, ForecastFigures.of("USD", "1", "2", "3")));

        assertThat(forecasts.forecasts(Q1, f.clock.instant())).noneMatch(ForecastSubmission::rolledUp);
    }

    @Test
    void a_retry_with_the_same_key_and_payload_returns_the_first_result_and_records_nothing() {
        SubmitForecast command = SubmitForecast.forRep(f.ana, Q1, CALL).withIdempotencyKey("call-17");
        ForecastSubmission first = forecasts.submit(command);
        f.clock.advance(Duration.ofMinutes(5));

        ForecastSubmission retried = forecasts.submit(SubmitForecast.forRep(f.ana, Q1,
                ForecastFigures.of("EUR", "100000.00", "150000", "240000")).withIdempotencyKey("call-17"));

        assertThat(retried).isEqualTo(first);
        assertThat(forecasts.submissionHistory(f.ana, QuotaScope.REP, Q1, PageRequest.first(10)).items()).hasSize(1);
        assertThat(f.events()).containsExactly("forecast.submitted");
    }

    @Test
    void the_same_key_with_another_payload_is_a_conflict_and_changes_nothing() {
        forecasts.submit(SubmitForecast.forRep(f.ana, Q1, CALL).withIdempotencyKey("call-17"));

        for (SubmitForecast other : List.of(SubmitForecast.forRep(f.ana, Q1, LOWER),
                SubmitForecast.forRep(f.bo, Q1, CALL), SubmitForecast.forTeam(f.ana, Q1, CALL),
                SubmitForecast.forRep(f.ana, ForecastFixture.CALENDAR.quarter(2026, 2), CALL),
                SubmitForecast.forRep(f.ana, Q1, CALL).by(f.maria))) {
            assertThatThrownBy(() -> forecasts.submit(other.withIdempotencyKey("call-17")))
                    .isInstanceOfSatisfying(ConflictException.class, e -> assertThat(e.retryable()).isFalse());
        }
        assertThat(forecasts.forecasts(Q1, f.clock.instant())).filteredOn(s -> !s.rolledUp()).hasSize(1);
    }

    @Test
    void a_stale_expected_version_is_a_retryable_conflict_and_the_right_one_is_stored() {
        forecasts.submit(SubmitForecast.forRep(f.ana, Q1, CALL));

        assertThatThrownBy(() -> forecasts.submit(SubmitForecast.forRep(f.ana, Q1, LOWER).atVersion(0)))
                .isInstanceOfSatisfying(ConflictException.class, e -> assertThat(e.retryable()).isTrue());
        assertThatThrownBy(() -> forecasts.submit(SubmitForecast.forRep(f.ana, Q1, LOWER).atVersion(2)))
                .isInstanceOf(ConflictException.class);
        assertThat(forecasts.submit(SubmitForecast.forRep(f.ana, Q1, LOWER).atVersion(1)).version()).isEqualTo(2);
    }

    @Test
    void history_pages_run_newest_first() {
        for (int i = 0; i < 5; i++) {
            forecasts.submit(SubmitForecast.forRep(f.ana, Q1, ForecastFigures.of("EUR", "" + i, "10", "10")));
        }
        Page<ForecastSubmission> first = forecasts.submissionHistory(f.ana, QuotaScope.REP, Q1, PageRequest.first(3));
        Page<ForecastSubmission> second = forecasts.submissionHistory(f.ana, QuotaScope.REP, Q1,
                PageRequest.first(3).next(first.next().orElseThrow()));

        assertThat(first.items()).extracting(ForecastSubmission::version).containsExactly(5L, 4L, 3L);
        assertThat(second.items()).extracting(ForecastSubmission::version).containsExactly(2L, 1L);
        assertThat(second.hasNext()).isFalse();
    }

    @Test
    void bad_input_names_the_field_and_stores_nothing() {
        FiscalPeriod notTheCalendars = new FiscalPeriod(PeriodType.QUARTER, 2026, 1, LocalDate.of(2026, 1, 5),
                LocalDate.of(2026, 4, 5));
        UUID stranger = UUID.randomUUID();

        assertField(() -> forecasts.submit(SubmitForecast.forRep(stranger, Q1, CALL)), "memberId");
        assertField(() -> forecasts.submit(SubmitForecast.forRep(f.ana, Q1, CALL).by(stranger)), "submittedBy");
        assertField(() -> forecasts.submit(SubmitForecast.forRep(f.ana, notTheCalendars, CALL)), "period");
        assertField(() -> forecasts.submit(null), "command");
        assertField(() -> SubmitForecast.forRep(null, Q1, CALL), "memberId");
        assertField(() -> SubmitForecast.forRep(f.ana, null, CALL), "period");
        assertField(() -> SubmitForecast.forRep(f.ana, Q1, null), "figures");
        assertField(() -> SubmitForecast.forRep(f.ana, Q1, CALL).by(null), "submittedBy");
        assertField(() -> new SubmitForecast(f.ana, null, Q1, f.ana, CALL, null, null), "scope");
        assertField(() -> SubmitForecast.forRep(f.ana, Q1, CALL).atVersion(-1), "expectedVersion");
        assertField(() -> SubmitForecast.forRep(f.ana, Q1, CALL).withIdempotencyKey(" "), "idempotencyKey");
        assertField(() -> SubmitForecast.forRep(f.ana, Q1, CALL).withIdempotencyKey("k".repeat(101)),
                "idempotencyKey");
        assertField(() -> ForecastFigures.of("EUR", "10", "9", "20"), "bestCase");
        assertField(() -> ForecastFigures.of("EUR", "10", "20", "19.99"), "pipeline");
        assertField(() -> ForecastFigures.of("EUR", "-1", "20", "30"), "commit");
        assertField(() -> ForecastFigures.of("EUR", "1.00001", "20", "30"), "commit");
        assertField(() -> ForecastFigures.of("EUR", "x", "20", "30"), "commit");
        assertField(() -> ForecastFigures.of("eur", "1", "2", "3"), "currency");
        assertField(() -> forecasts.currentForecast(null, QuotaScope.REP, Q1), "memberId");
        assertField(() -> forecasts.currentForecast(f.ana, null, Q1), "scope");
        assertField(() -> forecasts.submissionHistory(f.ana, QuotaScope.REP, Q1, null), "page");
        assertField(() -> forecasts.forecasts(Q1, null), "asOf");
        assertThat(forecasts.forecasts(Q1, f.clock.instant())).isEmpty();
        assertThat(f.events()).isEmpty();
    }

    @Test
    void figures_equal_at_any_scale_and_boundaries_are_allowed() {
        ForecastFigures flat = ForecastFigures.of("EUR", "5", "5", "5");

        assertThat(flat.sameAs(ForecastFigures.of("EUR", "5.0000", "5.0", "5"))).isTrue();
        assertThat(flat.sameAs(ForecastFigures.of("USD", "5", "5", "5"))).isFalse();
        assertThat(flat.sameAs(ForecastFigures.of("EUR", "4", "5", "5"))).isFalse();
        assertThat(flat.sameAs(ForecastFigures.of("EUR", "5", "6", "6"))).isFalse();
        assertThat(flat.sameAs(ForecastFigures.of("EUR", "5", "5", "6"))).isFalse();
        assertThat(flat.sameAs(null)).isFalse();
        assertThat(ForecastFigures.of("EUR", "0", "0", "0").commit()).isZero();
    }

    private static void assertField(org.assertj.core.api.ThrowableAssert.ThrowingCallable call, String field) {
        assertThatThrownBy(call).isInstanceOfSatisfying(ValidationException.class,
                e -> assertThat(e.field()).isEqualTo(field));
    }
}
