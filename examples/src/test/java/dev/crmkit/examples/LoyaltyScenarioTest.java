package dev.crmkit.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * The loyalty scenario end to end on embedded H2: pending points, their posting and the tiers it reaches, a
 * redemption, a return, and the statement, liability and breakage it prints, with the expiry step marked as not built.
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
                .contains("(expiry is not built yet: no points lapse in this scenario)")
                .contains("opening: available 0 qualifying / 0 redeemable, pending 130 / 130")
                .contains("closing: available 449 qualifying / 299 redeemable, pending 0 / 0, owed 0 / 0")
                .contains("7 entries in the period, the first PENDING purchase")
                .contains("liability of club: 299 points outstanding x 0.0100 EUR = 2.9900 EUR (0 pending apart)")
                .contains("breakage of club: 508 issued, 0 expired, 150 redeemed; rate 0.0000; expected to break 0 of"
                        + " 299 outstanding");
    }
}
