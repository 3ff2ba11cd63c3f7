package dev.crmkit.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * The loyalty scenario end to end on embedded H2: pending points, their posting and the tiers it reaches, a
 * redemption, a return, the expiry of what is left of each lot a month after it posted, oldest first, and the
 * statement, liability and breakage it prints.
 */
class LoyaltyScenarioTest {
    @Test
    void the_loyalty_scenario_tells_its_story_and_its_statement_adds_up() {
        // given
        PrintStream original = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();

        // when
        try {
            System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
            LoyaltyScenario.main(new String[0]);
        } finally {
            System.setOut(original);
        }

        // then
        String output = captured.toString(StandardCharsets.UTF_8);
        assertThat(output)
                .contains("after the order: available 0 qualifying / 0 redeemable, pending 130 / 130, owed 0 / 0")
                .contains("posted: available 130 qualifying / 130 redeemable, pending 0 / 0")
                .contains("tier silver")
                .contains("the jacket's points posted: available 508 qualifying / 508 redeemable")
                .contains("tier gold, benefits [free-shipping]")
                .contains("after the coffee and the return: available 449 qualifying / 299 redeemable, pending 0 / 0,"
                        + " owed 0 / 0")
                // the coffee and the return spent the first lot whole: its expiry takes nothing
                .contains("the first lot was spent whole, nothing lapsed: available 449 qualifying / 299 redeemable")
                // what was left of the jacket's lot lapses; the belt's younger lot stays; qualifying points never expire
                .contains("the rest of the jacket's lot lapsed, the belt's stays: available 474 qualifying / 25"
                        + " redeemable, pending 0 / 0, owed 0 / 0")
                .contains("opening: available 0 qualifying / 0 redeemable, pending 130 / 130")
                .contains("EXPIRY        1 entries  qualifying    +0  redeemable  -299")
                .contains("closing: available 474 qualifying / 25 redeemable, pending 0 / 0, owed 0 / 0")
                .contains("11 entries in the period, the first PENDING purchase")
                .contains("liability of club: 25 points outstanding x 0.0100 EUR = 0.2500 EUR (0 pending apart)")
                // 299 of 533 issued expired; of the 449 that ended, 299 expired: 25 x 299 / 449 = 16.6
                .contains("breakage of club: 533 issued, 299 expired, 150 redeemed; rate 0.5610; expected to break 17"
                        + " of 25 outstanding");
    }
}
