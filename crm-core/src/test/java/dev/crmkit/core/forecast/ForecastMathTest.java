package dev.crmkit.core.forecast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

/** The numerical parts on their own: normal quantiles, the root test, the optimizer, forms and series. */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class ForecastMathTest {
    @Test
    void normal_quantiles_match_R_s_qnorm_to_double_precision() {
        // values of R's qnorm
        assertThat(Normal.quantile(0.975)).isCloseTo(1.959963984540054, within(1e-14));
        assertThat(Normal.quantile(0.9)).isCloseTo(1.2815515655446004, within(1e-14));
        assertThat(Normal.quantile(0.5)).isCloseTo(0, within(1e-15));
        assertThat(Normal.quantile(0.995)).isCloseTo(2.5758293035489004, within(1e-13));
        assertThat(Normal.quantile(0.01)).isCloseTo(-2.3263478740408408, within(1e-13));
        assertThat(Normal.quantile(0.025)).isCloseTo(-1.959963984540054, within(1e-14));
        assertThat(Normal.quantile(0.0001)).isCloseTo(-3.7190164854556804, within(1e-9));
        assertThat(Normal.cdf(1.959963984540054)).isCloseTo(0.975, within(1e-15));
        assertThat(Normal.cdf(0)).isEqualTo(0.5);
    }

    @Test
    void the_root_test_says_whether_every_root_lies_within_the_radius() {
        // (z - 0.5)(z - 0.9) has its roots inside, (z - 0.5)(z - 1.1) not
        assertThat(Admissibility.rootsWithin(new double[] {0.45, -1.4, 1}, 1)).isTrue();
        assertThat(Admissibility.rootsWithin(new double[] {0.55, -1.6, 1}, 1)).isFalse();
        // z^2 + 4 has roots 2i and -2i: outside the unit circle, inside a circle of radius 2.5
        assertThat(Admissibility.rootsWithin(new double[] {4, 0, 1}, 1)).isFalse();
        assertThat(Admissibility.rootsWithin(new double[] {4, 0, 1}, 2.5)).isTrue();
        // (z - 1)(z + 0.5) has a root on the circle: within 1 + 1e-10, not within 1 - 1e-10
        assertThat(Admissibility.rootsWithin(new double[] {-0.5, -0.5, 1}, 1 + 1e-10)).isTrue();
        assertThat(Admissibility.rootsWithin(new double[] {-0.5, -0.5, 1}, 1 - 1e-10)).isFalse();
        // a degree-13 polynomial with eleven roots near the circle, where an unscaled reduction underflows
        assertThat(Admissibility.seasonal(0.039, 0, 1e-4, 1, 12)).isTrue();
    }

    @Test
    void admissibility_refuses_parameters_outside_each_of_R_s_conditions() {
        assertThat(Admissibility.seasonal(0.3, 0.05, 0.2, 0.95, 12)).isTrue();
        // gamma above 1 + 1/phi - alpha
        assertThat(Admissibility.seasonal(0.3, 0.05, 1.8, 1, 12)).isFalse();
        // gamma below 1 - 1/phi - alpha, possible only with phi above 1
        assertThat(Admissibility.seasonal(0.01, 0, 0, 2, 4)).isFalse();
        // beta below -(1 - phi)(gamma/m + alpha)
        assertThat(Admissibility.seasonal(0.3, -0.1, 0.2, 0.9, 12)).isFalse();
        // alpha below its bound with a strongly damped, long cycle
        assertThat(Admissibility.seasonal(-0.5, 0, 0.1, 0.5, 12)).isFalse();
        // roots outside: a large alpha and gamma together
        assertThat(Admissibility.seasonal(0.99, 0.5, 0.9, 1, 4)).isFalse();
    }

    @Test
    void nelder_mead_finds_the_minimum_of_the_rosenbrock_valley() {
        NelderMead optimizer = new NelderMead(1e-14, 5000, 10);
        NelderMead.Minimum minimum = optimizer.minimize(
                x -> 100 * Math.pow(x[1] - x[0] * x[0], 2) + Math.pow(1 - x[0], 2), new double[] {-1.2, 1}, 0.5);

        assertThat(minimum.point()[0]).isCloseTo(1, within(1e-4));
        assertThat(minimum.point()[1]).isCloseTo(1, within(1e-4));
        assertThat(minimum.value()).isLessThan(1e-8);
    }

    @Test
    void nelder_mead_treats_a_non_number_as_infinitely_bad() {
        NelderMead optimizer = new NelderMead(1e-12, 2000, 3);
        NelderMead.Minimum minimum = optimizer.minimize(x -> x[0] < 0 ? Double.NaN : (x[0] - 2) * (x[0] - 2),
                new double[] {1}, 1);

        assertThat(minimum.point()[0]).isCloseTo(2, within(1e-5));
    }

    @Test
    void nelder_mead_stops_at_its_evaluation_budget() {
        // an objective that improves at every call never converges
        int[] calls = {0};
        NelderMead optimizer = new NelderMead(1e-12, 50, 0);
        optimizer.minimize(x -> -++calls[0], new double[] {5, 5}, 1);

        assertThat(calls[0]).isBetween(50, 60);
    }

    @Test
    void forms_are_named_and_parsed_as_R_writes_them() {
        assertThat(EtsForm.parse("ETS(M,Ad,M)").name()).isEqualTo("ETS(M,Ad,M)");
        assertThat(EtsForm.parse("MAdM")).isEqualTo(new EtsForm(EtsForm.ErrorType.MULTIPLICATIVE,
                EtsForm.TrendType.DAMPED, EtsForm.SeasonType.MULTIPLICATIVE));
        assertThat(EtsForm.parse("ANA").toString()).isEqualTo("ETS(A,N,A)");
        assertThat(EtsForm.parse("AAN").name()).isEqualTo("ETS(A,A,N)");
        EtsForm simple = EtsForm.parse("ANN");
        assertThat(simple.trended()).isFalse();
        assertThat(simple.seasonal()).isFalse();
        assertThat(simple.damped()).isFalse();
        assertThat(EtsForm.parse("MAdN").damped()).isTrue();
        assertThat(EtsForm.parse("MAdN").trended()).isTrue();
        assertThat(EtsForm.parse("MNA").seasonal()).isTrue();
        assertThat(EtsForm.parse("MAdM").stateCount(12)).isEqualTo(14);
        assertThat(simple.stateCount(12)).isEqualTo(1);
    }

    @Test
    void the_candidates_are_R_s_fifteen_forms_for_positive_seasonal_data_and_fewer_otherwise() {
        TimeSeries air = RReference.data("AirPassengers");
        assertThat(EtsForm.candidates(air)).hasSize(15).extracting(EtsForm::name)
                .startsWith("ETS(A,N,N)", "ETS(A,N,A)", "ETS(A,A,N)").endsWith("ETS(M,Ad,A)", "ETS(M,Ad,M)");
        assertThat(EtsForm.candidates(RReference.data("Nile"))).extracting(EtsForm::name)
                .containsExactly("ETS(A,N,N)", "ETS(A,A,N)", "ETS(A,Ad,N)", "ETS(M,N,N)", "ETS(M,A,N)",
                        "ETS(M,Ad,N)");
        TimeSeries withZero = new TimeSeries(air.values().stream().map(v -> v - 104).toList(), 12);
        assertThat(EtsForm.candidates(withZero)).extracting(EtsForm::name)
                .containsExactly("ETS(A,N,N)", "ETS(A,N,A)", "ETS(A,A,N)", "ETS(A,A,A)", "ETS(A,Ad,N)",
                        "ETS(A,Ad,A)");
        // 35 months: too short for seasons; more than four observations beyond the parameters (l, b, alpha, beta: 4)
        assertThat(EtsForm.candidates(air.head(35))).noneMatch(EtsForm::seasonal);
        assertThat(EtsForm.candidates(air.head(36))).anyMatch(EtsForm::seasonal);
        assertThat(EtsForm.candidates(air.head(8))).extracting(EtsForm::name)
                .containsExactly("ETS(A,N,N)", "ETS(M,N,N)");
        assertThat(EtsForm.candidates(air.head(9))).extracting(EtsForm::name)
                .contains("ETS(A,A,N)").doesNotContain("ETS(A,Ad,N)");
        assertThat(EtsForm.candidates(air.head(10))).extracting(EtsForm::name).contains("ETS(A,Ad,N)");
    }

    @Test
    void a_series_reports_its_size_positivity_and_head() {
        TimeSeries series = TimeSeries.monthly(3, 1, 2);

        assertThat(series.size()).isEqualTo(3);
        assertThat(series.seasonalPeriod()).isEqualTo(12);
        assertThat(series.positive()).isTrue();
        assertThat(TimeSeries.monthly(3, 0).positive()).isFalse();
        assertThat(series.head(2).values()).containsExactly(3.0, 1.0);
        assertThat(series.head(3)).isEqualTo(series);
    }

    @Test
    void a_fitted_model_reports_its_criteria_consistently() {
        TimeSeries nile = RReference.data("Nile");
        EtsModel model = EtsModel.fit(nile, EtsForm.parse("ANN"));

        // alpha, l0 and sigma: three parameters
        assertThat(model.parameterCount()).isEqualTo(3);
        assertThat(model.aic()).isCloseTo(-2 * model.logLikelihood() + 6, within(1e-9));
        assertThat(model.aicc()).isCloseTo(model.aic() + 2.0 * 3 * 4 / (100 - 3 - 1), within(1e-9));
        assertThat(model.bic()).isCloseTo(-2 * model.logLikelihood() + Math.log(100) * 3, within(1e-9));
        assertThat(model.initialStates()).hasSize(1);
        assertThat(model.finalStates()).hasSize(1);
        assertThat(model.residuals()).hasSize(100);
        assertThat(model.fitted().get(0) + model.residuals().get(0)).isCloseTo(nile.values().get(0), within(1e-9));
        assertThat(model.series()).isEqualTo(nile);
        assertThat(model.toString()).startsWith("ETS(A,N,N) AICc ");
        assertThat(model.pointForecasts(3)).containsExactlyElementsOf(model.forecast(3).mean());
        assertThat(model.forecast(1, 0.95).model()).isEqualTo("ETS(A,N,N)");
        assertThat(model.forecast(2).horizon()).isEqualTo(2);
        assertThat(EtsModel.fitAll(nile)).hasSize(6);
    }

    @Test
    void multiplicative_seasons_forecast_a_mean_above_the_point_forecast() {
        EtsModel model = EtsModel.fit(RReference.data("AirPassengers"), EtsForm.parse("MAM"));

        List<Double> mean = model.forecast(24).mean();
        List<Double> point = model.pointForecasts(24);

        // the first step's mean is the point forecast; later ones add the covariance of level and season
        assertThat(mean.get(0)).isCloseTo(point.get(0), within(1e-9 * point.get(0)));
        assertThat(mean.get(23)).isNotCloseTo(point.get(23), within(1e-9 * point.get(23)));
    }
}
