package dev.crmkit.core.loyalty;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** A return's share of a line's points: half-even for some units, what is left for the last ones, never more. */
class AccrualSharesTest {
    @Test
    void some_units_take_their_share_rounded_half_even() {
        assertThat(AccrualAggregate.Shares.share(10, 1, 3, 3, 10)).isEqualTo(3);
        assertThat(AccrualAggregate.Shares.share(10, 2, 3, 3, 10)).isEqualTo(7);
        assertThat(AccrualAggregate.Shares.share(59, 1, 2, 2, 59)).as("29.5 to the even 30").isEqualTo(30);
        assertThat(AccrualAggregate.Shares.share(61, 1, 2, 2, 61)).as("30.5 to the even 30").isEqualTo(30);
    }

    @Test
    void the_last_units_take_what_is_left_of_the_points() {
        assertThat(AccrualAggregate.Shares.share(10, 1, 3, 1, 4)).isEqualTo(4);
        assertThat(AccrualAggregate.Shares.share(10, 2, 3, 2, 7)).isEqualTo(7);
    }

    @Test
    void a_share_never_exceeds_what_is_left_of_the_points() {
        // five points over eight units: each unit's share rounds up to 1, so the sixth finds nothing left
        assertThat(AccrualAggregate.Shares.share(5, 1, 8, 3, 0)).isZero();
        assertThat(AccrualAggregate.Shares.share(5, 1, 8, 8, 5)).isEqualTo(1);
    }
}
