package dev.crmkit.core.forecast;

import static dev.crmkit.core.forecast.BacktestTest.assertField;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

/** Every value and entry point of the statistical forecast refuses bad input with the field and the reason. */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class ForecastBadInputTest {
    private static final TimeSeries AIR = RReference.data("AirPassengers");
    private static final TimeSeries NEGATIVE = TimeSeries.of(12, values(40, i -> i % 2 == 0 ? -5 : 10));

    @Test
    void a_series_needs_finite_observations_and_a_period_from_1_to_24() {
        assertField(() -> new TimeSeries(null, 12), "values");
        assertField(() -> new TimeSeries(List.of(), 12), "values");
        assertField(() -> new TimeSeries(Arrays.asList(1.0, null), 12), "values[1]");
        assertField(() -> TimeSeries.monthly(1, Double.NaN), "values[1]");
        assertField(() -> TimeSeries.monthly(Double.POSITIVE_INFINITY), "values[0]");
        assertField(() -> TimeSeries.of(0, 1, 2), "seasonalPeriod");
        assertField(() -> TimeSeries.of(25, 1, 2), "seasonalPeriod");
        assertField(() -> AIR.head(0), "size");
        assertField(() -> AIR.head(145), "size");
    }

    @Test
    void a_form_needs_its_three_parts_and_no_additive_errors_with_multiplicative_seasons() {
        assertField(() -> new EtsForm(null, EtsForm.TrendType.NONE, EtsForm.SeasonType.NONE), "error");
        assertField(() -> new EtsForm(EtsForm.ErrorType.ADDITIVE, null, EtsForm.SeasonType.NONE), "trend");
        assertField(() -> new EtsForm(EtsForm.ErrorType.ADDITIVE, EtsForm.TrendType.NONE, null), "season");
        assertField(() -> EtsForm.parse("ANM"), "season");
        assertField(() -> EtsForm.parse("ETS(X,N,N)"), "name");
        assertField(() -> EtsForm.parse("AMN"), "name");
        assertField(() -> EtsForm.parse(""), "name");
    }

    @Test
    void smoothing_parameters_must_lie_in_their_ranges() {
        assertField(() -> SmoothingParameters.of(0, 0, 0), "alpha");
        assertField(() -> SmoothingParameters.of(1.01, 0, 0), "alpha");
        assertField(() -> SmoothingParameters.of(Double.NaN, 0, 0), "alpha");
        assertField(() -> SmoothingParameters.of(0.5, -0.01, 0), "beta");
        assertField(() -> SmoothingParameters.of(0.5, 0.51, 0), "beta");
        assertField(() -> SmoothingParameters.of(0.5, 0.1, -0.01), "gamma");
        assertField(() -> SmoothingParameters.of(0.5, 0.1, 0.51), "gamma");
        assertField(() -> SmoothingParameters.of(0.5, 0.1, 0.1).withPhi(0), "phi");
        assertField(() -> SmoothingParameters.of(0.5, 0.1, 0.1).withPhi(1.01), "phi");
    }

    @Test
    void forecasts_and_intervals_must_be_complete() {
        List<Double> one = List.of(1.0);
        PredictionInterval interval = new PredictionInterval(0.9, one, one);
        assertField(() -> new PredictionInterval(0, one, one), "level");
        assertField(() -> new PredictionInterval(1, one, one), "level");
        assertField(() -> new PredictionInterval(0.9, null, one), "lower");
        assertField(() -> new PredictionInterval(0.9, one, null), "upper");
        assertField(() -> new PredictionInterval(0.9, one, List.of(1.0, 2.0)), "upper");
        assertField(() -> new Forecast(null, one, List.of()), "model");
        assertField(() -> new Forecast(" ", one, List.of()), "model");
        assertField(() -> new Forecast("m", null, List.of()), "mean");
        assertField(() -> new Forecast("m", List.of(), List.of()), "mean");
        assertField(() -> new Forecast("m", one, null), "intervals");
        assertField(() -> new Forecast("m", List.of(1.0, 2.0), List.of(interval)), "intervals");
        assertField(() -> new Forecast("m", one, List.of(interval)).interval(0.8), "level");
    }

    @Test
    void holt_winters_refuses_series_that_do_not_suit_the_variant_and_parameters_outside_the_unit_interval() {
        assertField(() -> HoltWinters.fit(null, HoltWinters.Variant.SIMPLE), "series");
        assertField(() -> HoltWinters.fit(TimeSeries.of(1, 5), HoltWinters.Variant.SIMPLE), "series");
        assertField(() -> HoltWinters.fit(TimeSeries.of(1, 5, 6), HoltWinters.Variant.TREND), "series");
        assertField(() -> HoltWinters.fit(TimeSeries.of(1, values(30, i -> i)), HoltWinters.Variant.ADDITIVE),
                "series");
        assertField(() -> HoltWinters.fit(AIR.head(24), HoltWinters.Variant.ADDITIVE), "series");
        assertField(() -> HoltWinters.fit(NEGATIVE, HoltWinters.Variant.MULTIPLICATIVE), "series");
        assertField(() -> HoltWinters.withParameters(AIR, HoltWinters.Variant.ADDITIVE, 0, 0.1, 0.1), "alpha");
        assertField(() -> HoltWinters.withParameters(AIR, HoltWinters.Variant.ADDITIVE, 1.1, 0.1, 0.1), "alpha");
        assertField(() -> HoltWinters.withParameters(AIR, HoltWinters.Variant.ADDITIVE, 0.5, -0.1, 0.1), "beta");
        assertField(() -> HoltWinters.withParameters(AIR, HoltWinters.Variant.ADDITIVE, 0.5, 1.1, 0.1), "beta");
        assertField(() -> HoltWinters.withParameters(AIR, HoltWinters.Variant.ADDITIVE, 0.5, 0.1, -0.1), "gamma");
        assertField(() -> HoltWinters.withParameters(AIR, HoltWinters.Variant.ADDITIVE, 0.5, 0.1, 1.1), "gamma");
        assertField(() -> HoltWinters.fit(AIR, HoltWinters.Variant.SIMPLE).forecast(0), "h");
    }

    @Test
    void ets_refuses_series_that_do_not_suit_the_form_and_states_that_do_not_match_it() {
        EtsForm mam = EtsForm.parse("MAM");
        SmoothingParameters p = SmoothingParameters.of(0.3, 0.01, 0.1);
        assertField(() -> EtsModel.fit(null, mam), "series");
        assertField(() -> EtsModel.fit(AIR, null), "form");
        assertField(() -> EtsModel.fit(TimeSeries.of(1, values(40, i -> i + 1)), EtsForm.parse("ANA")), "series");
        assertField(() -> EtsModel.fit(AIR.head(35), EtsForm.parse("ANA")), "series");
        assertField(() -> EtsModel.fit(AIR.head(6), EtsForm.parse("ANN")), "series");
        assertField(() -> EtsModel.fit(NEGATIVE, EtsForm.parse("MNN")), "series");
        assertField(() -> EtsModel.fit(NEGATIVE, mam), "series");
        assertField(() -> EtsModel.select(null), "series");
        assertField(() -> EtsModel.select(TimeSeries.of(1, 1, 2, 3, 4, 5, 6)), "series");
        assertField(() -> EtsModel.withParameters(AIR, mam, p, List.of(1.0, 2.0)), "initialStates");
        assertField(() -> EtsModel.withParameters(AIR, mam, p, null), "initialStates");
        EtsModel model = EtsModel.fit(AIR.head(40), EtsForm.parse("ANN"));
        assertField(() -> model.forecast(0), "h");
        assertField(() -> model.forecast(1, 0.0), "levels");
        assertField(() -> model.forecast(1, 1.0), "levels");
    }

    static double[] values(int n, java.util.function.IntToDoubleFunction f) {
        double[] values = new double[n];
        for (int i = 0; i < n; i++) {
            values[i] = f.applyAsDouble(i);
        }
        return values;
    }
}
