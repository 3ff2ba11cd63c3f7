package dev.crmkit.core.forecast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

/** The classical decomposition and the least-squares line against R's {@code decompose} and {@code lm}. */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class DecompositionTest {
    private static final double[] X = {5, 1, 3, 6, 2, 4, 7, 3, 5, 8, 4, 6};

    @Test
    void an_odd_cycle_is_averaged_over_one_cycle_and_its_figure_centred_on_zero() {
        // R: decompose(ts(x, frequency = 3))
        Decomposition d = Decomposition.of(X, 3, false);

        assertThat(d.trend[0]).isNaN();
        assertThat(d.trend[1]).isCloseTo(3.0, within(1e-12));
        assertThat(d.trend[2]).isCloseTo(3.3333333333333335, within(1e-12));
        assertThat(d.trend[10]).isCloseTo(6.0, within(1e-12));
        assertThat(d.trend[11]).isNaN();
        assertThat(d.figure).containsExactly(new double[] {2.33333333333333348, -2.00000000000000044,
            -0.33333333333333343}, within(1e-12));
        assertThat(d.seasonal(4)).isEqualTo(d.figure[1]);
    }

    @Test
    void an_even_cycle_weights_its_ends_by_half_and_a_multiplicative_figure_averages_one() {
        // R: decompose(ts(x, frequency = 4), "multiplicative")
        Decomposition d = Decomposition.of(X, 4, true);

        assertThat(d.trend[1]).isNaN();
        assertThat(d.trend[2]).isCloseTo(3.375, within(1e-12));
        assertThat(d.trend[7]).isCloseTo(5.25, within(1e-12));
        assertThat(d.trend[9]).isCloseTo(5.375, within(1e-12));
        assertThat(d.trend[10]).isNaN();
        assertThat(d.figure).containsExactly(new double[] {0.64841003250493001, 1.11213899325175936,
            1.15205351955823843, 1.08739745468507198}, within(1e-12));
    }

    @Test
    void the_line_is_R_s_least_squares_fit_at_abscissae_one_to_n() {
        // R: coef(lm(y ~ t)) for y = 2, 4, 5, 4, 5 and t = 1..5
        double[] line = Decomposition.line(new double[] {2, 4, 5, 4, 5});

        assertThat(line[0]).isCloseTo(2.2, within(1e-12));
        assertThat(line[1]).isCloseTo(0.6, within(1e-12));
        assertThat(Decomposition.line(new double[] {7})).containsExactly(7, 0);
    }
}
