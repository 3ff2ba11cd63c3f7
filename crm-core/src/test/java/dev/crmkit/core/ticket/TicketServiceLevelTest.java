package dev.crmkit.core.ticket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.crmkit.model.ConflictException;
import dev.crmkit.model.IllegalTransitionException;
import dev.crmkit.model.NotFoundException;
import dev.crmkit.model.PageRequest;
import dev.crmkit.model.ValidationException;
import dev.crmkit.model.team.Availability;
import dev.crmkit.model.team.TeamRole;
import dev.crmkit.model.ticket.MilestoneKind;
import dev.crmkit.model.ticket.SlaTarget;
import dev.crmkit.model.ticket.TicketChannel;
import dev.crmkit.model.ticket.TicketKind;
import dev.crmkit.model.ticket.TicketPriority;
import dev.crmkit.model.ticket.TicketState;
import dev.crmkit.spi.team.TeamMemberRecord;
import dev.crmkit.spi.team.TeamRecord;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

/**
 * Calendars, SLA policies and the milestones of tickets by example, on the in-memory storage. The tenant's calendar is
 * 09:00 to 17:00 UTC, Monday to Friday; the fixtures' clock starts on Monday 2 March 2026 at 09:00 UTC.
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class TicketServiceLevelTest {
    private static final BusinessCalendar OFFICE = BusinessCalendar.weekdays(ZoneOffset.UTC,
            BusinessHours.of("09:00", "17:00"));
    private static final SlaPolicy POLICY = SlaPolicy.of(List.of(
            SlaTarget.of(MilestoneKind.FIRST_RESPONSE, Duration.ofHours(2)),
            SlaTarget.of(MilestoneKind.FIRST_RESPONSE, Duration.ofMinutes(30)).forPriority(TicketPriority.URGENT),
            SlaTarget.of(MilestoneKind.FIRST_RESPONSE, Duration.ofHours(1)).forTier("gold"),
            SlaTarget.of(MilestoneKind.FIRST_RESPONSE, Duration.ofMinutes(15)).forPriority(TicketPriority.URGENT)
                    .forTier("gold"),
            SlaTarget.of(MilestoneKind.NEXT_RESPONSE, Duration.ofHours(4)),
            SlaTarget.of(MilestoneKind.RESOLUTION, Duration.ofHours(8))));
    private static final Instant MONDAY_9 = TicketFixtures.START;

    private final TicketFixtures f = new TicketFixtures();

    private void officeWithPolicy() {
        f.tickets.saveCalendar(null, OFFICE, 0);
        f.tickets.saveSlaPolicy(POLICY, 0);
    }

    private Milestone milestone(UUID ticketId, MilestoneKind kind) {
        List<Milestone> all = f.tickets.milestones(ticketId).stream().filter(m -> m.kind() == kind).toList();
        return all.get(all.size() - 1);
    }

    private Instant at(String time) {
        return Instant.parse(time);
    }

    private void advanceTo(String time) {
        f.clock.advance(Duration.between(f.clock.instant(), at(time)));
    }

    @Test
    void opening_starts_first_response_and_resolution_measured_on_the_tenants_calendar() {
        officeWithPolicy();
        advanceTo("2026-03-06T15:00:00Z");   // a Friday

        Ticket ticket = f.complaint();

        Milestone first = milestone(ticket.id(), MilestoneKind.FIRST_RESPONSE);
        assertThat(first.target()).isEqualTo(Duration.ofHours(2));
        assertThat(first.dueAt()).isEqualTo(at("2026-03-06T17:00:00Z"));
        assertThat(first.running()).isTrue();
        assertThat(first.timeLeft()).isEqualTo(Duration.ofHours(2));
        Milestone resolution = milestone(ticket.id(), MilestoneKind.RESOLUTION);
        assertThat(resolution.dueAt()).as("over the weekend").isEqualTo(at("2026-03-09T15:00:00Z"));
        assertThat(f.tickets.milestones(ticket.id())).hasSize(2);
        assertThat(f.eventTypes(ticket.id())).containsExactly("ticket.opened", "ticket.milestone-started",
                "ticket.milestone-started");

        advanceTo("2026-03-07T12:00:00Z");   // Saturday: no business time passes
        assertThat(milestone(ticket.id(), MilestoneKind.FIRST_RESPONSE).timeLeft()).isEqualTo(Duration.ofHours(0));
        assertThat(milestone(ticket.id(), MilestoneKind.FIRST_RESPONSE).breached()).isTrue();
        assertThat(milestone(ticket.id(), MilestoneKind.RESOLUTION).timeLeft()).isEqualTo(Duration.ofHours(6));
    }

    @Test
    void without_a_policy_no_milestone_is_started_and_the_ticket_records_only_its_own_events() {
        f.tickets.saveCalendar(null, OFFICE, 0);

        Ticket ticket = f.complaint();
        f.tickets.respond(ticket.id(), f.agent());
        f.tickets.customerReplied(ticket.id());

        assertThat(f.tickets.milestones(ticket.id())).isEmpty();
        assertThat(f.eventTypes(ticket.id())).containsExactly("ticket.opened", "ticket.responded",
                "ticket.customer-replied");
    }

    @Test
    void a_response_by_the_due_time_completes_the_first_response_unbreached_and_leaves_the_resolution_running() {
        officeWithPolicy();
        Ticket ticket = f.complaint();
        UUID agent = f.agent();
        advanceTo("2026-03-02T11:00:00Z");   // exactly due

        Ticket responded = f.tickets.respond(ticket.id(), agent);

        assertThat(responded.state()).as("a response moves no state").isEqualTo(TicketState.NEW);
        assertThat(responded.version()).isEqualTo(2);
        Milestone first = milestone(ticket.id(), MilestoneKind.FIRST_RESPONSE);
        assertThat(first.completedAt()).isEqualTo(at("2026-03-02T11:00:00Z"));
        assertThat(first.breached()).isFalse();
        assertThat(first.running()).isFalse();
        assertThat(first.dueAt()).isNull();
        assertThat(first.timeLeft()).isZero();
        assertThat(milestone(ticket.id(), MilestoneKind.RESOLUTION).running()).isTrue();
        assertThat(f.eventTypes(ticket.id())).endsWith("ticket.responded", "ticket.milestone-completed");
        f.clock.advance(Duration.ofDays(3));
        assertThat(milestone(ticket.id(), MilestoneKind.FIRST_RESPONSE).breached()).as("final").isFalse();
    }

    @Test
    void a_response_a_moment_after_the_due_time_completes_the_first_response_breached() {
        officeWithPolicy();
        Ticket ticket = f.complaint();
        advanceTo("2026-03-02T11:00:01Z");

        f.tickets.respond(ticket.id(), f.agent());

        Milestone first = milestone(ticket.id(), MilestoneKind.FIRST_RESPONSE);
        assertThat(first.breached()).isTrue();
        assertThat(first.timeLeft()).isEqualTo(Duration.ofSeconds(-1));
    }

    @Test
    void waiting_on_the_customer_pauses_the_clocks_and_the_reply_resumes_them_moved_by_the_paused_business_time() {
        officeWithPolicy();
        Ticket ticket = f.complaint();
        UUID agent = f.agent();
        advanceTo("2026-03-02T10:00:00Z");
        f.tickets.respond(ticket.id(), agent);
        f.tickets.start(ticket.id());
        advanceTo("2026-03-02T12:00:00Z");

        f.tickets.waitOnCustomer(ticket.id());

        Milestone paused = milestone(ticket.id(), MilestoneKind.RESOLUTION);
        assertThat(paused.running()).isFalse();
        assertThat(paused.dueAt()).isNull();
        assertThat(paused.timeLeft()).isEqualTo(Duration.ofHours(5));
        advanceTo("2026-03-03T10:00:00Z");   // 5 business hours later
        assertThat(milestone(ticket.id(), MilestoneKind.RESOLUTION).timeLeft()).as("frozen")
                .isEqualTo(Duration.ofHours(5));

        Ticket replied = f.tickets.customerReplied(ticket.id());

        assertThat(replied.state()).isEqualTo(TicketState.OPEN);
        Milestone resumed = milestone(ticket.id(), MilestoneKind.RESOLUTION);
        assertThat(resumed.running()).isTrue();
        assertThat(resumed.dueAt()).as("17:00 Monday moved by the 6 paused business hours")
                .isEqualTo(at("2026-03-03T15:00:00Z"));
        Milestone next = milestone(ticket.id(), MilestoneKind.NEXT_RESPONSE);
        assertThat(next.running()).isTrue();
        assertThat(next.dueAt()).isEqualTo(at("2026-03-03T14:00:00Z"));
        assertThat(f.eventTypes(ticket.id())).endsWith("ticket.customer-replied", "ticket.milestone-started",
                "ticket.milestone-changed");

        f.tickets.customerReplied(ticket.id());
        assertThat(f.tickets.milestones(ticket.id())).as("no second next response while one is due")
                .filteredOn(m -> m.kind() == MilestoneKind.NEXT_RESPONSE).hasSize(1);
        f.tickets.respond(ticket.id(), agent);
        assertThat(milestone(ticket.id(), MilestoneKind.NEXT_RESPONSE).completedAt()).isNotNull();
        f.tickets.customerReplied(ticket.id());
        assertThat(f.tickets.milestones(ticket.id())).as("a next response after each reply once answered")
                .filteredOn(m -> m.kind() == MilestoneKind.NEXT_RESPONSE).hasSize(2);
    }

    @Test
    void a_reply_before_the_first_response_starts_no_next_response_and_waiting_on_a_third_party_keeps_clocks_running() {
        officeWithPolicy();
        Ticket ticket = f.complaint();
        f.tickets.waitOnThirdParty(ticket.id());

        f.tickets.customerReplied(ticket.id());

        assertThat(f.tickets.ticket(ticket.id()).state()).as("still waiting on the third party")
                .isEqualTo(TicketState.WAITING_ON_THIRD_PARTY);
        assertThat(f.tickets.milestones(ticket.id())).extracting(Milestone::kind)
                .containsExactly(MilestoneKind.FIRST_RESPONSE, MilestoneKind.RESOLUTION);
        assertThat(f.tickets.milestones(ticket.id())).allMatch(Milestone::running);
        f.tickets.waitOnCustomer(ticket.id());
        assertThat(f.tickets.milestones(ticket.id())).noneMatch(Milestone::running);
        f.tickets.waitOnThirdParty(ticket.id());
        assertThat(f.tickets.milestones(ticket.id())).as("resumed").allMatch(Milestone::running);
    }

    @Test
    void resolving_completes_every_open_milestone_and_reopening_restarts_the_resolution() {
        officeWithPolicy();
        Ticket ticket = f.complaint();
        advanceTo("2026-03-02T10:30:00Z");

        f.tickets.resolve(ticket.id());

        assertThat(f.tickets.milestones(ticket.id())).allMatch(m -> m.completedAt() != null && !m.breached());
        assertThat(f.tickets.milestonesDueBefore(at("2026-12-31T00:00:00Z"), PageRequest.first(10)).items())
                .isEmpty();
        advanceTo("2026-03-03T09:30:00Z");

        f.tickets.reopen(ticket.id());

        List<Milestone> resolutions = f.tickets.milestones(ticket.id()).stream()
                .filter(m -> m.kind() == MilestoneKind.RESOLUTION).toList();
        assertThat(resolutions).hasSize(2);
        assertThat(resolutions.get(1).running()).isTrue();
        assertThat(resolutions.get(1).dueAt()).isEqualTo(at("2026-03-03T17:30:00Z").plus(Duration.ofHours(16)));
        assertThat(f.eventTypes(ticket.id())).endsWith("ticket.reopened", "ticket.milestone-started");
    }

    @Test
    void a_priority_change_gives_open_milestones_the_new_prioritys_targets() {
        officeWithPolicy();
        Ticket ticket = f.complaint();
        advanceTo("2026-03-02T09:20:00Z");

        f.tickets.changePriority(ticket.id(), TicketPriority.URGENT, f.agent(), "customer-escalated");

        Milestone first = milestone(ticket.id(), MilestoneKind.FIRST_RESPONSE);
        assertThat(first.target()).isEqualTo(Duration.ofMinutes(30));
        assertThat(first.dueAt()).isEqualTo(at("2026-03-02T09:30:00Z"));
        assertThat(first.timeLeft()).isEqualTo(Duration.ofMinutes(10));
        assertThat(milestone(ticket.id(), MilestoneKind.RESOLUTION).target()).as("no URGENT resolution target")
                .isEqualTo(Duration.ofHours(8));
        assertThat(f.eventTypes(ticket.id())).endsWith("ticket.priority-changed", "ticket.milestone-changed");
        assertThat(f.tickets.milestonesDueBefore(at("2026-03-02T10:00:00Z"), PageRequest.first(10)).items())
                .extracting(Milestone::id).containsExactly(first.id());
    }

    @Test
    void a_customers_tier_picks_the_most_specific_target() {
        TicketFixtures gold = new TicketFixtures(TicketSettings.defaults()
                .withCustomerTiers((tenant, customer) -> Optional.of("gold")));
        gold.tickets.saveSlaPolicy(POLICY, 0);

        Ticket normal = gold.complaint();
        Ticket urgent = gold.tickets.open(OpenTicket.of(gold.person(), TicketKind.INCIDENT, TicketChannel.PHONE,
                "Down").withPriority(TicketPriority.URGENT));

        assertThat(gold.tickets.milestones(normal.id()).get(0).target()).isEqualTo(Duration.ofHours(1));
        assertThat(gold.tickets.milestones(urgent.id()).get(0).target()).isEqualTo(Duration.ofMinutes(15));
        assertThat(gold.tickets.milestones(normal.id()).get(0).dueAt()).as("no calendar: around the clock")
                .isEqualTo(MONDAY_9.plus(Duration.ofHours(1)));
    }

    @Test
    void the_assignees_team_calendar_overrides_the_tenants() {
        officeWithPolicy();
        Instant now = f.clock.instant();
        UUID night = UUID.randomUUID();
        f.storage.teams().insert(new TeamRecord(TicketFixtures.TENANT, night, 1, now, now, "Night shift", null));
        UUID agent = UUID.randomUUID();
        f.storage.teamMembers().insert(new TeamMemberRecord(TicketFixtures.TENANT, agent, 1, now, now, "night-1",
                "Night Agent", TeamRole.SERVICE_AGENT, night, null, Set.of(), Set.of(), Set.of(), 0, 10,
                Availability.ACTIVE, null));
        StoredCalendar saved = f.tickets.saveCalendar(night, BusinessCalendar.aroundTheClock(ZoneId.of("UTC")), 0);
        Ticket ticket = f.complaint();
        f.tickets.assign(ticket.id(), agent);
        f.tickets.waitOnCustomer(ticket.id());
        advanceTo("2026-03-02T20:00:00Z");

        f.tickets.customerReplied(ticket.id());

        assertThat(saved.teamId()).isEqualTo(night);
        assertThat(f.tickets.calendar(night).version()).isEqualTo(1);
        assertThat(milestone(ticket.id(), MilestoneKind.RESOLUTION).dueAt()).as("8 hours around the clock")
                .isEqualTo(at("2026-03-03T04:00:00Z"));
        assertThat(f.eventTypes(saved.id())).containsExactly("business-calendar.saved");
    }

    @Test
    void calendars_and_policies_are_stored_per_tenant_and_team_versioned_with_events() {
        StoredCalendar first = f.tickets.saveCalendar(null, OFFICE, 0);
        BusinessCalendar berlin = new BusinessCalendar(ZoneId.of("Europe/Berlin"), Map.of(DayOfWeek.MONDAY,
                List.of(BusinessHours.of("13:00", "17:00"), BusinessHours.of("08:00", "12:00"))),
                Set.of(java.time.LocalDate.of(2026, 4, 6)));

        StoredCalendar second = f.tickets.saveCalendar(null, berlin, first.version());

        assertThat(second.id()).isEqualTo(first.id());
        assertThat(second.version()).isEqualTo(2);
        assertThat(second.calendar()).isEqualTo(berlin);
        assertThat(f.tickets.calendar(null)).isEqualTo(second);
        assertThat(f.eventTypes(first.id())).containsExactly("business-calendar.saved", "business-calendar.saved");
        StoredSlaPolicy policy = f.tickets.saveSlaPolicy(POLICY, 0);
        assertThat(f.tickets.slaPolicy()).isEqualTo(policy);
        assertThat(f.tickets.saveSlaPolicy(SlaPolicy.none(), 1).version()).isEqualTo(2);
        assertThat(f.eventTypes(policy.id())).containsExactly("sla-policy.saved", "sla-policy.saved");
        assertThatThrownBy(() -> f.crm.tenant(TicketFixtures.OTHER_TENANT).service(TicketService.class).slaPolicy())
                .as("another tenant has none").isInstanceOf(NotFoundException.class);
    }

    @Test
    void bad_input_is_refused_naming_the_field_and_changes_nothing() {
        f.tickets.saveCalendar(null, OFFICE, 0);
        long events = f.outbox();

        assertThatThrownBy(() -> f.tickets.saveCalendar(UUID.randomUUID(), OFFICE, 0))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("teamId"));
        assertThatThrownBy(() -> f.tickets.saveCalendar(null, OFFICE, 0))
                .isInstanceOfSatisfying(ConflictException.class, e -> assertThat(e.retryable()).isTrue());
        assertThatThrownBy(() -> f.tickets.saveCalendar(null, OFFICE, -1))
                .isInstanceOfSatisfying(ValidationException.class,
                        e -> assertThat(e.field()).isEqualTo("expectedVersion"));
        assertThatThrownBy(() -> f.tickets.saveCalendar(null, BusinessCalendar.weekdays(ZoneOffset.UTC,
                new BusinessHours(LocalTime.of(9, 0, 30), LocalTime.of(17, 0))), 1))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("opens"));
        assertThatThrownBy(() -> BusinessCalendar.weekdays(ZoneOffset.UTC, BusinessHours.of("09:00", "12:00"),
                BusinessHours.of("11:00", "13:00"))).isInstanceOfSatisfying(ValidationException.class,
                        e -> assertThat(e.field()).isEqualTo("weekly"));
        assertThatThrownBy(() -> f.tickets.saveSlaPolicy(null, 0))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("policy"));
        assertThatThrownBy(() -> f.tickets.saveSlaPolicy(POLICY, 4)).isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> f.tickets.calendar(UUID.randomUUID())).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> f.tickets.slaPolicy()).isInstanceOf(NotFoundException.class);
        assertThat(f.tickets.calendar(null).version()).isEqualTo(1);
        assertThat(f.outbox()).isEqualTo(events);
    }

    @Test
    void responding_and_replying_are_refused_on_resolved_and_closed_tickets_and_by_a_stranger() {
        officeWithPolicy();
        Ticket ticket = f.complaint();
        UUID agent = f.agent();
        assertThatThrownBy(() -> f.tickets.respond(ticket.id(), UUID.randomUUID()))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("agentId"));
        f.tickets.resolve(ticket.id());
        long events = f.outbox();

        assertThatThrownBy(() -> f.tickets.respond(ticket.id(), agent))
                .isInstanceOf(IllegalTransitionException.class).hasMessageContaining("RESOLVED");
        assertThatThrownBy(() -> f.tickets.customerReplied(ticket.id()))
                .isInstanceOf(IllegalTransitionException.class).hasMessageContaining("RESOLVED");
        assertThatThrownBy(() -> f.tickets.respond(UUID.randomUUID(), agent)).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> f.tickets.milestones(UUID.randomUUID())).isInstanceOf(NotFoundException.class);
        assertThat(f.outbox()).isEqualTo(events);
        assertThat(f.stored(ticket.id()).version()).isEqualTo(2);
    }

    @Test
    void merging_a_duplicate_completes_its_open_milestones() {
        officeWithPolicy();
        UUID customer = f.person();
        Ticket kept = f.tickets.open(OpenTicket.of(customer, TicketKind.COMPLAINT, TicketChannel.EMAIL, "Late"));
        Ticket duplicate = f.tickets.open(OpenTicket.of(customer, TicketKind.COMPLAINT, TicketChannel.EMAIL, "Late!"));

        f.tickets.merge(duplicate.id(), kept.id());

        assertThat(f.tickets.milestones(duplicate.id())).allMatch(m -> m.completedAt() != null);
        assertThat(f.tickets.milestones(kept.id())).allMatch(Milestone::running);
    }
}
