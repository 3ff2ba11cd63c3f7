package dev.crmkit.core.touchpoint;

import static dev.crmkit.core.TwoNodes.proxy;
import static org.assertj.core.api.Assertions.assertThat;

import dev.crmkit.core.Crm;
import dev.crmkit.core.TwoNodes;
import dev.crmkit.core.customer.CustomerService;
import dev.crmkit.core.customer.RegisterPerson;
import dev.crmkit.core.port.PublishedEvent;
import dev.crmkit.jdbc.JdbcStorage;
import dev.crmkit.spi.Storage;
import dev.crmkit.spi.touchpoint.TaskStore;
import dev.crmkit.spi.touchpoint.TouchPointStorage;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.json.JsonMapper;

/**
 * A follow-up falls due on node A while node B hands it to another agent, on one PostgreSQL and one MariaDB database:
 * the task's events are delivered in the order their units committed, so a "due" never names an agent the task was
 * already taken from. (A completion racing the handler cannot show this: it cancels the due work, and the handler's
 * unit, which completes that work, rolls back.)
 *
 * <p>The race is made, not hoped for: node A's due-work handler (the unit {@code first}) stops right after it read the
 * task (open, due, agent-7) and waits until node B's reassignment (the unit {@code second}) asks for the task's lock
 * or, when no unit takes that lock, has committed. With the lock the handler holds the task while it reads and
 * appends, so the reassignment waits and its event follows; without it the reassignment commits first and the handler,
 * on what it read before, appends a "due" for agent-7 after the task went to agent-9.
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class FollowUpOnTwoNodesTest {
    private static final Instant START = Instant.parse("2026-03-02T09:00:00Z");

    private final String tenantId = "two-nodes-" + UUID.randomUUID().toString().substring(0, 8);
    private final MutableClock clock = new MutableClock(START);
    private final CountDownLatch firstRead = new CountDownLatch(1);
    private final CountDownLatch secondMovedOn = new CountDownLatch(1);
    private final List<PublishedEvent> delivered = Collections.synchronizedList(new ArrayList<>());
    private TwoNodes database;
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
    void a_follow_up_reassigned_while_it_falls_due_is_never_due_for_the_agent_it_was_taken_from(String variable)
            throws Exception {
        // given a follow-up that is due
        database = new TwoNodes(variable, "a follow-up falling due on one node while another completes it");
        nodeA = Crm.builder().storage(holdingAfterTaskRead(database.node("node-a"))).nodeId("node-a").clock(clock)
                .listener(delivered::add).build();
        nodeB = Crm.builder().storage(signallingAtTaskLock(database.node("node-b"))).nodeId("node-b").clock(clock)
                .build();
        UUID customer = nodeA.tenant(tenantId).service(CustomerService.class)
                .register(RegisterPerson.named("Ada", "Due")).customer().id();
        FollowUp task = nodeA.tenant(tenantId).service(TouchPointService.class).schedule(
                new ScheduleFollowUp(customer, "Call back", START.plus(Duration.ofHours(1)), "agent-7", null));
        clock.advance(Duration.ofHours(2));

        // when node A runs the due work while node B hands the task to agent-9
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            Future<?> due = threads.submit(() -> TwoNodes.as("first", () -> nodeA.scheduler().runDueWork()));
            TwoNodes.await(firstRead);
            Future<?> reassigned = threads.submit(() -> {
                try {
                    return TwoNodes.as("second",
                            () -> nodeB.tenant(tenantId).service(TouchPointService.class).reassign(task.id(), "agent-9"));
                } finally {
                    secondMovedOn.countDown();
                }
            });
            due.get(60, TimeUnit.SECONDS);
            reassigned.get(60, TimeUnit.SECONDS);
        } finally {
            threads.shutdownNow();
        }
        while (nodeA.relay().relayOnce().claimed() > 0) {
            // deliver everything
        }

        // then the handler's event comes first, as its unit held the task, and names the agent the task had then
        List<PublishedEvent> events = delivered.stream()
                .filter(e -> e.tenantId().equals(tenantId) && e.aggregateId().equals(task.id().toString())).toList();
        assertThat(events).extracting(PublishedEvent::type)
                .containsExactly("follow-up.scheduled", "follow-up.due", "follow-up.reassigned");
        assertThat(JsonMapper.builder().build().readValue(events.get(1).payload(), FollowUpDue.class).assigneeId())
                .isEqualTo("agent-7");
    }

    /** Node A's storage: the unit {@code first} waits after reading a task until the second unit moved on. */
    private Storage holdingAfterTaskRead(JdbcStorage real) {
        return withTasks(real, (method, args, call) -> {
            Object result = call.get();
            if (method.equals("get") && "first".equals(TwoNodes.currentUnit())) {
                firstRead.countDown();
                TwoNodes.await(secondMovedOn);
            }
            return result;
        });
    }

    /** Node B's storage: the unit {@code second} says it moved on when it asks for a task's lock. */
    private Storage signallingAtTaskLock(JdbcStorage real) {
        return withTasks(real, (method, args, call) -> {
            if (method.equals("lock") && "second".equals(TwoNodes.currentUnit())) {
                secondMovedOn.countDown();
            }
            return call.get();
        });
    }

    private static Storage withTasks(JdbcStorage real, TwoNodes.Hook hook) {
        TouchPointStorage touchPoints = real.capability(TouchPointStorage.class).orElseThrow();
        TaskStore tasks = proxy(TaskStore.class, touchPoints.tasks(), hook);
        TouchPointStorage hooked = proxy(TouchPointStorage.class, touchPoints,
                (method, args, call) -> method.equals("tasks") ? tasks : call.get());
        return proxy(Storage.class, real, (method, args, call) -> method.equals("capability")
                && args[0] == TouchPointStorage.class ? Optional.of(hooked) : call.get());
    }
}
