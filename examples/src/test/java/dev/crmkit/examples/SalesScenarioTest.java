package dev.crmkit.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The README's first command runs this scenario after the retailer's; the build proves it tells its story. */
class SalesScenarioTest {
    @Test
    void the_sales_scenario_runs_end_to_end_on_embedded_h2() {
        PrintStream original = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
            SalesScenario.main(new String[0]);
        } finally {
            System.setOut(original);
        }
        String output = captured.toString(StandardCharsets.UTF_8);

        assertThat(output)
                .contains("model version 1 stored")
                .containsPattern("web form again  -> MERGED  Greta Hoffmann")
                .contains("linked to an existing customer")
                .contains("trade-show list: 4 rows, 2 leads created, 1 merged, 1 refused")
                .contains("row 3 refused: email must be a valid e-mail address")
                .contains("+15 fit.target-industry")
                .contains("predictive.industry")
                .contains("qualified: QUALIFIED")
                .contains("converted: new customer true, deal opened")
                .contains("[WEB_FORM via fleet-webinar]")
                .contains("referral converted into the existing customer: true")
                .contains("win rate: 1 won, 1 lost")
                .contains("won deals in EUR: 1, average 54000.00")
                .contains("opportunity.won=1");
    }
}
