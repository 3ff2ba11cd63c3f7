package dev.crmkit.core.ticket;

import static dev.crmkit.core.TwoNodes.proxy;
import static org.assertj.core.api.Assertions.assertThat;

import dev.crmkit.core.Crm;
import dev.crmkit.core.TwoNodes;
import dev.crmkit.core.port.PublishedEvent;
import dev.crmkit.jdbc.JdbcStorage;
import dev.crmkit.model.ConflictException;
import dev.crmkit.model.customer.LifecycleStage;
import dev.crmkit.model.customer.PartyKind;
import dev.crmkit.model.ticket.SatisfactionGrouping;
import dev.crmkit.model.ticket.SatisfactionSummary;
import dev.crmkit.model.ticket.TicketChannel;
import dev.crmkit.model.ticket.TicketKind;
import dev.crmkit.spi.Storage;
import dev.crmkit.spi.customer.CustomerRecord;
import dev.crmkit.spi.customer.CustomerStorage;
import dev.crmkit.spi.ticket.SatisfactionStorage;
import dev.crmkit.spi.ticket.SurveyStore;
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
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Two nodes record the customer's survey answer for one ticket at once (a double submit of the survey form reaching
 * two nodes), on one PostgreSQL and one MariaDB database. Node A's unit ({@code first}) stops right after it looked for
 * an earlier answer and found none, and goes on only once node B's unit ({@code second}) has answered and ended. The
 * unique key of a response's ticket is the guard: A's insert fails, and A's answer is a conflict that stores nothing.
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class SurveyOnTwoNodesTest {
    private final String tenantId = "surveys-" + UUID.randomUUID().toString().substring(0, 8);
    private final CountDownLatch firstRead = new CountDownLatch(1);
    private final CountDownLatch secondEnded = new CountDownLatch(1);
    private final AtomicBoolean held = new AtomicBoolean();
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
    void two_nodes_answering_the_survey_of_one_ticket_at_once_store_one_answer(String variable) throws Exception {
        // given: a resolved ticket
        database = new TwoNodes(variable, "one ticket's survey answered on two nodes");
        JdbcStorage storageB = database.node("node-b");
        nodeA = Crm.builder().storage(holdingAfterRead(database.node("node-a"))).nodeId("node-a")
                .listener(delivered::add).build();
        nodeB = Crm.builder().storage(storageB).nodeId("node-b").build();
        UUID ticket = nodeB.tenant(tenantId).service(TicketService.class).open(OpenTicket.of(customer(storageB),
                TicketKind.COMPLAINT, TicketChannel.WEB_FORM, "Broken on arrival")).id();
        nodeB.tenant(tenantId).service(TicketService.class).resolve(ticket);
        Instant before = Instant.now().minus(Duration.ofMinutes(1));

        // when: node A answers after it found no answer, and node B answers in between
        List<Throwable> failures = TwoNodes.race(() -> surveys(nodeA).answer(ticket, 1, "node A"), firstRead,
                () -> surveys(nodeB).answer(ticket, 5, "node B"), secondEnded);

        // then
        assertThat(failures).hasSize(1);
        assertThat(failures.get(0)).isInstanceOfSatisfying(ConflictException.class,
                e -> assertThat(e.retryable()).isFalse());
        assertThat(database.commitOrder()).containsExactly("second");
        assertThat(surveys(nodeA).response(ticket)).hasValueSatisfying(r -> {
            assertThat(r.score()).isEqualTo(5);
            assertThat(r.comment()).isEqualTo("node B");
        });
        assertThat(surveys(nodeA).satisfaction(before, Instant.now().plus(Duration.ofMinutes(1)),
                SatisfactionGrouping.TENANT)).containsExactly(new SatisfactionSummary(null, 1, 5, 1));
        assertThat(answeredEvents(ticket)).isEqualTo(1);
    }

    private SatisfactionSurveys surveys(Crm node) {
        return node.tenant(tenantId).service(SatisfactionSurveys.class);
    }

    private UUID customer(JdbcStorage storage) {
        UUID id = UUID.randomUUID();
        Instant now = Instant.now();
        storage.capability(CustomerStorage.class).orElseThrow().customers().insert(new CustomerRecord(tenantId, id,
                1, now, now, PartyKind.PERSON, "Racer", null, null, null, null, null, LifecycleStage.CUSTOMER, null,
                Set.of(), Map.of(), null));
        return id;
    }

    private long answeredEvents(UUID ticket) {
        while (nodeA.relay().relayOnce().claimed() > 0) {
            // deliver everything
        }
        return delivered.stream().filter(e -> e.tenantId().equals(tenantId)
                && e.aggregateId().equals(ticket.toString()) && e.type().equals("ticket.satisfaction.answered"))
                .count();
    }

    /** Node A's storage: the unit named {@code first}, after it looked for an answer, waits for the second to end. */
    private Storage holdingAfterRead(JdbcStorage real) {
        SatisfactionStorage satisfaction = real.capability(SatisfactionStorage.class).orElseThrow();
        SurveyStore surveys = proxy(SurveyStore.class, satisfaction.surveys(), (method, args, call) -> {
            Object result = call.get();
            if (method.equals("forTicket") && "first".equals(TwoNodes.currentUnit())
                    && held.compareAndSet(false, true)) {
                firstRead.countDown();
                TwoNodes.await(secondEnded);
            }
            return result;
        });
        SatisfactionStorage holding = proxy(SatisfactionStorage.class, satisfaction,
                (method, args, call) -> method.equals("surveys") ? surveys : call.get());
        return (Storage) Proxy.newProxyInstance(Storage.class.getClassLoader(), new Class<?>[] {Storage.class},
                (proxy, method, args) -> method.getName().equals("capability") && args[0] == SatisfactionStorage.class
                        ? Optional.of(holding) : TwoNodes.forward(method, real, args));
    }
}
