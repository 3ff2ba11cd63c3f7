package dev.crmkit.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * The service desk scenario end to end on embedded H2: routing by skill, language, team, load and working hours; the
 * phone ticket's late first response escalated by the scheduler at its breach; a reply through the e-mail thread; the
 * surveys; and the reports it prints, whose figures are worked out by hand below from the scenario's times (Berlin
 * office hours 09:00 to 17:00).
 */
class ServiceScenarioTest {
    @Test
    void the_service_scenario_tells_its_story_and_its_reports_add_up() {
        // given
        PrintStream original = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();

        // when
        try {
            System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
            ServiceScenario.main(new String[0]);
        } finally {
            System.setOut(original);
        }

        // then
        String output = captured.toString(StandardCharsets.UTF_8);
        assertThat(output)
                // the only agent with the returns skill; the second line's electrician; the first line's least
                // loaded English speaker; the first line's only German speaker
                .contains("e-mail return  NORMAL PRODUCT_RETURN -> Lena")
                .contains("phone incident HIGH   INCIDENT -> Mia")
                .contains("chat question  NORMAL INFORMATION_REQUEST -> Tom")
                .contains("web form       NORMAL SERVICE_REQUEST -> Lena")
                // HIGH: first response due at 10:05; at 10:10 the breach's due work runs, once
                .contains("10:10 the scheduler ran 1 piece(s) of due work")
                .containsSubsequence("phone incident ticket.milestone-breached", "phone incident ticket.escalated",
                        "phone incident ticket.escalation-notified", "phone incident ticket.priority-changed")
                .contains("phone incident now URGENT, first response breached true (target PT30M)")
                .contains("the reply reached the e-mail return: OPEN")
                .contains("e-mail return  RESOLVED, NORMAL, Lena")
                .contains("phone incident RESOLVED, URGENT, Mia")
                .contains("chat question  RESOLVED, NORMAL, Tom")
                .contains("web form       RESOLVED, NORMAL, Lena")
                // 17:30: nobody is inside their working hours; at 09:00 Tom has been idle longer than Lena
                .contains("evening e-mail NORMAL SERVICE_REQUEST -> waits in the queue")
                .contains("Tuesday 09:00 routeWaiting routed 1: evening e-mail to Tom")
                // first responses 30, 75 (late), 40, 90 and 45 minutes (17:30 to 09:45 is 45 business minutes)
                .contains("FIRST_RESPONSE 5 completed, median PT45M, p90 PT1H24M, attainment 80.0%")
                .contains("NEXT_RESPONSE  1 completed, median PT30M, p90 PT30M, attainment 100.0%")
                // resolutions 90 (the hour and a half waiting on Anna left out), 355, 50 and 435 minutes:
                // median (90 + 355) / 2 = 222.5; p90 355 + 0.7 x 80 = 411
                .contains("RESOLUTION     4 completed, median PT3H42M30S, p90 PT6H51M, attainment 100.0%")
                .contains("backlog: 1 NORMAL ticket(s) younger than a day")
                .contains("satisfaction of Lena: 2 response(s), average 4.50, satisfied 100.0%")
                .contains("satisfaction of Tom: 1 response(s), average 4.00, satisfied 100.0%")
                .contains("satisfaction of Mia: 1 response(s), average 3.00, satisfied 0.0%")
                // three views; Jonas opened a ticket after his
                .contains("deflection: 66.7% of knowledge-base views spared a ticket");
        assertThat(output).doesNotContain("The new kettle came the next day");   // the comment stays in the database
    }
}
