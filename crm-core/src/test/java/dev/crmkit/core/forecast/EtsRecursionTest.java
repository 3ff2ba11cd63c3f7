package dev.crmkit.core.forecast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

/** The recursions at their edges, where R's {@code etscalc} guards against dividing by zero. */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class EtsRecursionTest {
    private static final SmoothingParameters P = SmoothingParameters.of(0.5, 0, 0.25);

    @Test
    void one_step_by_hand_for_additive_errors_trend_and_seasons() {
        // given level 10, trend 1, seasons s1 = 2 and s2 = -2 (s2 is the season of the next observation)
        EtsForm form = EtsForm.parse("AAA");
        SmoothingParameters p = SmoothingParameters.of(0.5, 0.25, 0.25);

        // when 12 is observed: forecast 10 + 1 - 2 = 9, error 3
        EtsRecursion.Pass pass = EtsRecursion.run(new double[] {12}, form, 2, p, new double[] {10, 1, 2, -2});

        // then level 11 + 0.5 (14 - 11) = 12.5, trend 1 + (0.25 / 0.5) (12.5 - 10 - 1) = 1.75, new season
        // -2 + 0.25 (12 - 11 + 2) = -1.25 in front of the others
        assertThat(pass.fitted()).containsExactly(9.0);
        assertThat(pass.errors()).containsExactly(3.0);
        assertThat(pass.finalState()).containsExactly(new double[] {12.5, 1.75, -1.25, 2}, within(1e-12));
        assertThat(pass.criterion()).isCloseTo(Math.log(9), within(1e-12));
    }

    @Test
    void multiplicative_errors_are_relative_and_add_the_log_forecasts_to_the_criterion() {
        EtsRecursion.Pass pass = EtsRecursion.run(new double[] {12, 9}, EtsForm.parse("MNN"), 1,
                SmoothingParameters.of(0.5, 0, 0), new double[] {10});

        // forecasts 10 then 11: errors 0.2 and -2/11
        assertThat(pass.errors()).containsExactly(new double[] {0.2, -2.0 / 11}, within(1e-12));
        double sse = 0.04 + 4.0 / 121;
        assertThat(pass.criterion()).isCloseTo(2 * Math.log(sse) + 2 * (Math.log(10) + Math.log(11)),
                within(1e-12));
        assertThat(pass.sumOfSquaredErrors()).isCloseTo(sse, within(1e-15));
    }

    @Test
    void a_zero_multiplicative_season_makes_the_adjusted_observation_huge_instead_of_infinite() {
        EtsRecursion.Pass pass = EtsRecursion.run(new double[] {5}, EtsForm.parse("MNM"), 2, P,
                new double[] {10, 1, 0});

        // the forecast 10 * 0 = 0 gives no finite relative error, but the states stay finite: the new season is
        // 0 + 0.25 (5 / 10 - 0)
        assertThat(pass.finalState()[0]).isCloseTo(10 + 0.5 * (1e10 - 10), within(1e-3));
        assertThat(pass.finalState()[1]).isCloseTo(0.125, within(1e-12));
        assertThat(pass.finalState()[2]).isEqualTo(1);
        assertThat(pass.criterion()).isEqualTo(Double.POSITIVE_INFINITY);
    }

    @Test
    void a_zero_level_makes_the_new_multiplicative_season_huge_instead_of_infinite() {
        EtsRecursion.Pass pass = EtsRecursion.run(new double[] {5}, EtsForm.parse("MNM"), 2, P,
                new double[] {0, 1, 1});

        // level 0 + 0.5 (5 - 0) = 2.5, season 1 + 0.25 (1e10 - 1)
        assertThat(pass.finalState()[0]).isCloseTo(2.5, within(1e-12));
        assertThat(pass.finalState()[1]).isCloseTo(1 + 0.25 * (1e10 - 1), within(1e-3));
    }

    @Test
    void a_perfect_fit_is_held_at_R_s_lowest_criterion() {
        EtsRecursion.Pass pass = EtsRecursion.run(new double[] {3, 3, 3}, EtsForm.parse("ANN"), 1,
                SmoothingParameters.of(0.5, 0, 0), new double[] {3});

        assertThat(pass.criterion()).isEqualTo(EtsRecursion.LOWEST_CRITERION);
    }

    @Test
    void damped_point_forecasts_add_the_powers_of_phi() {
        double[] forecasts = EtsRecursion.pointForecasts(new double[] {10, 2}, EtsForm.parse("AAdN"), 1, 0.5, 3);

        // 10 + 2 (0.5), 10 + 2 (0.5 + 0.25), 10 + 2 (0.5 + 0.25 + 0.125)
        assertThat(forecasts).containsExactly(new double[] {11, 11.5, 11.75}, within(1e-12));
        assertThat(EtsRecursion.pointForecasts(new double[] {10, 2}, EtsForm.parse("AAN"), 1, 1, 3))
                .containsExactly(12, 14, 16);
        assertThat(EtsRecursion.pointForecasts(new double[] {10, 2, 3}, EtsForm.parse("MNM"), 2, 1, 3))
                .containsExactly(new double[] {30, 20, 30}, within(1e-12));
    }
}
