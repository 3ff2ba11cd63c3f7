package dev.crmkit.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The README's first command runs this scenario; the build proves it still runs and tells its story. */
class RetailerScenarioTest {
    @Test
    void the_retailer_scenario_runs_end_to_end_on_embedded_h2() {
        PrintStream original = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
            RetailerScenario.main(new String[0]);
        } finally {
            System.setOut(original);
        }
        String output = captured.toString(StandardCharsets.UTF_8);

        assertThat(output)
                .contains("imported 1,995 of 2,000 rows; 1 duplicates skipped; 5 rows rejected")
                .contains("EMAIL  stored as anna.schmidt@example.com")
                .contains("PHONE  stored as +49301234567")
                .contains("possible duplicate: score")
                .contains("the online sign-up's id now resolves to: Anna's record")
                .contains("Run[claimed=1, completed=1, retried=0]")
                .contains("follow-up.due=1")
                .contains("timeline 2026-11-21T12:00:00Z WEB")
                .contains("queued: e-mail QUEUED, SMS QUEUED, call-list entry")
                .contains("after the scheduler ran: e-mail DELIVERED, SMS SENT")
                .contains("call list written as CSV: 1 row(s) under the header message_id,customer_id,name,phone,topic,"
                        + "notes,status");
    }
}
