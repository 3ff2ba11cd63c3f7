package dev.crmkit.core.ticket;

import static dev.crmkit.core.ticket.TicketFixtures.OTHER_TENANT;
import static dev.crmkit.core.ticket.TicketFixtures.TENANT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.crmkit.core.port.PublishedEvent;
import dev.crmkit.model.ConflictException;
import dev.crmkit.model.NotFoundException;
import dev.crmkit.model.ValidationException;
import dev.crmkit.model.team.Availability;
import dev.crmkit.model.team.TeamRole;
import dev.crmkit.model.ticket.SatisfactionGrouping;
import dev.crmkit.model.ticket.SatisfactionSummary;
import dev.crmkit.model.ticket.TicketChannel;
import dev.crmkit.model.ticket.TicketKind;
import dev.crmkit.spi.team.TeamMemberRecord;
import dev.crmkit.spi.team.TeamRecord;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class SatisfactionSurveyTest {
    private static final String COMMENT = "Anna here: the courier was rude, but you fixed it fast.";

    private final TicketFixtures f = new TicketFixtures();
    private final SatisfactionSurveys surveys = f.crm.tenant(TENANT).service(SatisfactionSurveys.class);
    private final UUID team = team(TENANT);

    private UUID team(String tenant) {
        Instant now = f.clock.instant();
        UUID id = UUID.randomUUID();
        f.storage.teams().insert(new TeamRecord(tenant, id, 1, now, now, "Second level", null));
        return id;
    }

    /** A service agent in the team. */
    private UUID teamAgent() {
        Instant now = f.clock.instant();
        UUID id = UUID.randomUUID();
        f.storage.teamMembers().insert(new TeamMemberRecord(TENANT, id, 1, now, now, "agent-" + id.toString()
                .substring(0, 8), "Agent", TeamRole.SERVICE_AGENT, team, null, Set.of(), Set.of(), Set.of(), 0, 10,
                Availability.ACTIVE, null));
        return id;
    }

    /** A complaint assigned to the agent (none when null) and resolved. */
    private Ticket resolvedBy(UUID agent) {
        Ticket ticket = f.complaint();
        if (agent != null) {
            f.tickets.assign(ticket.id(), agent);
        }
        return f.tickets.resolve(ticket.id());
    }

    @Test
    void a_resolved_ticket_is_rated_once_with_its_agent_and_team_and_the_event_keeps_the_comment_out() {
        UUID agent = teamAgent();
        Ticket ticket = resolvedBy(agent);
        f.clock.advance(Duration.ofHours(2));

        SurveyResponse response = surveys.answer(ticket.id(), 4, COMMENT);

        assertThat(response.ticketId()).isEqualTo(ticket.id());
        assertThat(response.customerId()).isEqualTo(ticket.customerId());
        assertThat(response.agentId()).isEqualTo(agent);
        assertThat(response.teamId()).isEqualTo(team);
        assertThat(response.score()).isEqualTo(4);
        assertThat(response.comment()).isEqualTo(COMMENT);
        assertThat(response.answeredAt()).isEqualTo(f.clock.instant());
        assertThat(surveys.response(ticket.id())).contains(response);
        List<PublishedEvent> answered = f.publishAll().stream()
                .filter(e -> e.type().equals("ticket.satisfaction.answered")).toList();
        assertThat(answered).singleElement().satisfies(e -> {
            assertThat(e.aggregateType()).isEqualTo("ticket.satisfaction");
            assertThat(e.aggregateId()).isEqualTo(ticket.id().toString());
            assertThat(e.payload()).contains("\"score\":4", "\"commented\":true", agent.toString(), team.toString())
                    .doesNotContain("Anna", "courier", "rude");
        });
    }

    @Test
    void a_second_answer_for_a_ticket_is_a_conflict_that_is_not_retryable_and_changes_nothing() {
        Ticket ticket = resolvedBy(null);
        SurveyResponse first = surveys.answer(ticket.id(), 2, null);
        long events = f.outbox();

        assertThatThrownBy(() -> surveys.answer(ticket.id(), 5, "better now"))
                .isInstanceOfSatisfying(ConflictException.class, e -> {
                    assertThat(e.retryable()).isFalse();
                    assertThat(e.getMessage()).contains(ticket.id().toString()).doesNotContain("better");
                });

        assertThat(surveys.response(ticket.id())).contains(first);
        assertThat(first.agentId()).isNull();
        assertThat(first.teamId()).isNull();
        assertThat(f.outbox()).isEqualTo(events);
    }

    @Test
    void a_closed_ticket_is_rated_but_an_active_or_merged_one_is_refused_naming_the_ticket() {
        Ticket closed = f.tickets.close(resolvedBy(null).id());
        Ticket active = f.complaint();
        Ticket waiting = f.tickets.waitOnCustomer(f.complaint().id());
        Ticket duplicate = f.tickets.open(OpenTicket.of(active.customerId(), TicketKind.COMPLAINT,
                TicketChannel.PHONE, "Same again"));
        f.tickets.merge(duplicate.id(), active.id());
        long events = f.outbox();

        assertThat(surveys.answer(closed.id(), 5, null).score()).isEqualTo(5);
        for (UUID refused : List.of(active.id(), waiting.id(), duplicate.id())) {
            assertThatThrownBy(() -> surveys.answer(refused, 3, null))
                    .isInstanceOfSatisfying(ValidationException.class,
                            e -> assertThat(e.field()).isEqualTo("ticketId"));
            assertThat(surveys.response(refused)).isEmpty();
        }
        assertThat(f.outbox()).isEqualTo(events + 1);
    }

    @Test
    void bad_input_is_refused_naming_the_field_and_stores_nothing() {
        Ticket ticket = resolvedBy(null);
        long events = f.outbox();

        assertField(() -> surveys.answer(ticket.id(), 0, null), "score");
        assertField(() -> surveys.answer(ticket.id(), 6, null), "score");
        assertField(() -> surveys.answer(ticket.id(), 3, "   "), "comment");
        assertField(() -> surveys.answer(ticket.id(), 3, "x".repeat(2001)), "comment");
        assertField(() -> surveys.answer(ticket.id(), 3, "bad \uD800 text"), "comment");
        assertField(() -> surveys.answer(null, 3, null), "ticketId");
        assertField(() -> surveys.satisfaction(f.clock.instant(), f.clock.instant(), SatisfactionGrouping.TENANT), "to");
        assertField(() -> surveys.satisfaction(f.clock.instant(), f.clock.instant().plusSeconds(1), null), "by");
        assertThatThrownBy(() -> surveys.answer(UUID.randomUUID(), 3, null)).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> f.crm.tenant(OTHER_TENANT).service(SatisfactionSurveys.class)
                .answer(ticket.id(), 3, null)).isInstanceOf(NotFoundException.class);

        assertThat(surveys.answer(ticket.id(), 3, "x".repeat(2000)).comment()).hasSize(2000);
        assertThat(f.outbox()).isEqualTo(events + 1);
    }

    @Test
    void satisfaction_adds_up_a_period_per_tenant_agent_and_team() {
        UUID inTeam = teamAgent();
        UUID alone = f.agent();
        Instant monthStart = f.clock.instant();
        surveys.answer(resolvedBy(inTeam).id(), 5, null);
        surveys.answer(resolvedBy(inTeam).id(), 3, null);
        surveys.answer(resolvedBy(alone).id(), 4, null);
        surveys.answer(resolvedBy(null).id(), 1, null);
        f.clock.advance(Duration.ofDays(31));
        surveys.answer(resolvedBy(inTeam).id(), 1, null);                  // next month
        Instant monthEnd = monthStart.plus(Duration.ofDays(31));

        List<SatisfactionSummary> tenant = surveys.satisfaction(monthStart, monthEnd, SatisfactionGrouping.TENANT);
        assertThat(tenant).containsExactly(new SatisfactionSummary(null, 4, 13, 2));
        assertThat(tenant.get(0).averageScore()).isEqualByComparingTo(new BigDecimal("3.25"));
        assertThat(tenant.get(0).satisfiedPercent()).isEqualByComparingTo(new BigDecimal("50.0"));
        assertThat(surveys.satisfaction(monthStart, monthEnd, SatisfactionGrouping.AGENT))
                .containsExactlyInAnyOrder(new SatisfactionSummary(null, 1, 1, 0),
                        new SatisfactionSummary(inTeam, 2, 8, 1), new SatisfactionSummary(alone, 1, 4, 1))
                .first().isEqualTo(new SatisfactionSummary(null, 1, 1, 0));
        assertThat(surveys.satisfaction(monthStart, monthEnd, SatisfactionGrouping.TEAM)).containsExactly(
                new SatisfactionSummary(null, 2, 5, 1), new SatisfactionSummary(team, 2, 8, 1));
        assertThat(surveys.satisfaction(monthEnd, monthEnd.plus(Duration.ofDays(31)), SatisfactionGrouping.TEAM))
                .containsExactly(new SatisfactionSummary(team, 1, 1, 0));
    }

    @Test
    void the_module_is_registered_by_default_on_the_ticket_and_team_domains() {
        assertThat(new SatisfactionModule().name()).isEqualTo("ticket.satisfaction");
        assertThat(new SatisfactionModule().requires()).containsExactlyInAnyOrder("ticket", "team");
        assertThat(new SatisfactionModule().storageCapabilities()).containsExactlyInAnyOrder(
                dev.crmkit.spi.ticket.SatisfactionStorage.class, dev.crmkit.spi.ticket.TicketStorage.class,
                dev.crmkit.spi.team.TeamStorage.class);
        assertThat(f.crm.tenant(TENANT).find(SatisfactionSurveys.class)).isPresent();
    }

    private static void assertField(Runnable call, String field) {
        assertThatThrownBy(call::run).isInstanceOfSatisfying(ValidationException.class,
                e -> assertThat(e.field()).isEqualTo(field));
    }
}
