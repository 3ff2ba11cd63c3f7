package dev.crmkit.core.forecast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.doubles;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

/**
 * Invariants of the forecasts over generated series: what a constant series forecasts, and how forecasts follow a
 * shift (additive models) or a scaling (multiplicative models) of the data.
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class ForecastPropertyTest {
    private static final EtsForm ADDITIVE_HOLT_WINTERS = EtsForm.parse("AAA");
    private static final EtsForm MULTIPLICATIVE_HOLT_WINTERS = EtsForm.parse("MAM");

    /** A positive monthly series of three to five years: level, trend, a seasonal pattern and noise. */
    private static Gen<TimeSeries> seasonalSeries() {
        Gen<List<Double>> noise = lists().of(doubles().between(-1, 1)).ofSizeBetween(36, 60);
        Gen<List<Double>> pattern = lists().of(doubles().between(-1, 1)).ofSize(12);
        return noise.zip(pattern, doubles().between(50, 5000), doubles().between(-0.01, 0.01),
                (errors, seasons, level, growth) -> {
                    List<Double> values = new ArrayList<>();
                    for (int t = 0; t < errors.size(); t++) {
                        double trend = level * (1 + growth * t);
                        values.add(trend * (1 + 0.2 * seasons.get(t % 12)) + 0.05 * level * errors.get(t));
                    }
                    return new TimeSeries(values, 12);
                });
    }

    private static Gen<SmoothingParameters> parameters() {
        return doubles().between(0.01, 0.99).zip(doubles().between(0, 1), doubles().between(0, 1),
                doubles().between(0.8, 1), (alpha, b, g, phi) -> new SmoothingParameters(alpha, b * alpha,
                        g * (1 - alpha), phi));
    }

    @Test
    void a_constant_series_forecasts_the_constant_with_no_spread() {
        qt().withExamples(15).forAll(doubles().between(-1e6, 1e6), integers().between(36, 60))
                .checkAssert((constant, length) -> {
                    // given a constant series
                    double[] values = new double[length];
                    java.util.Arrays.fill(values, constant);
                    TimeSeries series = TimeSeries.of(12, values);

                    // when the simplest ETS form and Holt-Winters are fitted
                    Forecast ets = EtsModel.fit(series, EtsForm.parse("ANN")).forecast(6, 0.95);
                    List<Double> holtWinters = HoltWinters.fit(series, HoltWinters.Variant.ADDITIVE).forecast(6);

                    // then both forecast the constant, the ETS interval with no width
                    for (int i = 0; i < 6; i++) {
                        assertThat(ets.mean().get(i)).isCloseTo(constant, within(1e-9 * Math.max(1, Math.abs(constant))));
                        assertThat(ets.interval(0.95).upper().get(i)).isCloseTo(constant,
                                within(1e-9 * Math.max(1, Math.abs(constant))));
                        assertThat(holtWinters.get(i)).isCloseTo(constant,
                                within(1e-6 * Math.max(1, Math.abs(constant))));
                    }
                });
    }

    @Test
    void a_constant_positive_series_is_forecast_as_the_constant_by_the_form_AICc_chooses() {
        qt().withExamples(3).forAll(doubles().between(1, 1e5)).checkAssert(constant -> {
            double[] values = new double[40];
            java.util.Arrays.fill(values, constant);

            EtsModel chosen = EtsModel.select(TimeSeries.of(12, values));

            assertThat(chosen.form()).isEqualTo(EtsForm.parse("ANN"));
            // a perfect fit has no finite likelihood; as in R, the criterion is held at -1e10
            assertThat(chosen.logLikelihood()).isEqualTo(5e9);
            assertThat(chosen.forecast(3).mean()).allSatisfy(v -> assertThat(v).isCloseTo(constant,
                    within(1e-9 * constant)));
        });
    }

    @Test
    void an_additive_model_of_a_series_shifted_by_c_forecasts_shifted_by_c() {
        qt().withExamples(40).forAll(seasonalSeries(), parameters(), doubles().between(-1e4, 1e4))
                .checkAssert((series, p, c) -> {
                    // given the same parameters, and the initial level shifted with the data
                    TimeSeries shifted = map(series, v -> v + c);
                    HoltWinters original = HoltWinters.withParameters(series, HoltWinters.Variant.ADDITIVE,
                            p.alpha(), p.beta() / p.alpha(), p.gamma());
                    HoltWinters moved = HoltWinters.withParameters(shifted, HoltWinters.Variant.ADDITIVE,
                            p.alpha(), p.beta() / p.alpha(), p.gamma());
                    List<Double> states = startStates(series, ADDITIVE_HOLT_WINTERS);
                    List<Double> shiftedStates = new ArrayList<>(states);
                    shiftedStates.set(0, states.get(0) + c);
                    Forecast ets = EtsModel.withParameters(series, ADDITIVE_HOLT_WINTERS, p, states)
                            .forecast(12, 0.9);
                    Forecast etsMoved = EtsModel.withParameters(shifted, ADDITIVE_HOLT_WINTERS, p, shiftedStates)
                            .forecast(12, 0.9);

                    // then every forecast and bound moves by c
                    double tolerance = 1e-8 * (Math.abs(c) + series.values().get(0));
                    List<Double> before = original.forecast(12);
                    List<Double> after = moved.forecast(12);
                    for (int i = 0; i < 12; i++) {
                        assertThat(after.get(i)).isCloseTo(before.get(i) + c, within(tolerance));
                        assertThat(etsMoved.mean().get(i)).isCloseTo(ets.mean().get(i) + c, within(tolerance));
                        assertThat(etsMoved.interval(0.9).lower().get(i))
                                .isCloseTo(ets.interval(0.9).lower().get(i) + c, within(tolerance));
                    }
                });
    }

    @Test
    void a_multiplicative_model_of_a_series_scaled_by_k_forecasts_scaled_by_k() {
        qt().withExamples(25).forAll(seasonalSeries(), parameters(), doubles().between(1e-3, 1e3))
                .checkAssert((series, p, k) -> {
                    // given the same parameters, and the initial level and trend scaled with the data
                    TimeSeries scaled = map(series, v -> v * k);
                    List<Double> states = startStates(series, MULTIPLICATIVE_HOLT_WINTERS);
                    List<Double> scaledStates = new ArrayList<>(states);
                    scaledStates.set(0, states.get(0) * k);
                    scaledStates.set(1, states.get(1) * k);
                    Forecast ets = EtsModel.withParameters(series, MULTIPLICATIVE_HOLT_WINTERS, p, states)
                            .forecast(12, 0.8);
                    Forecast etsScaled = EtsModel.withParameters(scaled, MULTIPLICATIVE_HOLT_WINTERS, p,
                            scaledStates).forecast(12, 0.8);

                    // then every forecast and bound is k times as large
                    for (int i = 0; i < 12; i++) {
                        double mean = ets.mean().get(i);
                        assertThat(etsScaled.mean().get(i)).isCloseTo(mean * k,
                                within(1e-9 * Math.abs(mean * k) + Double.MIN_VALUE));
                        double upper = ets.interval(0.8).upper().get(i);
                        assertThat(etsScaled.interval(0.8).upper().get(i)).isCloseTo(upper * k,
                                within(1e-9 * Math.abs(upper * k) + Double.MIN_VALUE));
                    }
                });
    }

    @Test
    void multiplicative_Holt_Winters_fitted_to_a_series_scaled_by_a_power_of_two_forecasts_it_scaled() {
        qt().withExamples(15).forAll(seasonalSeries(), integers().between(-20, 20)).checkAssert((series, power) -> {
            // given a series scaled by 2^power, which scales every number exactly
            double k = Math.scalb(1.0, power);

            // when both are fitted by least squares
            HoltWinters original = HoltWinters.fit(series, HoltWinters.Variant.MULTIPLICATIVE);
            HoltWinters scaled = HoltWinters.fit(map(series, v -> v * k), HoltWinters.Variant.MULTIPLICATIVE);

            // then the parameters are the same and the forecasts scale
            assertThat(scaled.alpha()).isEqualTo(original.alpha());
            List<Double> before = original.forecast(12);
            List<Double> after = scaled.forecast(12);
            for (int i = 0; i < 12; i++) {
                assertThat(after.get(i)).isCloseTo(before.get(i) * k, within(1e-12 * Math.abs(before.get(i) * k)));
            }
        });
    }

    @Test
    void intervals_nest_around_the_mean_and_widen_with_the_horizon_for_additive_errors() {
        qt().withExamples(20).forAll(seasonalSeries(), parameters()).checkAssert((series, p) -> {
            Forecast forecast = EtsModel.withParameters(series, ADDITIVE_HOLT_WINTERS, p,
                    startStates(series, ADDITIVE_HOLT_WINTERS)).forecast(24, 0.8, 0.95);

            PredictionInterval narrow = forecast.interval(0.8);
            PredictionInterval wide = forecast.interval(0.95);
            for (int i = 0; i < 24; i++) {
                assertThat(wide.lower().get(i)).isLessThan(narrow.lower().get(i));
                assertThat(narrow.lower().get(i)).isLessThan(forecast.mean().get(i));
                assertThat(narrow.upper().get(i)).isGreaterThan(forecast.mean().get(i));
                assertThat(wide.upper().get(i)).isGreaterThan(narrow.upper().get(i));
                if (i > 0) {
                    double width = wide.upper().get(i) - wide.lower().get(i);
                    double before = wide.upper().get(i - 1) - wide.lower().get(i - 1);
                    assertThat(width).isGreaterThanOrEqualTo(before - 1e-9 * series.values().get(0));
                }
            }
        });
    }

    private static List<Double> startStates(TimeSeries series, EtsForm form) {
        double[] states = EtsStart.complete(EtsStart.states(series.array(), form, 12), form, 12);
        List<Double> list = new ArrayList<>();
        for (double s : states) {
            list.add(s);
        }
        return list;
    }

    private static TimeSeries map(TimeSeries series, java.util.function.DoubleUnaryOperator f) {
        return new TimeSeries(series.values().stream().map(f::applyAsDouble).toList(), series.seasonalPeriod());
    }
}
