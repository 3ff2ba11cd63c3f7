package dev.crmkit.core.ticket;

import static dev.crmkit.core.ticket.TicketFixtures.TENANT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.crmkit.model.ValidationException;
import dev.crmkit.model.ticket.ArticleContent;
import dev.crmkit.model.ticket.BacklogCell;
import dev.crmkit.model.ticket.MilestoneKind;
import dev.crmkit.model.ticket.MilestoneTimes;
import dev.crmkit.model.ticket.SatisfactionSummary;
import dev.crmkit.model.ticket.SlaTarget;
import dev.crmkit.model.ticket.TicketChannel;
import dev.crmkit.model.ticket.TicketKind;
import dev.crmkit.model.ticket.TicketPriority;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

/**
 * The service reports over a small week of work on the in-memory storage. The tenant's calendar is 09:00 to 17:00 UTC,
 * Monday to Friday; the clock starts on Monday 2 March 2026 at 09:00 UTC.
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class ServiceReportsTest {
    private final TicketFixtures f = new TicketFixtures();
    private final ServiceReports reports = f.crm.tenant(TENANT).service(ServiceReports.class);
    private final SatisfactionSurveys surveys = f.crm.tenant(TENANT).service(SatisfactionSurveys.class);
    private final KnowledgeBase kb = f.crm.tenant(TENANT).service(KnowledgeBase.class);
    private final Instant monday = TicketFixtures.START;

    private void at(Instant instant) {
        f.clock.advance(Duration.between(f.clock.instant(), instant));
    }

    private Instant monday(int hour) {
        return monday.plus(Duration.ofHours(hour - 9L));
    }

    @Test
    void first_response_and_resolution_times_are_business_time_percentiles_with_the_sla_attainment() {
        // given: office hours, a first response due in 2 business hours and a resolution in 8
        f.tickets.saveCalendar(null, BusinessCalendar.weekdays(ZoneOffset.UTC, BusinessHours.of("09:00", "17:00")), 0);
        f.tickets.saveSlaPolicy(SlaPolicy.of(List.of(SlaTarget.of(MilestoneKind.FIRST_RESPONSE, Duration.ofHours(2)),
                SlaTarget.of(MilestoneKind.RESOLUTION, Duration.ofHours(8)))), 0);
        UUID agent = f.agent();
        Ticket quick = f.complaint();
        Ticket slow = f.complaint();

        // when: one is answered after 1 hour and resolved after 3; the other answered after 7 and resolved on Tuesday
        at(monday(10));
        f.tickets.respond(quick.id(), agent);
        at(monday(12));
        f.tickets.resolve(quick.id());
        at(monday(16));
        f.tickets.respond(slow.id(), agent);
        at(monday(24 + 11));
        f.tickets.resolve(slow.id());

        // then: 10 business hours for the slow resolution (26 by the wall clock), and half of each kind met its target
        List<MilestoneTimes> times = reports.milestoneTimes(monday, monday.plus(Duration.ofDays(7)));
        assertThat(times).containsExactly(
                new MilestoneTimes(MilestoneKind.FIRST_RESPONSE, 2, 1, Duration.ofHours(4),
                        Duration.ofHours(6).plusMinutes(24)),
                new MilestoneTimes(MilestoneKind.RESOLUTION, 2, 1, Duration.ofMinutes(390),
                        Duration.ofHours(9).plusMinutes(18)));
        assertThat(times).allSatisfy(t -> assertThat(t.attainmentPercent()).isEqualByComparingTo("50.0"));
        assertThat(reports.milestoneTimes(monday.plus(Duration.ofDays(7)), monday.plus(Duration.ofDays(8)))).isEmpty();
    }

    @Test
    void the_backlog_counts_active_tickets_by_priority_and_age_now() {
        f.complaint();
        f.tickets.open(OpenTicket.of(f.person(), TicketKind.INCIDENT, TicketChannel.PHONE, "Outage")
                .withPriority(TicketPriority.URGENT));
        f.tickets.resolve(f.complaint().id());
        at(monday.plus(Duration.ofDays(3)));
        f.complaint();

        assertThat(reports.backlog()).containsExactly(new BacklogCell(TicketPriority.NORMAL, 0, 1),
                new BacklogCell(TicketPriority.NORMAL, 2, 1), new BacklogCell(TicketPriority.URGENT, 2, 1));
        assertThat(reports.backlog(List.of(Duration.ofDays(2)))).containsExactly(
                new BacklogCell(TicketPriority.NORMAL, 0, 1), new BacklogCell(TicketPriority.NORMAL, 1, 1),
                new BacklogCell(TicketPriority.URGENT, 1, 1));
        assertThatThrownBy(() -> reports.backlog(List.of()))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("ageBounds"));
    }

    @Test
    void satisfaction_by_agent_and_the_deflection_rate_come_from_the_surveys_and_the_knowledge_base() {
        UUID ann = f.agent();
        UUID bob = f.agent();
        Ticket first = f.complaint();
        f.tickets.assign(first.id(), ann);
        f.tickets.resolve(first.id());
        Ticket second = f.complaint();
        f.tickets.assign(second.id(), bob);
        f.tickets.resolve(second.id());
        surveys.answer(first.id(), 5, null);
        surveys.answer(second.id(), 2, "Took ages.");
        Article article = kb.publish(kb.draft(new ArticleContent("Descaling", "Citric acid.", List.of(), "en")).id());
        UUID reader = f.person();
        kb.recordView(article.id(), reader, null);
        kb.recordView(article.id(), f.person(), null);
        kb.recordView(article.id(), null, "session-1");
        f.tickets.open(OpenTicket.of(reader, TicketKind.SERVICE_REQUEST, TicketChannel.WEB_FORM, "Still scaly"));
        Instant from = monday;
        Instant to = monday.plus(Duration.ofDays(1));

        assertThat(reports.satisfactionByAgent(from, to)).containsExactlyInAnyOrder(
                new SatisfactionSummary(ann, 1, 5, 1), new SatisfactionSummary(bob, 1, 2, 0));
        assertThat(reports.deflectionPercent(from, to)).as("one escalated, two pending").contains(new BigDecimal("0.0"));
        at(monday.plus(Duration.ofDays(2)));
        assertThat(reports.deflectionPercent(from, to)).as("two of three deflected").contains(new BigDecimal("66.7"));
        assertThat(reports.deflectionPercent(to, to.plusSeconds(60))).isEmpty();
        assertThatThrownBy(() -> reports.satisfactionByAgent(to, from))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("to"));
        assertThatThrownBy(() -> reports.deflectionPercent(to, to))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("to"));
    }

    @Test
    void the_module_is_registered_by_default_on_the_ticket_domain_and_its_stores() {
        assertThat(new ServiceReportModule().name()).isEqualTo("ticket.reports");
        assertThat(new ServiceReportModule().requires()).containsExactly("ticket");
        assertThat(new ServiceReportModule().storageCapabilities()).containsExactlyInAnyOrder(
                dev.crmkit.spi.ticket.ServiceReportStorage.class, dev.crmkit.spi.ticket.TicketStorage.class,
                dev.crmkit.spi.ticket.ServiceLevelStorage.class);
        assertThat(f.crm.tenant(TENANT).find(ServiceReports.class)).isPresent();
    }
}
