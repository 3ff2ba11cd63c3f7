package dev.crmkit.core.ticket;

import static dev.crmkit.core.TwoNodes.proxy;
import static org.assertj.core.api.Assertions.assertThat;

import dev.crmkit.core.Crm;
import dev.crmkit.core.TwoNodes;
import dev.crmkit.core.common.IdGenerator;
import dev.crmkit.core.port.PublishedEvent;
import dev.crmkit.core.scheduling.DueWorkScheduler;
import dev.crmkit.core.touchpoint.MutableClock;
import dev.crmkit.jdbc.JdbcStorage;
import dev.crmkit.model.customer.LifecycleStage;
import dev.crmkit.model.customer.PartyKind;
import dev.crmkit.model.ticket.MilestoneKind;
import dev.crmkit.model.ticket.SlaTarget;
import dev.crmkit.model.ticket.TicketChannel;
import dev.crmkit.model.ticket.TicketKind;
import dev.crmkit.model.ticket.TicketPriority;
import dev.crmkit.spi.customer.CustomerRecord;
import dev.crmkit.spi.customer.CustomerStorage;
import dev.crmkit.spi.ticket.TicketStorage;
import dev.crmkit.spi.ticket.TicketStore;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * One milestone's breach escalates on two nodes at once, on one PostgreSQL or MariaDB database: node A claims the due
 * work and stalls just before it locks the ticket, past its lease; node B, whose clock is past A's lease, claims the same
 * work, records the breach, runs the step (notify, raise the priority) and commits; then A carries on. The moment's
 * record, written under the ticket's lock in the unit that runs it ({@code Escalations.claim}), is the guard: A finds it
 * and does nothing, so the breach is recorded once, the step runs once and the priority rises one step. With the
 * record's check taken out, A ran the step a second time: two breaches, two escalations, and the priority raised
 * twice (NORMAL to HIGH to URGENT).
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class EscalationOnTwoNodesTest {
    private static final Instant OPENED = Instant.parse("2026-03-02T09:00:00Z");
    private static final Duration FIRST_RESPONSE = Duration.ofHours(2);

    private final String tenantId = "escalation-" + UUID.randomUUID().toString().substring(0, 8);
    private final CountDownLatch firstHeld = new CountDownLatch(1);
    private final CountDownLatch secondEnded = new CountDownLatch(1);
    private final AtomicBoolean held = new AtomicBoolean();
    private final List<PublishedEvent> delivered = Collections.synchronizedList(new ArrayList<>());
    private TwoNodes database;

    @AfterEach
    void closeDatabase() {
        if (database != null) {
            database.close();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.crmkit.core.TwoNodes#databases")
    void a_breach_escalated_on_two_nodes_at_once_is_recorded_and_escalated_once(String variable) throws Exception {
        // given: a first response due 2 hours after opening, and a step at its breach that notifies and raises
        database = new TwoNodes(variable, "escalation on two nodes");
        EscalationSettings escalation = EscalationSettings.none().withPolicy(tenantId, EscalationPolicy.of(List.of(
                EscalationStep.atBreach(MilestoneKind.FIRST_RESPONSE, "notify", "raise-priority"))));
        MutableClock clockA = new MutableClock(OPENED);
        MutableClock clockB = new MutableClock(OPENED);
        JdbcStorage storageA = database.node("node-a");
        JdbcStorage storageB = database.node("node-b");
        Crm nodeA = Crm.builder().storage(storageA.with(TicketStorage.class, holdingBeforeLock(storageA)))
                .clock(clockA).ids(IdGenerator.timeOrdered(clockA)).nodeId("node-a").listener(delivered::add)
                .module(new TicketModule(TicketSettings.defaults(), escalation)).build();
        Crm nodeB = Crm.builder().storage(storageB).clock(clockB).ids(IdGenerator.timeOrdered(clockB))
                .nodeId("node-b").module(new TicketModule(TicketSettings.defaults(), escalation)).build();
        TicketService tickets = nodeB.tenant(tenantId).service(TicketService.class);
        tickets.saveSlaPolicy(SlaPolicy.of(List.of(SlaTarget.of(MilestoneKind.FIRST_RESPONSE, FIRST_RESPONSE))), 0);
        UUID ticket = tickets.open(OpenTicket.of(customer(storageB), TicketKind.INCIDENT, TicketChannel.PHONE,
                "Router down")).id();
        clockA.advance(FIRST_RESPONSE.plusMinutes(1));
        clockB.advance(FIRST_RESPONSE.plusMinutes(1).plus(DueWorkScheduler.Settings.defaults().lease())
                .plusMinutes(5));

        // when: A claims and stalls before the ticket's lock, B claims after A's lease ran out and commits, A goes on
        // (other tests' due work in the same database may come first: each node runs batches until it has none)
        AtomicReference<Integer> claimedByB = new AtomicReference<>();
        List<Throwable> failures = TwoNodes.race(() -> drain(nodeA), firstHeld,
                () -> claimedByB.getAndSet(drain(nodeB)), secondEnded);

        // then
        assertThat(failures).isEmpty();
        assertThat(held).as("node A held before locking the ticket").isTrue();
        assertThat(claimedByB.get()).as("node B claimed the breach after A's lease ran out").isPositive();
        assertThat(tickets.ticket(ticket).priority()).as("raised one step, once").isEqualTo(TicketPriority.HIGH);
        assertThat(eventsOf(nodeA, ticket)).containsExactly("ticket.opened", "ticket.milestone-started",
                "ticket.milestone-breached", "ticket.escalated", "ticket.escalation-notified",
                "ticket.priority-changed");
    }

    /** Runs the node's due work batch by batch until it claims none (or node A held); the total claimed. */
    private int drain(Crm node) {
        int claimed = 0;
        for (DueWorkScheduler.Run run = node.scheduler().runDueWork(); run.claimed() > 0 && !heldHere();
                run = node.scheduler().runDueWork()) {
            claimed += run.claimed();
        }
        return claimed;
    }

    private boolean heldHere() {
        return "first".equals(TwoNodes.currentUnit()) && held.get();
    }

    private UUID customer(JdbcStorage storage) {
        UUID id = UUID.randomUUID();
        storage.capability(CustomerStorage.class).orElseThrow().customers().insert(new CustomerRecord(tenantId, id, 1,
                OPENED, OPENED, PartyKind.PERSON, "Racer", null, null, null, null, null, LifecycleStage.CUSTOMER, null,
                Set.of(), Map.of(), null));
        return id;
    }

    private List<String> eventsOf(Crm node, UUID ticket) {
        while (node.relay().relayOnce().claimed() > 0) {
            // deliver everything
        }
        return delivered.stream().filter(e -> e.tenantId().equals(tenantId)
                && e.aggregateId().equals(ticket.toString())).map(PublishedEvent::type).toList();
    }

    /** Node A's ticket stores, whose first lock of a ticket of the tenant in the first unit waits until B ended. */
    private TicketStorage holdingBeforeLock(JdbcStorage real) {
        TicketStorage ticketStorage = real.capability(TicketStorage.class).orElseThrow();
        TicketStore tickets = proxy(TicketStore.class, ticketStorage.tickets(), (method, args, call) -> {
            if (method.equals("lock") && tenantId.equals(args[0]) && "first".equals(TwoNodes.currentUnit())
                    && held.compareAndSet(false, true)) {
                firstHeld.countDown();
                TwoNodes.await(secondEnded);
            }
            return call.get();
        });
        return proxy(TicketStorage.class, ticketStorage, (method, args, call) ->
                method.equals("tickets") ? tickets : call.get());
    }
}
