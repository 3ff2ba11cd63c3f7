package dev.crmkit.core.ticket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.crmkit.core.team.WorkingHours;
import dev.crmkit.model.ConflictException;
import dev.crmkit.model.NotFoundException;
import dev.crmkit.model.PageRequest;
import dev.crmkit.model.ValidationException;
import dev.crmkit.model.customfield.CustomFieldValue;
import dev.crmkit.model.ticket.TicketKind;
import dev.crmkit.spi.Ids;
import dev.crmkit.spi.Storage;
import dev.crmkit.spi.ticket.ServiceLevelStorage;
import dev.crmkit.spi.ticket.TicketRoutingStore;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class TicketRoutingTest {
    private static final UUID RETURNS = UUID.fromString("018f0000-0000-7000-8000-00000000aaaa");

    @Test
    void a_ticket_goes_to_the_least_loaded_agent_then_the_longest_idle_then_the_lowest_id() {
        // given: three agents with nothing open
        RoutingFixtures f = new RoutingFixtures();
        List<UUID> agents = List.of(f.agent(5), f.agent(5), f.agent(5)).stream().sorted(Ids.ORDER).toList();

        // when: three tickets are routed a minute apart, then the second agent's ticket is resolved
        RoutingOutcome first = f.routing.route(f.ticket().id());
        f.after(Duration.ofMinutes(1));
        RoutingOutcome second = f.routing.route(f.ticket().id());
        f.after(Duration.ofMinutes(1));
        RoutingOutcome third = f.routing.route(f.ticket().id());
        f.after(Duration.ofMinutes(1));
        f.tickets.resolve(second.ticket().id());
        RoutingOutcome fourth = f.routing.route(f.ticket().id());

        // then: the lowest id among equals; then the ones never routed to; then the one with fewest open
        assertThat(first.agentId()).isEqualTo(agents.get(0));
        assertThat(second.agentId()).isEqualTo(agents.get(1));
        assertThat(third.agentId()).isEqualTo(agents.get(2));
        assertThat(fourth.agentId()).as("resolving freed its place").isEqualTo(agents.get(1));
        assertThat(fourth.routed()).isTrue();
        assertThat(fourth.ticket().assigneeId()).isEqualTo(agents.get(1));
        assertThat(f.tickets.ticket(fourth.ticket().id()).assigneeId()).isEqualTo(agents.get(1));
        f.tickets.resolve(first.ticket().id());
        f.tickets.resolve(third.ticket().id());
        f.after(Duration.ofMinutes(1));
        assertThat(f.routing.route(f.ticket().id()).agentId())
                .as("of the two with none open, the one routed to longest ago").isEqualTo(agents.get(0));
    }

    @Test
    void only_agents_with_the_skills_language_and_team_the_rules_require_are_routed_to() {
        // given: incidents need the skill "returns" and go to the returns team; the language comes from a field
        RoutingFixtures f = new RoutingFixtures(RoutingSettings.defaults().withRules(List.of(
                RoutingRules.skillsByKind(Map.of(TicketKind.INCIDENT, Set.of("returns"))),
                RoutingRules.teamByKind(Map.of(TicketKind.INCIDENT, RETURNS)),
                RoutingRules.languageFromField("language"))));
        f.team(RETURNS, "Returns");
        UUID inTeamWithoutSkill = f.agent(f.details(5).withTeam(RETURNS).withLanguages(Set.of("de")));
        UUID withSkillOutsideTeam = f.agent(f.details(5).withSkills(Set.of("returns")).withLanguages(Set.of("de")));
        UUID english = f.agent(f.details(5).withTeam(RETURNS).withSkills(Set.of("returns"))
                .withLanguages(Set.of("en")));
        UUID german = f.agent(f.details(5).withTeam(RETURNS).withSkills(Set.of("returns", "billing"))
                .withLanguages(Set.of("de", "en")));
        UUID manager = f.agent(dev.crmkit.core.team.MemberDetails.of("boss", "Boss",
                dev.crmkit.model.team.TeamRole.SERVICE_MANAGER).withTeam(RETURNS).withSkills(Set.of("returns"))
                .withLanguages(Set.of("de")).withCapacity(5));

        // when
        RoutingOutcome aReturn = f.routing.route(f.ticket(TicketKind.INCIDENT,
                Map.of("language", new CustomFieldValue.Text("DE"))).id());
        RoutingOutcome aQuestion = f.routing.route(f.ticket(TicketKind.INFORMATION_REQUEST,
                Map.of("language", new CustomFieldValue.Text("en"))).id());
        RoutingOutcome noLanguage = f.routing.route(f.ticket(TicketKind.INFORMATION_REQUEST,
                Map.of("language", new CustomFieldValue.Text("not a tag!"))).id());

        // then
        assertThat(aReturn.agentId()).isEqualTo(german)
                .isNotIn(inTeamWithoutSkill, withSkillOutsideTeam, english, manager);
        assertThat(aQuestion.agentId()).as("no skill or team needed, English spoken").isEqualTo(english);
        assertThat(noLanguage.agentId()).as("a field that is no language tag requires none").isNotNull()
                .isNotEqualTo(manager);
    }

    @Test
    void an_agent_who_is_away_deactivated_or_out_of_working_hours_is_never_routed_to() {
        // given: Monday 09:00 UTC; one agent works 14:00 to 22:00 in Berlin
        RoutingFixtures f = new RoutingFixtures();
        UUID away = f.agent(5);
        UUID gone = f.agent(5);
        UUID lateShift = f.agent(5);
        f.team.setAway(away, RoutingFixtures.START.plus(Duration.ofHours(2)));
        f.team.deactivate(gone);
        f.team.setWorkingHours(lateShift, WorkingHours.weekdays(ZoneId.of("Europe/Berlin"), LocalTime.of(14, 0),
                LocalTime.of(22, 0)), 0);

        // when
        RoutingOutcome outcome = f.routing.route(f.ticket().id());

        // then
        assertThat(outcome.routed()).isFalse();
        assertThat(outcome.agentId()).isNull();
        assertThat(outcome.ticket().assigneeId()).isNull();
        assertThat(f.routing.waiting(PageRequest.first(10)).items()).extracting(WaitingTicket::ticketId)
                .containsExactly(outcome.ticket().id());

        // and: at 11:00 the away agent is back by itself and takes it; at 13:00 the late shift starts
        f.after(Duration.ofHours(2));
        assertThat(f.routing.routeWaiting(10)).isEqualTo(1);
        assertThat(f.tickets.ticket(outcome.ticket().id()).assigneeId()).isEqualTo(away);
        f.team.setAway(away, RoutingFixtures.START.plus(Duration.ofDays(30)));
        assertThat(f.routing.route(f.ticket().id()).routed()).as("11:00, 12:00 in Berlin").isFalse();
        f.after(Duration.ofHours(2));
        assertThat(f.routing.routeWaiting(10)).isEqualTo(1);
        assertThat(f.tickets.tickets(dev.crmkit.model.ticket.TicketFilter.all().assignedTo(lateShift),
                PageRequest.first(10)).items()).hasSize(1);
        assertThat(f.tickets.tickets(dev.crmkit.model.ticket.TicketFilter.all().assignedTo(gone),
                PageRequest.first(10)).items()).isEmpty();
    }

    @Test
    void an_agent_at_capacity_gets_no_more_and_the_ticket_waits_once_until_a_place_frees() {
        // given: one agent with room for one ticket, who has it
        RoutingFixtures f = new RoutingFixtures();
        UUID ana = f.agent(1);
        Ticket held = f.routing.route(f.ticket().id()).ticket();

        // when: two more tickets come in, one is routed twice
        Ticket second = f.ticket();
        Ticket third = f.ticket();
        RoutingOutcome waits = f.routing.route(second.id());
        f.routing.route(second.id());
        f.routing.route(third.id());

        // then
        assertThat(waits.routed()).isFalse();
        assertThat(f.routing.waiting(PageRequest.first(10)).items()).extracting(WaitingTicket::ticketId)
                .containsExactly(second.id(), third.id());
        assertThat(f.eventTypes(second.id())).containsExactly("ticket.opened", "ticket.routing-queued");
        assertThat(f.routingEvents(second.id())).singleElement().isInstanceOfSatisfying(TicketRoutingQueued.class,
                e -> {
                    assertThat(e.matching()).as("ana matched but was full").isEqualTo(1);
                    assertThat(e.teamId()).isNull();
                    assertThat(e.customerId()).isEqualTo(second.customerId());
                });
        assertThat(f.routing.routeWaiting(10)).as("still full").isZero();

        // when: ana's ticket is closed, the longest-open waiting ticket gets the place
        f.after(Duration.ofMinutes(30));
        f.tickets.resolve(held.id());
        f.tickets.close(held.id());
        int routed = f.routing.routeWaiting(10);

        // then
        assertThat(routed).isEqualTo(1);
        assertThat(f.tickets.ticket(second.id()).assigneeId()).isEqualTo(ana);
        assertThat(f.tickets.ticket(third.id()).assigneeId()).isNull();
        assertThat(f.routing.waiting(PageRequest.first(10)).items()).extracting(WaitingTicket::ticketId)
                .containsExactly(third.id());
        assertThat(f.eventTypes(second.id())).containsExactly("ticket.opened", "ticket.routing-queued",
                "ticket.assigned", "ticket.routed");
        assertThat(f.routingEvents(second.id()).get(1)).isInstanceOfSatisfying(TicketRouted.class, e -> {
            assertThat(e.agentId()).isEqualTo(ana);
            assertThat(e.previousAgentId()).isNull();
            assertThat(e.openTickets()).isEqualTo(1);
            assertThat(e.capacity()).isEqualTo(1);
            assertThat(e.waitedSince()).isEqualTo(RoutingFixtures.START);
            assertThat(e.occurredAt()).isEqualTo(RoutingFixtures.START.plus(Duration.ofMinutes(30)));
        });
    }

    @Test
    void reassigning_by_hand_frees_the_place_and_a_waiting_ticket_assigned_or_resolved_meanwhile_leaves_the_queue() {
        // given: ana is full; two tickets wait
        RoutingFixtures f = new RoutingFixtures();
        UUID ana = f.agent(1);
        UUID bob = f.agent(0);
        Ticket anas = f.routing.route(f.ticket().id()).ticket();
        Ticket byHand = f.ticket();
        Ticket resolved = f.ticket();
        Ticket next = f.ticket();
        f.routing.route(byHand.id());
        f.routing.route(resolved.id());
        f.routing.route(next.id());

        // when: a supervisor gives ana's ticket to bob and one waiting ticket to bob; another is resolved
        f.tickets.assign(anas.id(), bob);
        f.tickets.assign(byHand.id(), bob);
        f.tickets.resolve(resolved.id());
        int routed = f.routing.routeWaiting(10);

        // then
        assertThat(routed).isEqualTo(1);
        assertThat(f.tickets.ticket(byHand.id()).assigneeId()).as("left as the supervisor chose").isEqualTo(bob);
        assertThat(f.tickets.ticket(resolved.id()).assigneeId()).isNull();
        assertThat(f.tickets.ticket(next.id()).assigneeId()).isEqualTo(ana);
        assertThat(f.routing.waiting(PageRequest.first(10)).items()).isEmpty();
    }

    @Test
    void route_to_team_passes_a_ticket_to_another_agent_of_the_team_or_lets_it_wait_for_the_team() {
        // given: a first-level agent has the ticket; the second level has one agent, at capacity
        RoutingFixtures f = new RoutingFixtures();
        f.team(RETURNS, "Second level");
        UUID firstLevel = f.agent(5);
        UUID secondLevel = f.agent(f.details(1).withTeam(RETURNS));
        Ticket other = f.ticket();
        f.tickets.assign(other.id(), secondLevel);
        Ticket ticket = f.ticket();
        f.tickets.assign(ticket.id(), firstLevel);

        // when: escalation passes it on to the second level
        RoutingOutcome waits = f.routing.routeToTeam(ticket.id(), RETURNS);

        // then: it waits for the team and stays with the first level meanwhile
        assertThat(waits.routed()).isFalse();
        assertThat(waits.ticket().assigneeId()).isEqualTo(firstLevel);
        assertThat(f.routing.waiting(PageRequest.first(10)).items()).singleElement().satisfies(w -> {
            assertThat(w.teamId()).isEqualTo(RETURNS);
            assertThat(w.assigneeId()).isEqualTo(firstLevel);
        });

        // when: the second level's other ticket is resolved
        f.tickets.resolve(other.id());
        assertThat(f.routing.routeWaiting(10)).isEqualTo(1);

        // then
        assertThat(f.tickets.ticket(ticket.id()).assigneeId()).isEqualTo(secondLevel);
        assertThat(f.routingEvents(ticket.id()).get(1)).isInstanceOfSatisfying(TicketRouted.class, e -> {
            assertThat(e.previousAgentId()).isEqualTo(firstLevel);
            assertThat(e.teamId()).isEqualTo(RETURNS);
        });
        assertThat(f.routing.routeToTeam(ticket.id(), RETURNS).routed())
                .as("never back to the agent who has it").isFalse();
    }

    @Test
    void a_waiting_ticket_passed_on_to_a_team_waits_for_that_team_from_then_on() {
        // given: nobody can take the ticket, so it waits for any team
        RoutingFixtures f = new RoutingFixtures();
        f.team(RETURNS, "Second level");
        Ticket ticket = f.ticket();
        f.routing.route(ticket.id());

        // when
        f.after(Duration.ofMinutes(5));
        f.routing.routeToTeam(ticket.id(), RETURNS);
        f.routing.routeToTeam(ticket.id(), RETURNS);

        // then
        assertThat(f.routing.waiting(PageRequest.first(10)).items()).singleElement().satisfies(w -> {
            assertThat(w.teamId()).isEqualTo(RETURNS);
            assertThat(w.waitingSince()).isEqualTo(RoutingFixtures.START.plus(Duration.ofMinutes(5)));
        });
        assertThat(f.eventTypes(ticket.id())).containsExactly("ticket.opened", "ticket.routing-queued",
                "ticket.routing-queued");
        UUID outsider = f.agent(5);
        assertThat(f.routing.routeWaiting(10)).as("an agent of no team does not take it").isZero();
        UUID member = f.agent(f.details(5).withTeam(RETURNS));
        assertThat(f.routing.routeWaiting(10)).isEqualTo(1);
        assertThat(f.tickets.ticket(ticket.id()).assigneeId()).isEqualTo(member).isNotEqualTo(outsider);
    }

    @Test
    void bad_calls_are_refused_naming_the_field_and_change_nothing() {
        RoutingFixtures f = new RoutingFixtures();
        UUID ana = f.agent(5);
        Ticket assigned = f.routing.route(f.ticket().id()).ticket();
        Ticket resolved = f.ticket();
        f.tickets.resolve(resolved.id());
        f.publishAll();
        long before = f.outbox();

        assertField(() -> f.routing.route(assigned.id()), "ticketId");
        assertField(() -> f.routing.route(resolved.id()), "ticketId");
        assertField(() -> f.routing.routeToTeam(resolved.id(), RETURNS), "teamId");
        assertField(() -> f.routing.route(null), "ticketId");
        assertField(() -> f.routing.routeToTeam(assigned.id(), null), "teamId");
        assertField(() -> f.routing.routeWaiting(0), "limit");
        assertField(() -> f.routing.routeWaiting(1001), "limit");
        f.team(RETURNS, "Returns");
        assertField(() -> f.routing.routeToTeam(resolved.id(), RETURNS), "ticketId");
        assertThatThrownBy(() -> f.routing.route(UUID.randomUUID())).isInstanceOf(NotFoundException.class);

        assertThat(f.outbox()).isEqualTo(before);
        assertThat(f.tickets.ticket(assigned.id()).assigneeId()).isEqualTo(ana);
        assertThat(f.routing.waiting(PageRequest.first(10)).items()).isEmpty();
    }

    @Test
    void a_requirement_keeps_language_tags_in_canonical_case_and_refuses_bad_values() {
        assertThat(RoutingRequirement.none().speaking("pt-br").language()).isEqualTo("pt-BR");
        assertThat(RoutingRequirement.none().withSkill(" returns ").skills()).containsExactly("returns");
        assertThat(RoutingRequirement.none().speaking("de").and(RoutingRequirement.none().speaking("en")
                .withSkill("billing").inTeam(RETURNS)))
                .isEqualTo(new RoutingRequirement(Set.of("billing"), "de", RETURNS));
        assertField(() -> RoutingRequirement.none().speaking("not a tag!"), "language");
        assertField(() -> RoutingRequirement.none().withSkill(" "), "skills[]");
        assertField(() -> new RoutingRequirement(Set.of("a", "b", "c", "d", "e", "f", "g", "h", "i", "j", "k"), null,
                null), "skills");
        assertField(() -> RoutingSettings.defaults().withRoles(Set.of()), "roles");
        assertField(() -> RoutingRules.languageFromField(""), "key");
    }

    @Test
    void a_rule_of_the_hosts_own_is_asked_with_the_ticket() {
        // given: a rule that sends complaints to agents with the skill "complaints"
        RoutingRule complaints = (tenantId, ticket) -> ticket.kind() == TicketKind.COMPLAINT
                ? RoutingRequirement.none().withSkill("complaints") : RoutingRequirement.none();
        RoutingFixtures f = new RoutingFixtures(RoutingSettings.defaults().withRules(RoutingFixtures.TENANT,
                List.of(complaints)));
        UUID plain = f.agent(5);
        UUID handler = f.agent(f.details(5).withSkills(Set.of("complaints")));

        // when / then
        assertThat(f.routing.route(f.ticket(TicketKind.COMPLAINT, Map.of()).id()).agentId()).isEqualTo(handler);
        assertThat(f.routing.route(f.ticket(TicketKind.COMPLAINT, Map.of()).id()).agentId()).isEqualTo(handler);
        assertThat(f.routing.route(f.ticket().id()).agentId()).as("anyone for a request; the least loaded")
                .isEqualTo(plain);
    }

    @Test
    void a_skill_named_in_a_field_must_be_had_with_every_other_required_skill_by_members_of_the_routing_roles() {
        // given: requests need "billing"; the product line field names another skill; managers route too
        RoutingFixtures f = new RoutingFixtures(RoutingSettings.defaults().withRoles(Set.of(
                dev.crmkit.model.team.TeamRole.SERVICE_AGENT, dev.crmkit.model.team.TeamRole.SERVICE_MANAGER))
                .withRules(List.of(RoutingRules.skillsByKind(Map.of(TicketKind.SERVICE_REQUEST, Set.of("billing"))),
                        RoutingRules.skillFromField("product"))));
        UUID billingOnly = f.agent(f.details(5).withSkills(Set.of("billing")));
        UUID manager = f.agent(dev.crmkit.core.team.MemberDetails.of("boss", "Boss",
                dev.crmkit.model.team.TeamRole.SERVICE_MANAGER).withSkills(Set.of("billing", "kettles"))
                .withCapacity(5));

        // when
        RoutingOutcome kettle = f.routing.route(f.ticket(TicketKind.SERVICE_REQUEST,
                Map.of("product", new CustomFieldValue.Text("kettles"))).id());
        RoutingOutcome toaster = f.routing.route(f.ticket(TicketKind.SERVICE_REQUEST,
                Map.of("product", new CustomFieldValue.Text("toasters"))).id());
        RoutingOutcome blank = f.routing.route(f.ticket(TicketKind.SERVICE_REQUEST,
                Map.of("product", new CustomFieldValue.Text(" "))).id());

        // then
        assertThat(kettle.agentId()).isEqualTo(manager);
        assertThat(toaster.routed()).as("billing alone is not enough").isFalse();
        assertThat(blank.agentId()).as("a blank field requires nothing more").isEqualTo(billingOnly);
        assertThat(new RoutingRequirement(Set.of("a", "b", "c", "d", "e", "f", "g", "h", "i", "j"), null, null)
                .skills()).as("ten skills are allowed").hasSize(10);
    }

    @Test
    void route_waiting_tries_at_most_the_limit_longest_open_first() {
        RoutingFixtures f = new RoutingFixtures();
        Ticket older = f.ticket();
        Ticket newer = f.ticket();
        f.routing.route(older.id());
        f.routing.route(newer.id());
        UUID ana = f.agent(5);

        assertThat(f.routing.routeWaiting(1)).isEqualTo(1);

        assertThat(f.tickets.ticket(older.id()).assigneeId()).isEqualTo(ana);
        assertThat(f.tickets.ticket(newer.id()).assigneeId()).isNull();
        assertThat(f.routing.routeWaiting(1)).isEqualTo(1);
        assertThat(f.routing.routeWaiting(1)).as("nothing waits").isZero();
    }

    private static void assertField(ThrowingCallable call, String field) {
        assertThatThrownBy(call).isInstanceOfSatisfying(ValidationException.class,
                e -> assertThat(e.field()).isEqualTo(field));
    }

    @Test
    void a_waiting_ticket_whose_slot_save_conflicts_inside_an_outer_unit_stays_waiting_with_nothing_of_it_written() {
        // given: nobody can take the ticket, so it waits; then ana joins, and her slot's next save conflicts, as when
        // another node routed to her since this one read her slot
        SlotConflicts conflicts = new SlotConflicts();
        RoutingFixtures f = new RoutingFixtures(RoutingSettings.defaults(), conflicts::around);
        Ticket ticket = f.ticket();
        assertThat(f.routing.route(ticket.id()).routed()).isFalse();
        UUID ana = f.agent(3);
        conflicts.next();

        // when: the host routes the queue inside a unit of its own, which commits what the call leaves
        int routed = f.storage.transactions().inTransaction(() -> f.routing.routeWaiting(10));

        // then: the ticket was skipped with nothing of its routing written: unassigned, waiting, uncounted
        assertThat(routed).isZero();
        assertThat(conflicts.conflicted).isTrue();
        assertThat(f.tickets.ticket(ticket.id()).assigneeId()).isNull();
        assertThat(f.routing.waiting(PageRequest.first(10)).items()).extracting(WaitingTicket::ticketId)
                .containsExactly(ticket.id());
        assertThat(f.storage.routing().slots(RoutingFixtures.TENANT, List.of(ana))).isEmpty();
        assertThat(f.eventTypes(ticket.id())).containsExactly("ticket.opened", "ticket.routing-queued");

        // and: the next call routes it, counted once on ana's slot
        assertThat(f.routing.routeWaiting(10)).isEqualTo(1);
        assertThat(f.tickets.ticket(ticket.id()).assigneeId()).isEqualTo(ana);
        assertThat(f.routing.waiting(PageRequest.first(10)).items()).isEmpty();
        assertThat(f.storage.routing().slots(RoutingFixtures.TENANT, List.of(ana)).get(ana).activeTickets())
                .isEqualTo(1);
    }

    /**
     * Makes the next save of an agent's routing slot conflict, before it reaches the storage, as the storage does when
     * the slot's version moved on since routing read it. Every other call goes to the real storage.
     */
    private static final class SlotConflicts {
        private boolean armed;
        private boolean conflicted;

        void next() {
            armed = true;
        }

        Storage around(Storage storage) {
            ServiceLevelStorage real = storage.capability(ServiceLevelStorage.class).orElseThrow();
            TicketRoutingStore routing = forwarding(TicketRoutingStore.class, real.routing(), method -> {
                if (method.getName().equals("saveSlot") && armed) {
                    armed = false;
                    conflicted = true;
                    throw new ConflictException("the slot's version moved on since it was read", true);
                }
                return null;
            });
            return storage.with(ServiceLevelStorage.class, forwarding(ServiceLevelStorage.class, real,
                    method -> method.getName().equals("routing") ? routing : null));
        }

        /** A proxy of {@code real} answering with {@code instead} where it gives an answer, else with the real call. */
        private static <T> T forwarding(Class<T> type, T real, Function<Method, Object> instead) {
            return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, (proxy, method,
                    args) -> {
                Object answer = instead.apply(method);
                if (answer != null) {
                    return answer;
                }
                try {
                    return method.invoke(real, args);
                } catch (InvocationTargetException e) {
                    throw e.getCause();
                }
            }));
        }
    }
}
