package dev.crmkit.core.forecast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.crmkit.model.ValidationException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class BacktestTest {
    private static final TimeSeries RISING = TimeSeries.of(1, 1, 2, 3, 4, 5);

    /** Forecasts twice the last value, every step. */
    private static final Forecaster DOUBLING = new Forecaster.Named("doubling", (history, h) -> {
        List<Double> forecast = new ArrayList<>();
        for (int i = 0; i < h; i++) {
            forecast.add(2 * history.values().get(history.size() - 1));
        }
        return forecast;
    });

    @Test
    void mase_and_smape_are_computed_over_every_origin_as_by_hand() {
        // given 1..5 without seasons, one step ahead from the origins 2, 3 and 4
        BacktestReport report = Backtest.rollingOrigin(RISING, 1, 2, List.of(DOUBLING));

        // then naive forecasts 2, 3, 4 for 3, 4, 5 (errors 1, in-sample naive error 1) and doubling 4, 6, 8
        assertThat(report.origins()).isEqualTo(3);
        assertThat(report.horizon()).isEqualTo(1);
        ModelAccuracy naive = report.accuracy("seasonal naive");
        assertThat(naive.mase()).isCloseTo(1, within(1e-12));
        assertThat(naive.smape()).isCloseTo((200.0 / 5 + 200.0 / 7 + 200.0 / 9) / 3, within(1e-12));
        assertThat(naive.relativeMase()).isCloseTo(1, within(1e-12));
        assertThat(naive.forecasts()).isEqualTo(3);
        ModelAccuracy doubling = report.accuracy("doubling");
        assertThat(doubling.mase()).isCloseTo(2, within(1e-12));
        assertThat(doubling.smape()).isCloseTo((200.0 / 7 + 400.0 / 10 + 600.0 / 13) / 3, within(1e-12));
        assertThat(doubling.relativeMase()).isCloseTo(2, within(1e-12));
        assertThat(doubling.beatsSeasonalNaive()).isFalse();
        assertThat(report.best().model()).isEqualTo("seasonal naive");
        assertThat(report.models()).extracting(ModelAccuracy::model).containsExactly("seasonal naive", "doubling");
    }

    @Test
    void the_scale_of_mase_is_the_in_sample_seasonal_naive_error_of_each_history() {
        // given a series with a cycle of 2 whose seasonal differences are 2, 2, 2, then 10
        TimeSeries series = TimeSeries.of(2, 1, 5, 3, 7, 5, 9, 15, 11);

        // when forecasting two steps from the origins 6 and ... (one origin: 6 + 2 = 8)
        BacktestReport report = Backtest.rollingOrigin(series, 2, 6, List.of());

        // then naive repeats 5, 9 against 15, 11: errors 10 and 2 over the scale 2, MASE 3
        assertThat(report.origins()).isEqualTo(1);
        assertThat(report.accuracy("seasonal naive").mase()).isCloseTo(3, within(1e-12));
        assertThat(report.accuracy("seasonal naive").forecasts()).isEqualTo(2);
    }

    @Test
    void on_AirPassengers_the_seasonal_models_beat_seasonal_naive_by_rolling_origin() {
        // given the last two years as origins, three months ahead
        TimeSeries airPassengers = RReference.data("AirPassengers");

        // when ETS(M,A,M) and multiplicative Holt-Winters are backtested
        BacktestReport report = Backtest.rollingOrigin(airPassengers, 3, 118, List.of(
                Forecaster.ets(EtsForm.parse("MAM")), Forecaster.holtWinters(HoltWinters.Variant.MULTIPLICATIVE),
                Forecaster.seasonalNaive()));

        // then both beat seasonal naive, whose growth they follow, and are reported under their names
        assertThat(report.origins()).isEqualTo(24);
        assertThat(report.models()).extracting(ModelAccuracy::model)
                .containsExactly("seasonal naive", "ETS(M,A,M)", "Holt-Winters multiplicative");
        assertThat(report.accuracy("ETS(M,A,M)").beatsSeasonalNaive()).isTrue();
        assertThat(report.accuracy("Holt-Winters multiplicative").beatsSeasonalNaive()).isTrue();
        assertThat(report.accuracy("ETS(M,A,M)").smape())
                .isLessThan(report.accuracy("seasonal naive").smape());
        assertThat(report.best().model()).isNotEqualTo("seasonal naive");
    }

    @Test
    void the_automatic_choice_can_be_backtested_on_a_short_span() {
        BacktestReport report = Backtest.rollingOrigin(RReference.data("Nile"), 1, 97,
                List.of(Forecaster.automaticEts(), Forecaster.holtWinters(HoltWinters.Variant.SIMPLE)));

        assertThat(report.origins()).isEqualTo(3);
        assertThat(report.accuracy("ETS by AICc").mase()).isPositive();
        assertThat(report.accuracy("Holt-Winters simple").smape()).isPositive();
    }

    @Test
    void bad_arguments_are_refused_naming_the_argument() {
        assertField(() -> Backtest.rollingOrigin(null, 1, 2, List.of()), "series");
        assertField(() -> Backtest.rollingOrigin(RISING, 0, 2, List.of()), "horizon");
        assertField(() -> Backtest.rollingOrigin(RISING, 1, 1, List.of()), "firstOrigin");
        assertField(() -> Backtest.rollingOrigin(RISING, 4, 2, List.of()), "firstOrigin");
        assertField(() -> Backtest.rollingOrigin(RISING, 1, 2, null), "forecasters");
        List<Forecaster> withNull = new ArrayList<>();
        withNull.add(null);
        assertField(() -> Backtest.rollingOrigin(RISING, 1, 2, withNull), "forecasters");
        assertField(() -> Backtest.rollingOrigin(TimeSeries.of(1, 3, 3, 3, 3), 1, 2, List.of()), "series");
        Forecaster tooShort = new Forecaster.Named("short", (history, h) -> List.of());
        assertField(() -> Backtest.rollingOrigin(RISING, 1, 2, List.of(tooShort)), "forecasters");
        assertField(() -> new Forecaster.Named(" ", (history, h) -> List.of()), "name");
        assertField(() -> new Forecaster.Named("x", null), "method");
        assertField(() -> Forecaster.seasonalNaive().forecast(TimeSeries.of(12, 1, 2), 1), "history");
    }

    @Test
    void the_report_refuses_a_model_it_has_not_and_values_that_make_no_report() {
        BacktestReport report = Backtest.rollingOrigin(RISING, 1, 2, List.of());

        assertField(() -> report.accuracy("ETS(A,N,N)"), "model");
        List<ModelAccuracy> models = report.models();
        assertField(() -> new BacktestReport(0, 1, models), "horizon");
        assertField(() -> new BacktestReport(1, 0, models), "origins");
        assertField(() -> new BacktestReport(1, 1, List.of()), "models");
        assertField(() -> new BacktestReport(1, 1, null), "models");
        assertField(() -> new ModelAccuracy(" ", 1, 1, 1, 1), "model");
        assertField(() -> new ModelAccuracy(null, 1, 1, 1, 1), "model");
        assertField(() -> new ModelAccuracy("m", 1, 1, 1, 0), "forecasts");
        assertThat(new ModelAccuracy("m", 1, 1, 0.99, 1).beatsSeasonalNaive()).isTrue();
        assertThat(new ModelAccuracy("m", 1, 1, 1, 1).beatsSeasonalNaive()).isFalse();
    }

    static void assertField(org.assertj.core.api.ThrowableAssert.ThrowingCallable call, String field) {
        assertThatThrownBy(call).isInstanceOfSatisfying(ValidationException.class,
                e -> assertThat(e.field()).isEqualTo(field));
    }
}
