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
import dev.crmkit.model.ticket.MilestoneKind;
import dev.crmkit.model.ticket.SlaTarget;
import dev.crmkit.model.ticket.TicketChannel;
import dev.crmkit.model.ticket.TicketFilter;
import dev.crmkit.model.ticket.TicketKind;
import dev.crmkit.model.ticket.TicketState;
import dev.crmkit.spi.Storage;
import dev.crmkit.spi.customer.CustomerRecord;
import dev.crmkit.spi.customer.CustomerStorage;
import dev.crmkit.spi.idempotency.IdempotencyStore;
import dev.crmkit.spi.team.TeamMemberRecord;
import dev.crmkit.spi.team.TeamStorage;
import dev.crmkit.spi.ticket.TicketStorage;
import dev.crmkit.spi.ticket.TicketStore;
import java.lang.reflect.Proxy;
import java.time.Duration;
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
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Two agents on two nodes work on one ticket at once, on one PostgreSQL and one MariaDB database.
 *
 * <p>The races are made, not hoped for: node A's unit ({@code first}) stops right after it read what it checks (the
 * ticket, or the idempotency key it looks up) and waits until node B's unit ({@code second}) has ended; then it goes
 * on, with what it read now stale. The ticket's versioned update is the guard of the first race: A's change fails with
 * a retryable conflict and nothing of it is stored (without the version check, A's resolve silently overwrote B's
 * change and both events were recorded). The same guard, with each milestone's own versioned update behind it, keeps
 * an agent's response that races a wait on the customer from completing milestones the other node paused (with both
 * version checks removed, A's response completed the first response over B's pause). The idempotency key's
 * uniqueness is the guard of the last two: both nodes answer with the one ticket B opened, and a reply both nodes
 * received (the inbound message's id) is recorded once (with the id's record taken out, A recorded it a second time).
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class TicketOnTwoNodesTest {
    private final String tenantId = "tickets-" + UUID.randomUUID().toString().substring(0, 8);
    private final CountDownLatch firstRead = new CountDownLatch(1);
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
    void a_change_on_a_ticket_another_node_changed_since_it_was_read_fails_and_stores_nothing(String variable)
            throws Exception {
        // given
        startNodes(variable);
        UUID ticket = tickets(nodeB).open(OpenTicket.of(customer(), TicketKind.INCIDENT, TicketChannel.PHONE,
                "Router down")).id();

        // when: node A resolves the ticket it read before node B made it wait on the customer
        List<Throwable> failures = race(() -> tickets(nodeA).resolve(ticket),
                () -> tickets(nodeB).waitOnCustomer(ticket));

        // then
        assertThat(failures).hasSize(1);
        assertThat(failures.get(0)).isInstanceOfSatisfying(ConflictException.class,
                e -> assertThat(e.retryable()).isTrue());
        Ticket after = tickets(nodeB).ticket(ticket);
        assertThat(after.state()).isEqualTo(TicketState.WAITING_ON_CUSTOMER);
        assertThat(after.version()).isEqualTo(2);
        assertThat(database.commitOrder()).containsExactly("second");
        assertThat(eventsOf(ticket)).containsExactly("ticket.opened", "ticket.state-changed");
        assertThat(tickets(nodeA).resolve(ticket).state()).as("the retry succeeds").isEqualTo(TicketState.RESOLVED);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.crmkit.core.TwoNodes#databases")
    void a_response_racing_a_wait_on_the_customer_fails_and_leaves_the_milestones_as_the_other_node_stored(
            String variable) throws Exception {
        // given: a tenant measured by an SLA policy, and a ticket with its first-response and resolution milestones
        startNodes(variable);
        tickets(nodeB).saveSlaPolicy(SlaPolicy.of(List.of(
                SlaTarget.of(MilestoneKind.FIRST_RESPONSE, Duration.ofHours(2)),
                SlaTarget.of(MilestoneKind.RESOLUTION, Duration.ofHours(8)))), 0);
        UUID ticket = tickets(nodeB).open(OpenTicket.of(customer(), TicketKind.INCIDENT, TicketChannel.PHONE,
                "Router down")).id();
        UUID agent = agent();

        // when: node A responds on the ticket it read before node B made it wait on the customer
        List<Throwable> failures = race(() -> tickets(nodeA).respond(ticket, agent),
                () -> tickets(nodeB).waitOnCustomer(ticket));

        // then: A's response stored nothing; the milestones are as B paused them
        assertThat(failures).hasSize(1);
        assertThat(failures.get(0)).isInstanceOfSatisfying(ConflictException.class,
                e -> assertThat(e.retryable()).isTrue());
        assertThat(database.commitOrder()).containsExactly("second");
        assertThat(tickets(nodeB).milestones(ticket)).allSatisfy(m -> {
            assertThat(m.running()).isFalse();
            assertThat(m.completedAt()).as("not completed by the lost response").isNull();
        });
        assertThat(eventsOf(ticket)).containsExactly("ticket.opened", "ticket.milestone-started",
                "ticket.milestone-started", "ticket.state-changed", "ticket.milestone-changed",
                "ticket.milestone-changed");
        tickets(nodeA).respond(ticket, agent);
        assertThat(tickets(nodeB).milestones(ticket)).as("the retry completes the first response")
                .filteredOn(m -> m.kind() == MilestoneKind.FIRST_RESPONSE)
                .allSatisfy(m -> assertThat(m.completedAt()).isNotNull());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.crmkit.core.TwoNodes#databases")
    void the_same_ticket_opened_on_two_nodes_with_one_key_is_opened_once(String variable) throws Exception {
        // given
        startNodes(variable);
        UUID customer = customer();
        OpenTicket command = OpenTicket.of(customer, TicketKind.COMPLAINT, TicketChannel.EMAIL, "Invoice wrong");
        List<Ticket> opened = Collections.synchronizedList(new ArrayList<>());

        // when: node A looked the key up and found nothing before node B opened the ticket with it
        List<Throwable> failures = race(() -> opened.add(tickets(nodeA).open(command, "mail-1")),
                () -> opened.add(tickets(nodeB).open(command, "mail-1")));

        // then
        assertThat(failures).isEmpty();
        assertThat(opened).hasSize(2);
        assertThat(opened.get(0).id()).isEqualTo(opened.get(1).id());
        assertThat(tickets(nodeB).tickets(TicketFilter.all().ofCustomer(customer), PageRequest.first(10)).items())
                .hasSize(1);
        assertThat(eventsOf(opened.get(0).id())).containsExactly("ticket.opened");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.crmkit.core.TwoNodes#databases")
    void the_same_reply_received_on_two_nodes_at_once_is_recorded_once(String variable) throws Exception {
        // given: a ticket waiting on the customer
        startNodes(variable);
        UUID ticket = tickets(nodeB).open(OpenTicket.of(customer(), TicketKind.COMPLAINT, TicketChannel.EMAIL,
                "Invoice wrong")).id();
        tickets(nodeB).waitOnCustomer(ticket);
        String subject = "Re: [" + TicketThread.reference(ticket) + "] Invoice wrong";
        List<Ticket> reached = Collections.synchronizedList(new ArrayList<>());

        // when: node A looked the inbound message's id up and found nothing before node B recorded the reply
        List<Throwable> failures = race(() -> reached.add(tickets(nodeA).replyReceived(subject, "<reply-1@mail>")),
                () -> reached.add(tickets(nodeB).replyReceived(subject, "<reply-1@mail>")));

        // then: both answer with the ticket; the reply is recorded once
        assertThat(failures).isEmpty();
        assertThat(reached).extracting(Ticket::id).containsExactly(ticket, ticket);
        assertThat(tickets(nodeB).ticket(ticket).state()).isEqualTo(TicketState.OPEN);
        assertThat(eventsOf(ticket)).containsExactly("ticket.opened", "ticket.state-changed",
                "ticket.customer-replied");
    }

    private void startNodes(String variable) {
        database = new TwoNodes(variable, "one ticket worked on two nodes");
        nodeA = Crm.builder().storage(holdingAfterRead(database.node("node-a"))).nodeId("node-a")
                .listener(delivered::add).build();
        storageB = database.node("node-b");
        nodeB = Crm.builder().storage(storageB).nodeId("node-b").build();
    }

    private TicketService tickets(Crm node) {
        return node.tenant(tenantId).service(TicketService.class);
    }

    private UUID customer() {
        UUID id = UUID.randomUUID();
        Instant now = Instant.now();
        storageB.capability(CustomerStorage.class).orElseThrow().customers().insert(new CustomerRecord(tenantId, id,
                1, now, now, PartyKind.PERSON, "Racer", null, null, null, null, null, LifecycleStage.CUSTOMER, null,
                Set.of(), Map.of(), null));
        return id;
    }

    private UUID agent() {
        UUID id = UUID.randomUUID();
        Instant now = Instant.now();
        storageB.capability(TeamStorage.class).orElseThrow().teamMembers().insert(new TeamMemberRecord(tenantId, id,
                1, now, now, "agent-" + id.toString().substring(0, 8), "Agent", TeamRole.SERVICE_AGENT, null, null,
                Set.of(), Set.of(), Set.of(), 0, 10, Availability.ACTIVE, null));
        return id;
    }

    private List<String> eventsOf(UUID ticket) {
        while (nodeA.relay().relayOnce().claimed() > 0) {
            // deliver everything
        }
        return delivered.stream().filter(e -> e.tenantId().equals(tenantId)
                && e.aggregateId().equals(ticket.toString())).map(PublishedEvent::type).toList();
    }

    private List<Throwable> race(Supplier<?> first, Supplier<?> second) throws Exception {
        return TwoNodes.race(first, firstRead, second, secondEnded);
    }

    /**
     * Node A's storage: the unit named {@code first}, the first time it reads a ticket or looks up idempotency keys,
     * waits after the read until the second unit has ended.
     */
    private Storage holdingAfterRead(JdbcStorage real) {
        TicketStorage ticketStorage = real.capability(TicketStorage.class).orElseThrow();
        TicketStore tickets = proxy(TicketStore.class, ticketStorage.tickets(), (method, args, call) -> holdAfter(
                method.equals("get"), call));
        TicketStorage holdingTickets = proxy(TicketStorage.class, ticketStorage,
                (method, args, call) -> method.equals("tickets") ? tickets : call.get());
        IdempotencyStore keys = proxy(IdempotencyStore.class, real.idempotency(), (method, args, call) -> holdAfter(
                method.equals("findAll"), call));
        return (Storage) Proxy.newProxyInstance(Storage.class.getClassLoader(), new Class<?>[] {Storage.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "idempotency" -> keys;
                    case "capability" -> args[0] == TicketStorage.class ? Optional.of(holdingTickets)
                            : TwoNodes.forward(method, real, args);
                    default -> TwoNodes.forward(method, real, args);
                });
    }

    private Object holdAfter(boolean read, TwoNodes.Forward call) throws Throwable {
        Object result = call.get();
        if (read && "first".equals(TwoNodes.currentUnit()) && held.compareAndSet(false, true)) {
            firstRead.countDown();
            TwoNodes.await(secondEnded);
        }
        return result;
    }
}
