package dev.crmkit.core.ticket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import dev.crmkit.core.team.MemberDetails;
import dev.crmkit.core.team.WorkingHours;
import dev.crmkit.model.PageRequest;
import dev.crmkit.model.customfield.CustomFieldValue;
import dev.crmkit.model.ticket.TicketFilter;
import dev.crmkit.model.ticket.TicketKind;
import dev.crmkit.model.ticket.TicketState;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

/**
 * Routing over generated teams (capacities 0 to 3; active, away or deactivated; no hours, hours that exclude the
 * moment or include it; skills {@code a}, {@code b}, both or none) and generated sequences of tickets needing a skill
 * or none, resolutions and {@code routeWaiting} calls, checked against a model of eligibility written apart from the
 * routing code: a ticket is routed only to an agent the model calls eligible and who had room; a ticket is left
 * waiting only when every agent the model calls eligible is full; and no agent ever holds more active tickets than
 * their capacity.
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class RoutingPropertyTest {
    private static final Set<TicketState> ACTIVE = EnumSet.of(TicketState.NEW, TicketState.OPEN,
            TicketState.WAITING_ON_CUSTOMER, TicketState.WAITING_ON_THIRD_PARTY);
    private static final List<Set<String>> SKILLS = List.of(Set.of(), Set.of("a"), Set.of("b"), Set.of("a", "b"));

    /** One generated agent, decoded from a number. */
    private record Shape(int capacity, int availability, int hours, Set<String> skills) {
        static Shape of(int code) {
            return new Shape(code % 4, code / 4 % 3, code / 12 % 3, SKILLS.get(code / 36 % 4));
        }

        /** The model: eligible for a ticket needing {@code skill} (or none) now, room aside. */
        boolean eligibleFor(String skill) {
            return availability == 0 && hours != 1 && (skill == null || skills.contains(skill));
        }
    }

    private static Gen<List<Integer>> teams() {
        return lists().of(integers().between(0, 143)).ofSizeBetween(1, 4);
    }

    private static Gen<List<Integer>> commands() {
        return lists().of(integers().between(0, 4)).ofSizeBetween(1, 20);
    }

    @Test
    void routing_chooses_only_eligible_agents_with_room_queues_only_when_none_has_room_and_never_exceeds_capacity() {
        qt().withExamples(120).forAll(teams(), commands()).checkAssert((codes, commands) -> {
            RoutingFixtures f = new RoutingFixtures(RoutingSettings.defaults().withRules(List.of(
                    RoutingRules.skillFromField("skill"))));
            Map<UUID, Shape> agents = new java.util.HashMap<>();
            for (int code : codes) {
                Shape shape = Shape.of(code);
                agents.put(agent(f, shape), shape);
            }
            List<UUID> routed = new ArrayList<>();
            Set<UUID> resolved = new HashSet<>();
            Map<UUID, String> needs = new java.util.HashMap<>();
            for (int command : commands) {
                switch (command) {
                    case 0, 1, 2 -> {
                        String skill = command == 0 ? null : command == 1 ? "a" : "b";
                        Ticket ticket = f.ticket(TicketKind.SERVICE_REQUEST, skill == null ? Map.of()
                                : Map.of("skill", new CustomFieldValue.Text(skill)));
                        needs.put(ticket.id(), skill);
                        Map<UUID, Integer> before = load(f, agents.keySet());
                        RoutingOutcome outcome = f.routing.route(ticket.id());
                        check(outcome, skill, agents, before);
                        if (outcome.routed()) {
                            routed.add(ticket.id());
                        }
                    }
                    case 3 -> routed.stream().filter(t -> !resolved.contains(t)).findFirst().ifPresent(t -> {
                        f.tickets.resolve(t);
                        resolved.add(t);
                    });
                    default -> {
                        List<WaitingTicket> waiting = f.routing.waiting(PageRequest.first(100)).items();
                        f.routing.routeWaiting(100);
                        for (WaitingTicket w : waiting) {
                            UUID assignee = f.tickets.ticket(w.ticketId()).assigneeId();
                            if (assignee != null) {
                                routed.add(w.ticketId());
                                assertThat(agents.get(assignee).eligibleFor(needs.get(w.ticketId())))
                                        .as("a waiting ticket routed to an eligible agent").isTrue();
                            }
                        }
                    }
                }
                load(f, agents.keySet()).forEach((agent, open) -> assertThat(open)
                        .as("active tickets of an agent of capacity " + agents.get(agent).capacity())
                        .isLessThanOrEqualTo(agents.get(agent).capacity()));
            }
        });
    }

    private static void check(RoutingOutcome outcome, String skill, Map<UUID, Shape> agents,
            Map<UUID, Integer> before) {
        if (outcome.routed()) {
            Shape chosen = agents.get(outcome.agentId());
            assertThat(chosen.eligibleFor(skill)).as("routed to an eligible agent").isTrue();
            assertThat(before.get(outcome.agentId())).as("who had room").isLessThan(chosen.capacity());
            int least = agents.entrySet().stream().filter(e -> e.getValue().eligibleFor(skill)
                    && before.get(e.getKey()) < e.getValue().capacity()).mapToInt(e -> before.get(e.getKey()))
                    .min().orElseThrow();
            assertThat(before.get(outcome.agentId())).as("the least loaded").isEqualTo(least);
        } else {
            agents.forEach((agent, shape) -> {
                if (shape.eligibleFor(skill)) {
                    assertThat(before.get(agent)).as("an eligible agent left out is full")
                            .isGreaterThanOrEqualTo(shape.capacity());
                }
            });
        }
    }

    private static UUID agent(RoutingFixtures f, Shape shape) {
        MemberDetails details = f.details(shape.capacity()).withSkills(shape.skills());
        UUID id = f.agent(details);
        if (shape.availability() == 1) {
            f.team.setAway(id, RoutingFixtures.START.plus(Duration.ofDays(1)));
        } else if (shape.availability() == 2) {
            f.team.deactivate(id);
        }
        if (shape.hours() == 1) {
            f.team.setWorkingHours(id, WorkingHours.weekdays(ZoneId.of("Europe/Berlin"), LocalTime.of(14, 0),
                    LocalTime.of(22, 0)), 0);
        } else if (shape.hours() == 2) {
            f.team.setWorkingHours(id, WorkingHours.weekdays(ZoneOffset.UTC, LocalTime.of(8, 0),
                    LocalTime.of(18, 0)), 0);
        }
        return id;
    }

    private static Map<UUID, Integer> load(RoutingFixtures f, Set<UUID> agents) {
        Map<UUID, Integer> open = new java.util.HashMap<>();
        for (UUID agent : agents) {
            open.put(agent, f.tickets.tickets(TicketFilter.all().assignedTo(agent).inStates(ACTIVE),
                    PageRequest.first(100)).items().size());
        }
        return open;
    }
}
