package dev.crmkit.core.ticket;

import static dev.crmkit.core.TwoNodes.proxy;
import static org.assertj.core.api.Assertions.assertThat;

import dev.crmkit.core.Crm;
import dev.crmkit.core.TwoNodes;
import dev.crmkit.core.port.PublishedEvent;
import dev.crmkit.jdbc.JdbcStorage;
import dev.crmkit.model.ConflictException;
import dev.crmkit.model.PageRequest;
import dev.crmkit.model.customer.LifecycleStage;
import dev.crmkit.model.customer.PartyKind;
import dev.crmkit.model.team.Availability;
import dev.crmkit.model.team.TeamRole;
import dev.crmkit.model.ticket.TicketChannel;
import dev.crmkit.model.ticket.TicketFilter;
import dev.crmkit.model.ticket.TicketKind;
import dev.crmkit.spi.Storage;
import dev.crmkit.spi.customer.CustomerRecord;
import dev.crmkit.spi.customer.CustomerStorage;
import dev.crmkit.spi.team.TeamMemberRecord;
import dev.crmkit.spi.team.TeamStorage;
import dev.crmkit.spi.ticket.ServiceLevelStorage;
import dev.crmkit.spi.ticket.TicketRoutingStore;
import java.lang.reflect.Proxy;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Two nodes route tickets to one agent's last free place at once, on one PostgreSQL and one MariaDB database.
 *
 * <p>The race is made, not hoped for: node A's unit ({@code first}) stops right after it read the agent's routing slot
 * (which holds the agent's active-ticket count) and waits until node B's unit ({@code second}) has routed another
 * ticket to the agent and committed; then it goes on with a count that is no longer true. The slot, saved over the
 * version read, is the guard: A's save conflicts, A's unit stores nothing, and its retry finds the agent full and
 * queues the ticket. The first case races for a slot neither node has stored yet (the insert is the check); the second
 * for a slot that is replaced, where the version alone is: with the {@code version = ?} condition taken out of the
 * slot's {@code UPDATE}, the second case fails, the agent of capacity 2 receiving a third ticket.
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class RoutingOnTwoNodesTest {
    private final String tenantId = "routing-" + UUID.randomUUID().toString().substring(0, 8);
    private final CountDownLatch firstCounted = new CountDownLatch(1);
    private final CountDownLatch secondEnded = new CountDownLatch(1);
    private final AtomicBoolean held = new AtomicBoolean();
    private final List<PublishedEvent> delivered = Collections.synchronizedList(new ArrayList<>());
    private TwoNodes database;
    private JdbcStorage storageB;
    private Crm nodeA;
    private Crm nodeB;

    @AfterEach
    void closeNodes() {
        if (database != null) {
            database.close();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.crmkit.core.TwoNodes#databases")
    void two_nodes_routing_to_an_agents_last_free_place_at_once_never_exceed_the_capacity(String variable)
            throws Exception {
        // given: one agent with room for one ticket, and two tickets
        startNodes(variable);
        UUID agent = agent(1);
        UUID onA = tickets(nodeB).open(OpenTicket.of(customer(), TicketKind.INCIDENT, TicketChannel.PHONE,
                "Router down")).id();
        UUID onB = tickets(nodeB).open(OpenTicket.of(customer(), TicketKind.INCIDENT, TicketChannel.PHONE,
                "Router down")).id();

        // when: node A read the agent's slot and count before node B routed the other ticket to the agent
        List<Throwable> failures = TwoNodes.race(() -> routing(nodeA).route(onA), firstCounted,
                () -> routing(nodeB).route(onB), secondEnded);

        // then: the agent has one ticket; A's routing failed and stored nothing
        assertThat(activeTicketsOf(agent)).as("the active tickets of an agent of capacity 1").containsExactly(onB);
        assertThat(failures).hasSize(1);
        assertThat(failures.get(0)).isInstanceOfSatisfying(ConflictException.class,
                e -> assertThat(e.retryable()).isTrue());
        assertThat(database.commitOrder()).containsExactly("second");
        assertThat(tickets(nodeB).ticket(onA).assigneeId()).isNull();
        assertThat(eventsOf(onA)).containsExactly("ticket.opened");
        assertThat(eventsOf(onB)).containsExactly("ticket.opened", "ticket.assigned", "ticket.routed");

        // and: the retry finds the agent full, and the ticket waits until the place frees
        RoutingOutcome retry = routing(nodeA).route(onA);
        assertThat(retry.routed()).isFalse();
        assertThat(activeTicketsOf(agent)).containsExactly(onB);
        tickets(nodeB).resolve(onB);
        assertThat(routing(nodeA).routeWaiting(10)).isEqualTo(1);
        assertThat(activeTicketsOf(agent)).containsExactly(onA);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.crmkit.core.TwoNodes#databases")
    void two_nodes_routing_to_an_agent_with_a_slot_already_conflict_over_its_version_and_never_exceed_the_capacity(
            String variable) throws Exception {
        // given: an agent with room for two tickets who holds one routed earlier (so the slot is replaced, not
        // inserted, and only its version can tell the two routings apart), and two more tickets
        startNodes(variable);
        UUID agent = agent(2);
        UUID earlier = tickets(nodeB).open(OpenTicket.of(customer(), TicketKind.INCIDENT, TicketChannel.PHONE,
                "Printer jammed")).id();
        assertThat(routing(nodeB).route(earlier).agentId()).isEqualTo(agent);
        UUID onA = tickets(nodeB).open(OpenTicket.of(customer(), TicketKind.INCIDENT, TicketChannel.PHONE,
                "Router down")).id();
        UUID onB = tickets(nodeB).open(OpenTicket.of(customer(), TicketKind.INCIDENT, TicketChannel.PHONE,
                "Router down")).id();

        // when: node A read the agent's slot and count before node B routed the other ticket to the agent
        List<Throwable> failures = TwoNodes.race(() -> routing(nodeA).route(onA), firstCounted,
                () -> routing(nodeB).route(onB), secondEnded);

        // then: the agent has two tickets; A's routing failed over the slot's version and stored nothing
        assertThat(activeTicketsOf(agent)).as("the active tickets of an agent of capacity 2")
                .containsExactlyInAnyOrder(earlier, onB);
        assertThat(failures).hasSize(1);
        assertThat(failures.get(0)).isInstanceOfSatisfying(ConflictException.class,
                e -> assertThat(e.retryable()).isTrue());
        assertThat(tickets(nodeB).ticket(onA).assigneeId()).isNull();
        assertThat(routing(nodeA).route(onA).routed()).as("the retry finds the agent full").isFalse();
    }

    private void startNodes(String variable) {
        database = new TwoNodes(variable, "tickets routed on two nodes");
        nodeA = Crm.builder().storage(holdingAfterCount(database.node("node-a"))).nodeId("node-a")
                .listener(delivered::add).build();
        storageB = database.node("node-b");
        nodeB = Crm.builder().storage(storageB).nodeId("node-b").build();
    }

    private TicketService tickets(Crm node) {
        return node.tenant(tenantId).service(TicketService.class);
    }

    private TicketRouting routing(Crm node) {
        return node.tenant(tenantId).service(TicketRouting.class);
    }

    private List<UUID> activeTicketsOf(UUID agent) {
        return tickets(nodeB).tickets(TicketFilter.all().assignedTo(agent), PageRequest.first(10)).items().stream()
                .filter(t -> t.state().isActive()).map(Ticket::id).toList();
    }

    private UUID customer() {
        UUID id = UUID.randomUUID();
        Instant now = Instant.now();
        storageB.capability(CustomerStorage.class).orElseThrow().customers().insert(new CustomerRecord(tenantId, id,
                1, now, now, PartyKind.PERSON, "Racer", null, null, null, null, null, LifecycleStage.CUSTOMER, null,
                Set.of(), Map.of(), null));
        return id;
    }

    private UUID agent(int capacity) {
        UUID id = UUID.randomUUID();
        Instant now = Instant.now();
        storageB.capability(TeamStorage.class).orElseThrow().teamMembers().insert(new TeamMemberRecord(tenantId, id,
                1, now, now, "agent-" + id.toString().substring(0, 8), "Agent", TeamRole.SERVICE_AGENT, null, null,
                Set.of(), Set.of(), Set.of(), 0, capacity, Availability.ACTIVE, null));
        return id;
    }

    private List<String> eventsOf(UUID ticket) {
        while (nodeA.relay().relayOnce().claimed() > 0) {
            // deliver everything
        }
        return delivered.stream().filter(e -> e.tenantId().equals(tenantId)
                && e.aggregateId().equals(ticket.toString())).map(PublishedEvent::type).toList();
    }

    /**
     * Node A's storage: the unit named {@code first}, the first time it reads agents' routing slots (and with them
     * their active-ticket counts), waits after the read until the second unit has ended.
     */
    private Storage holdingAfterCount(JdbcStorage real) {
        ServiceLevelStorage levels = real.capability(ServiceLevelStorage.class).orElseThrow();
        TicketRoutingStore routing = proxy(TicketRoutingStore.class, levels.routing(), (method, args, call) -> {
            Object result = call.get();
            if (method.equals("slots") && "first".equals(TwoNodes.currentUnit())
                    && held.compareAndSet(false, true)) {
                firstCounted.countDown();
                TwoNodes.await(secondEnded);
            }
            return result;
        });
        ServiceLevelStorage holdingLevels = proxy(ServiceLevelStorage.class, levels,
                (method, args, call) -> method.equals("routing") ? routing : call.get());
        return (Storage) Proxy.newProxyInstance(Storage.class.getClassLoader(), new Class<?>[] {Storage.class},
                (proxy, method, args) -> method.getName().equals("capability") && args[0] == ServiceLevelStorage.class
                        ? Optional.of(holdingLevels) : TwoNodes.forward(method, real, args));
    }
}
