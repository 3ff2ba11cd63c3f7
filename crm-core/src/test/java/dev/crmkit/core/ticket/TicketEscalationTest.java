package dev.crmkit.core.ticket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.crmkit.core.port.PublishedEvent;
import dev.crmkit.model.ValidationException;
import dev.crmkit.model.team.Availability;
import dev.crmkit.model.team.TeamRole;
import dev.crmkit.model.ticket.MilestoneKind;
import dev.crmkit.model.ticket.SlaTarget;
import dev.crmkit.model.ticket.TicketPriority;
import dev.crmkit.spi.team.TeamMemberRecord;
import dev.crmkit.spi.team.TeamRecord;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

/**
 * Escalation by example, on the in-memory storage: the tenant has no calendar (every moment is business time), a
 * first response is due 2 hours after opening and a resolution 8 hours after; the scheduler runs when the test says.
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class TicketEscalationTest {
    private static final SlaPolicy POLICY = SlaPolicy.of(List.of(
            SlaTarget.of(MilestoneKind.FIRST_RESPONSE, Duration.ofHours(2)),
            SlaTarget.of(MilestoneKind.FIRST_RESPONSE, Duration.ofHours(1)).forPriority(TicketPriority.HIGH),
            SlaTarget.of(MilestoneKind.RESOLUTION, Duration.ofHours(8))));
    private static final EscalationPolicy ESCALATION = EscalationPolicy.of(List.of(
            EscalationStep.before(MilestoneKind.FIRST_RESPONSE, Duration.ofMinutes(30), "notify"),
            EscalationStep.atBreach(MilestoneKind.FIRST_RESPONSE, "notify", "raise-priority")));

    private TicketFixtures f = withEscalation(EscalationSettings.none().withPolicy(ESCALATION));

    private static TicketFixtures withEscalation(EscalationSettings escalation) {
        TicketFixtures fixtures = new TicketFixtures(TicketSettings.defaults(), escalation);
        fixtures.tickets.saveSlaPolicy(POLICY, 0);
        return fixtures;
    }

    private void advance(Duration by) {
        f.clock.advance(by);
    }

    private void runDueWork() {
        f.crm.scheduler().runDueWork();
    }

    private List<PublishedEvent> escalationEvents(UUID ticketId) {
        return f.publishAll().stream().filter(e -> e.aggregateId().equals(ticketId.toString()))
                .filter(e -> e.type().startsWith("ticket.escalat") || e.type().equals("ticket.milestone-breached")
                        || e.type().equals("ticket.priority-changed") || e.type().equals("ticket.assigned"))
                .toList();
    }

    private List<String> types(List<PublishedEvent> events) {
        return events.stream().map(PublishedEvent::type).toList();
    }

    @Test
    void a_breach_is_recorded_at_the_due_time_once_without_any_escalation_policy() {
        // given
        f = withEscalation(EscalationSettings.none());
        Ticket ticket = f.complaint();

        // when: just before the first response is due, then just after, then much later
        advance(Duration.ofHours(2).minusSeconds(1));
        runDueWork();
        List<String> before = types(escalationEvents(ticket.id()));
        advance(Duration.ofSeconds(2));
        runDueWork();
        advance(Duration.ofHours(1));
        runDueWork();

        // then
        assertThat(before).isEmpty();
        List<PublishedEvent> events = escalationEvents(ticket.id());
        assertThat(types(events)).containsExactly("ticket.milestone-breached");
        assertThat(events.get(0).payload()).contains("\"kind\":\"FIRST_RESPONSE\"")
                .contains("\"dueAt\":\"2026-03-02T11:00:00Z\"");
    }

    @Test
    void a_warning_step_notifies_ahead_of_the_breach_and_the_breach_step_raises_the_priority_once() {
        // given
        Ticket ticket = f.complaint();

        // when: 90 minutes in (30 before the first response is due), then at the breach
        advance(Duration.ofMinutes(90));
        runDueWork();
        List<String> warned = types(escalationEvents(ticket.id()));
        advance(Duration.ofMinutes(30));
        runDueWork();
        runDueWork();

        // then
        assertThat(warned).containsExactly("ticket.escalated", "ticket.escalation-notified");
        List<PublishedEvent> events = escalationEvents(ticket.id());
        assertThat(types(events)).containsExactly("ticket.escalated", "ticket.escalation-notified",
                "ticket.milestone-breached", "ticket.escalated", "ticket.escalation-notified",
                "ticket.priority-changed");
        assertThat(events.get(3).payload()).contains("\"actions\":[\"notify\",\"raise-priority\"]")
                .contains("\"beforeBreach\":\"PT0S\"");
        assertThat(events.get(5).payload()).contains("\"override\":false").contains("\"agentId\":null")
                .contains("\"reasonCode\":\"escalation\"").contains("\"priority\":\"HIGH\"");
        assertThat(f.tickets.ticket(ticket.id()).priority()).isEqualTo(TicketPriority.HIGH);
    }

    @Test
    void raising_the_priority_retargets_the_milestones_and_their_moments_move_with_them() {
        // given: a warning on the resolution raises the priority; HIGH has a 1 hour first-response target
        f = withEscalation(EscalationSettings.none().withPolicy(EscalationPolicy.of(List.of(
                EscalationStep.before(MilestoneKind.RESOLUTION, Duration.ofHours(7).plusMinutes(50),
                        "raise-priority")))));
        Ticket ticket = f.complaint();

        // when: 10 minutes in, the warning raises the priority; the first response is due 1 hour after opening
        advance(Duration.ofMinutes(10));
        runDueWork();
        advance(Duration.ofMinutes(51));
        runDueWork();

        // then
        assertThat(f.tickets.ticket(ticket.id()).priority()).isEqualTo(TicketPriority.HIGH);
        List<PublishedEvent> events = escalationEvents(ticket.id());
        assertThat(types(events)).containsExactly("ticket.escalated", "ticket.priority-changed",
                "ticket.milestone-breached");
        assertThat(events.get(2).payload()).contains("\"dueAt\":\"2026-03-02T10:00:00Z\"");
    }

    @Test
    void a_paused_milestone_escalates_nothing_and_a_step_that_ran_does_not_run_again_after_its_due_time_moved() {
        // given: warned at 90 minutes
        Ticket ticket = f.complaint();
        advance(Duration.ofMinutes(90));
        runDueWork();

        // when: the ticket waits on the customer for 3 hours, then resumes: the due time moves 3 hours later
        f.tickets.waitOnCustomer(ticket.id());
        advance(Duration.ofHours(3));
        runDueWork();
        List<String> whilePaused = types(escalationEvents(ticket.id()));
        f.tickets.resume(ticket.id());
        advance(Duration.ofMinutes(29));
        runDueWork();
        List<String> beforeNewDue = types(escalationEvents(ticket.id()));
        advance(Duration.ofMinutes(2));
        runDueWork();

        // then: one warning, and the breach at the moved due time
        assertThat(whilePaused).containsExactly("ticket.escalated", "ticket.escalation-notified");
        assertThat(beforeNewDue).isEqualTo(whilePaused);
        List<PublishedEvent> events = escalationEvents(ticket.id());
        assertThat(types(events)).containsExactly("ticket.escalated", "ticket.escalation-notified",
                "ticket.milestone-breached", "ticket.escalated", "ticket.escalation-notified",
                "ticket.priority-changed");
        assertThat(events.get(2).payload()).contains("\"dueAt\":\"2026-03-02T14:00:00Z\"");
    }

    @Test
    void a_completed_milestone_escalates_nothing_and_its_due_work_is_gone() {
        // given
        Ticket ticket = f.complaint();
        UUID agent = f.agent();
        UUID firstResponse = f.tickets.milestones(ticket.id()).stream()
                .filter(m -> m.kind() == MilestoneKind.FIRST_RESPONSE).findFirst().orElseThrow().id();

        // when
        f.tickets.respond(ticket.id(), agent);
        advance(Duration.ofHours(3));
        runDueWork();

        // then
        assertThat(escalationEvents(ticket.id())).isEmpty();
        assertThat(f.storage.dueWork().find(TicketFixtures.TENANT, Escalations.DUE,
                Escalations.key(firstResponse, Duration.ZERO))).isEmpty();
        assertThat(f.storage.dueWork().find(TicketFixtures.TENANT, Escalations.DUE,
                Escalations.key(firstResponse, Duration.ofMinutes(30)))).isEmpty();
    }

    @Test
    void a_moment_already_past_when_the_milestone_starts_runs_at_once() {
        // given: a warning 3 hours ahead of a first response due in 2
        f = withEscalation(EscalationSettings.none().withPolicy(EscalationPolicy.of(List.of(
                EscalationStep.before(MilestoneKind.FIRST_RESPONSE, Duration.ofHours(3), "notify")))));

        // when
        Ticket ticket = f.complaint();
        runDueWork();

        // then
        assertThat(types(escalationEvents(ticket.id()))).containsExactly("ticket.escalated",
                "ticket.escalation-notified");
    }

    @Test
    void a_reopened_tickets_new_resolution_milestone_escalates_on_its_own() {
        // given: a breach step on the resolution; the ticket resolved late, then reopened
        f = withEscalation(EscalationSettings.none().withPolicy(EscalationPolicy.of(List.of(
                EscalationStep.atBreach(MilestoneKind.RESOLUTION, "notify")))));
        Ticket ticket = f.complaint();
        f.tickets.respond(ticket.id(), f.agent());
        advance(Duration.ofHours(9));
        runDueWork();
        f.tickets.resolve(ticket.id());
        f.tickets.reopen(ticket.id());

        // when: the new resolution milestone's 8 hours pass
        advance(Duration.ofHours(8).plusMinutes(1));
        runDueWork();
        runDueWork();

        // then: each resolution milestone breached and escalated once
        List<PublishedEvent> events = escalationEvents(ticket.id());
        assertThat(types(events)).containsExactly("ticket.milestone-breached", "ticket.escalated",
                "ticket.escalation-notified", "ticket.milestone-breached", "ticket.escalated",
                "ticket.escalation-notified");
        assertThat(events.get(0).payload()).isNotEqualTo(events.get(3).payload());
    }

    @Test
    void a_step_for_the_tickets_priority_replaces_the_steps_for_any_priority() {
        // given
        f = withEscalation(EscalationSettings.none().withPolicy(EscalationPolicy.of(List.of(
                EscalationStep.atBreach(MilestoneKind.RESOLUTION, "notify"),
                EscalationStep.atBreach(MilestoneKind.RESOLUTION, "raise-priority")
                        .forPriority(TicketPriority.NORMAL)))));
        Ticket ticket = f.complaint();

        // when
        advance(Duration.ofHours(9));
        runDueWork();

        // then
        assertThat(types(escalationEvents(ticket.id()))).containsExactly("ticket.milestone-breached",
                "ticket.milestone-breached", "ticket.escalated", "ticket.priority-changed");
    }

    @Test
    void reassign_next_tier_moves_the_ticket_to_an_available_member_of_the_team_after_the_assignees() {
        // given: three tiers; the ticket is with first line; second line has one member away and one active
        UUID first = team("First line");
        UUID second = team("Second line");
        UUID third = team("Third line");
        UUID firstAgent = member(first, Availability.ACTIVE);
        UUID away = member(second, Availability.AWAY);
        UUID secondAgent = member(second, Availability.ACTIVE);
        f = withEscalation(EscalationSettings.none()
                .withActions(List.of(EscalationActions.reassignToNextTier(List.of(first, second, third))))
                .withPolicy(TicketFixtures.TENANT, EscalationPolicy.of(List.of(
                        EscalationStep.atBreach(MilestoneKind.FIRST_RESPONSE, "reassign-next-tier", "notify")))));
        teamsInto(f, first, second, third, firstAgent, away, secondAgent);
        Ticket ticket = f.complaint();
        f.tickets.assign(ticket.id(), firstAgent);

        // when
        advance(Duration.ofHours(2).plusMinutes(1));
        runDueWork();

        // then
        assertThat(f.tickets.ticket(ticket.id()).assigneeId()).isEqualTo(secondAgent);
        List<PublishedEvent> events = escalationEvents(ticket.id());
        assertThat(types(events)).containsExactly("ticket.assigned", "ticket.milestone-breached",
                "ticket.escalated", "ticket.assigned", "ticket.escalation-notified");
        assertThat(events.get(4).payload()).contains("\"assigneeId\":\"" + secondAgent + "\"")
                .contains("\"assigneeTeamId\":\"" + second + "\"");
    }

    @Test
    void the_built_in_next_tier_action_decides_by_the_assignees_team() {
        UUID first = UUID.randomUUID();
        UUID second = UUID.randomUUID();
        EscalationAction next = EscalationActions.reassignToNextTier(List.of(first, second));
        Ticket ticket = f.complaint();

        assertThat(next.effect(escalating(ticket, null)))
                .contains(new EscalationAction.Effect.ReassignToTeam(first));
        assertThat(next.effect(escalating(ticket, UUID.randomUUID())))
                .contains(new EscalationAction.Effect.ReassignToTeam(first));
        assertThat(next.effect(escalating(ticket, first))).contains(new EscalationAction.Effect.ReassignToTeam(second));
        assertThat(next.effect(escalating(ticket, second))).isEmpty();
    }

    @Test
    void raise_priority_leaves_an_urgent_ticket_as_it_is() {
        Ticket ticket = f.complaint();
        UUID agent = f.agent();
        Ticket urgent = f.tickets.changePriority(ticket.id(), TicketPriority.URGENT, agent, "customer-escalated");

        assertThat(EscalationActions.raisePriority().effect(escalating(urgent, null))).isEmpty();
        assertThat(EscalationActions.raisePriority().effect(escalating(ticket, null)))
                .contains(new EscalationAction.Effect.RaisePriority());
    }

    @Test
    void a_host_action_plugs_in_by_name() {
        // given: the host's action notifies only for high priority tickets
        EscalationAction highOnly = new EscalationAction() {
            @Override
            public String name() {
                return "page-on-call";
            }

            @Override
            public Optional<Effect> effect(Escalating escalating) {
                return escalating.ticket().priority() == TicketPriority.HIGH ? Optional.of(new Effect.Notify())
                        : Optional.empty();
            }
        };
        f = withEscalation(EscalationSettings.none().withActions(List.of(highOnly)).withPolicy(EscalationPolicy.of(
                List.of(EscalationStep.atBreach(MilestoneKind.RESOLUTION, "page-on-call")))));
        Ticket normal = f.complaint();
        Ticket high = f.tickets.open(OpenTicket.of(f.person(), dev.crmkit.model.ticket.TicketKind.INCIDENT,
                dev.crmkit.model.ticket.TicketChannel.PHONE, "Outage").withPriority(TicketPriority.HIGH));

        // when
        advance(Duration.ofHours(9));
        runDueWork();

        // then
        assertThat(types(escalationEvents(normal.id()))).doesNotContain("ticket.escalation-notified");
        assertThat(types(escalationEvents(high.id()))).contains("ticket.escalation-notified");
    }

    @Test
    void bad_steps_and_settings_are_refused_naming_the_field() {
        assertThatThrownBy(() -> EscalationStep.before(MilestoneKind.RESOLUTION, Duration.ofMinutes(-5), "notify"))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("beforeBreach"));
        assertThatThrownBy(() -> EscalationStep.before(MilestoneKind.RESOLUTION, Duration.ofSeconds(90), "notify"))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("beforeBreach"));
        assertThatThrownBy(() -> EscalationStep.atBreach(MilestoneKind.RESOLUTION))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("actions"));
        assertThatThrownBy(() -> EscalationStep.atBreach(MilestoneKind.RESOLUTION, "notify", "notify"))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("actions"));
        assertThatThrownBy(() -> EscalationStep.atBreach(MilestoneKind.RESOLUTION, "Notify Boss"))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("actions"));
        assertThatThrownBy(() -> EscalationStep.atBreach(null, "notify"))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("milestone"));
        assertThatThrownBy(() -> EscalationPolicy.of(List.of(EscalationStep.atBreach(MilestoneKind.RESOLUTION,
                "notify"), EscalationStep.atBreach(MilestoneKind.RESOLUTION, "raise-priority"))))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("steps"));
        assertThatThrownBy(() -> EscalationSettings.none().withPolicy(EscalationPolicy.of(List.of(
                EscalationStep.atBreach(MilestoneKind.RESOLUTION, "reassign-next-tier")))))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("actions"));
        assertThatThrownBy(() -> EscalationSettings.none().withActions(List.of(EscalationActions.notifyPeople())))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("actions"));
        assertThatThrownBy(() -> EscalationSettings.none().withPolicy("not a tenant!", EscalationPolicy.none()))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("tenantId"));
        assertThatThrownBy(() -> EscalationActions.reassignToNextTier(List.of()))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("tiers"));
        UUID team = UUID.randomUUID();
        assertThatThrownBy(() -> EscalationActions.reassignToNextTier(List.of(team, team)))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("tiers"));
    }

    private static Escalating escalating(Ticket ticket, UUID teamId) {
        return new Escalating(ticket, MilestoneKind.RESOLUTION, Duration.ZERO, Instant.EPOCH, teamId);
    }

    private final java.util.Map<UUID, TeamRecord> teams = new java.util.LinkedHashMap<>();
    private final java.util.Map<UUID, TeamMemberRecord> members = new java.util.LinkedHashMap<>();

    private UUID team(String name) {
        Instant now = TicketFixtures.START;
        UUID id = UUID.randomUUID();
        teams.put(id, new TeamRecord(TicketFixtures.TENANT, id, 1, now, now, name, null));
        return id;
    }

    /** A member of the team; members get ids in creation order, so the first created comes first. */
    private UUID member(UUID teamId, Availability availability) {
        Instant now = TicketFixtures.START;
        UUID id = new UUID(0x0190_0000_0000_7000L, 0x8000_0000_0000_0000L + members.size());
        members.put(id, new TeamMemberRecord(TicketFixtures.TENANT, id, 1, now, now, "agent-" + members.size(),
                "Agent", TeamRole.SERVICE_AGENT, teamId, null, Set.of(), Set.of(), Set.of(), 0, 10, availability,
                availability == Availability.AWAY ? now.plus(Duration.ofDays(30)) : null));
        return id;
    }

    private void teamsInto(TicketFixtures fixtures, UUID... ids) {
        for (UUID id : ids) {
            Optional.ofNullable(teams.get(id)).ifPresent(fixtures.storage.teams()::insert);
            Optional.ofNullable(members.get(id)).ifPresent(fixtures.storage.teamMembers()::insert);
        }
    }
}
