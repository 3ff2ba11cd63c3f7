package dev.crmkit.core.ticket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import dev.crmkit.model.CrmException;
import dev.crmkit.spi.ticket.AgentSlotRecord;
import dev.crmkit.spi.ticket.ServiceLevelStorage;
import dev.crmkit.spi.ticket.TicketRoutingStore;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

/**
 * The active-ticket count each agent's routing slot keeps, under generated sequences of ticket commands (open, route,
 * route waiting tickets, assign by hand, start, wait, resume, resolve, close, reopen, merge; legal and illegal ones,
 * and time passing past the reopen window): after every command, every agent's slot holds exactly the number of
 * active tickets a recount of the tickets finds (no slot: none).
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class ActiveCountPropertyTest {
    private static final int COMMANDS = 13;
    private static final int TICKETS = 4;
    private static final int AGENTS = 3;

    private static Gen<List<Integer>> sequences() {
        return lists().of(integers().between(0, COMMANDS * TICKETS * AGENTS - 1)).ofSizeBetween(1, 40);
    }

    @Test
    void after_generated_ticket_commands_every_slot_counts_exactly_its_agents_active_tickets() {
        qt().withExamples(150).forAll(sequences()).checkAssert(codes -> {
            RoutingFixtures f = new RoutingFixtures();
            TicketRoutingStore slots = f.storage.capability(ServiceLevelStorage.class).orElseThrow().routing();
            List<UUID> agents = new ArrayList<>();
            for (int i = 0; i < AGENTS; i++) {
                agents.add(f.agent(2));
            }
            List<UUID> tickets = new ArrayList<>();
            tickets.add(f.ticket().id());
            int step = 0;
            for (int code : codes) {
                int command = code % COMMANDS;
                UUID ticket = tickets.get(code / COMMANDS % TICKETS % tickets.size());
                UUID other = tickets.get((code / COMMANDS + 1) % TICKETS % tickets.size());
                UUID agent = agents.get(code / (COMMANDS * TICKETS) % AGENTS);
                f.clock.advance(Duration.ofHours(1));
                try {
                    switch (command) {
                        case 0 -> tickets.add(f.ticket().id());
                        case 1 -> f.routing.route(ticket);
                        case 2 -> f.routing.routeWaiting(10);
                        case 3 -> f.tickets.assign(ticket, agent);
                        case 4 -> f.tickets.start(ticket);
                        case 5 -> f.tickets.waitOnCustomer(ticket);
                        case 6 -> f.tickets.resume(ticket);
                        case 7 -> f.tickets.resolve(ticket);
                        case 8 -> f.tickets.close(ticket);
                        case 9 -> f.tickets.reopen(ticket);
                        case 10 -> f.tickets.merge(ticket, other);
                        case 11 -> f.tickets.waitOnThirdParty(ticket);
                        default -> f.clock.advance(Duration.ofDays(20));
                    }
                } catch (CrmException refused) {
                    // an illegal command changes nothing; the counts must still hold
                }
                Map<UUID, Integer> recount = slots.activeTicketCounts(RoutingFixtures.TENANT, agents);
                Map<UUID, AgentSlotRecord> kept = slots.slots(RoutingFixtures.TENANT, agents);
                for (UUID a : agents) {
                    assertThat(kept.containsKey(a) ? kept.get(a).activeTickets() : 0)
                            .as("step %d, command %d of %s: agent %s", step, command, codes, a)
                            .isEqualTo(recount.getOrDefault(a, 0));
                }
                step++;
            }
        });
    }
}
