package dev.crmkit.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The README's first command runs this scenario; the build proves a host's own domain still plugs in and merges. */
class DealerScenarioTest {
    @Test
    void the_dealers_own_domain_runs_beside_crmkits_and_its_drives_follow_a_merge() {
        PrintStream original = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
            DealerScenario.main(new String[0]);
        } finally {
            System.setOut(original);
        }
        String output = captured.toString(StandardCharsets.UTF_8);

        assertThat(output)
                .contains("domains: customer, customfield, touchpoint, customer-view, team, opportunity, lead,"
                        + " messaging, loyalty, forecast, ticket, ticket.knowledge-base, ticket.routing,"
                        + " ticket.satisfaction, ticket.reports, ticket.timeline, dealer.test-drive")
                .contains("booked EV6-GT and ID4-PRO")
                .contains("scheduler: Run[claimed=1, completed=1, retried=0]")
                .contains("the survivor now has 2 test drive(s): [EV6-GT, ID4-PRO]")
                .contains("dealer.test-drive.reminder-due")
                .contains("\"testDrives\":1")
                .contains("dealer.test-drive.completed")
                .doesNotContain("Jonas", "Weber", "jonas.weber@example.com");
    }
}
