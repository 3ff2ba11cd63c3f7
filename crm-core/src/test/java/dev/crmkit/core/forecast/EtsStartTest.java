package dev.crmkit.core.forecast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

/** Where fitting starts, against R's {@code forecast:::initstate} and {@code forecast:::initparam} (8.20). */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class EtsStartTest {
    private static final double[] AIR = RReference.data("AirPassengers").array();

    @Test
    void multiplicative_seasons_start_from_the_decomposition_as_in_R() {
        // R: forecast:::initstate(AirPassengers, "A", "M")
        assertThat(EtsStart.states(AIR, EtsForm.parse("MAM"), 12)).containsExactly(new double[] {
            120.95579813875539799, 0.99896498433581649, 0.89882438998501135, 0.80117808241347432,
            0.92175724041049767, 1.06049193264681829, 1.21991096944562494, 1.22655554293120139,
            1.11277582667927288, 0.98137802749512937, 0.97590601232284724, 1.00736628760354541,
            0.88362532069437572}, within(1e-9));
    }

    @Test
    void additive_seasons_start_from_the_decomposition_as_in_R() {
        // R: forecast:::initstate(AirPassengers, "A", "A")
        assertThat(EtsStart.states(AIR, EtsForm.parse("AAA"), 12)).containsExactly(new double[] {
            121.30970026350468061, 0.94855731225296225, -28.61994949494950902, -53.59343434343434609,
            -20.64267676767676463, 16.52020202020203499, 62.82323232323232531, 63.83080808080809021,
            35.40277777777778567, -4.50631313131312705, -8.03661616161615910, -2.24116161616161547,
            -36.18813131313131493}, within(1e-9));
    }

    @Test
    void a_level_without_trend_is_the_mean_of_the_first_ten_observations() {
        // R: forecast:::initstate(AirPassengers, "N", "N")
        assertThat(EtsStart.states(AIR, EtsForm.parse("ANN"), 12)).containsExactly(new double[] {129.8},
                within(1e-12));
        assertThat(EtsStart.states(new double[] {1, 2, 3, 4, 5, 6, 7}, EtsForm.parse("ANN"), 1))
                .containsExactly(new double[] {4}, within(1e-12));
    }

    @Test
    void a_trend_line_through_the_first_ten_is_nudged_when_its_first_value_is_zero() {
        // R: forecast:::initstate(ts(c(-1, 1, -1, ...)), "A", "N") gives -1/3 and 2/33
        double[] alternating = {-1, 1, -1, 1, -1, 1, -1, 1, -1, 1, -1, 1};
        assertThat(EtsStart.states(alternating, EtsForm.parse("AAN"), 1))
                .containsExactly(new double[] {-0.333333333333333315, 0.060606060606060608}, within(1e-12));

        // 0, 1, 2, ...: the line -1 + t is 0 at t = 1, so R scales the level up and the trend down by 0.1 %
        double[] rising = {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11};
        assertThat(EtsStart.states(rising, EtsForm.parse("AAN"), 1))
                .containsExactly(new double[] {-1.001, 0.999}, within(1e-9));
    }

    @Test
    void a_multiplicative_season_near_zero_starts_at_R_s_floor_of_one_percent() {
        // the second period of each cycle is almost nothing: its factor is far below 0.01
        double[] y = {10, 0.001, 10, 10, 10, 0.001, 10, 10, 10, 0.001, 10, 10, 10, 0.001, 10, 10};
        double[] start = EtsStart.states(y, EtsForm.parse("MNM"), 4);
        Decomposition d = Decomposition.of(y, 4, true);

        // s1, s2, s3 are the factors of the periods 4, 3 and 2, the last floored
        assertThat(d.figure[1]).isLessThan(0.01);
        assertThat(start).hasSize(4);
        assertThat(start[1]).isCloseTo(d.figure[3], within(1e-12));
        assertThat(start[2]).isCloseTo(d.figure[2], within(1e-12));
        assertThat(start[3]).isEqualTo(0.01);
    }

    @Test
    void the_smoothing_parameters_start_where_R_s_initparam_starts_them() {
        // R: forecast:::initparam(..., "A", "M", damped = TRUE, m = 12, bounds = "both")
        SmoothingParameters p = EtsStart.parameters(EtsForm.parse("MAdM"), 12);

        assertThat(p.alpha()).isCloseTo(0.0167633333333333349, within(1e-15));
        assertThat(p.beta()).isCloseTo(0.0017663333333333337, within(1e-15));
        assertThat(p.gamma()).isCloseTo(0.0492568333333333400, within(1e-15));
        assertThat(p.phi()).isCloseTo(0.9782, within(1e-15));
        SmoothingParameters simple = EtsStart.parameters(EtsForm.parse("ANN"), 12);
        assertThat(simple.alpha()).isCloseTo(1e-4 + 0.2 * (0.9999 - 1e-4), within(1e-15));
        assertThat(simple.beta()).isZero();
        assertThat(simple.gamma()).isZero();
        assertThat(simple.phi()).isEqualTo(1);
    }
}
