package dev.crmkit.core.lead;

import static dev.crmkit.core.TwoNodes.proxy;
import static org.assertj.core.api.Assertions.assertThat;

import dev.crmkit.core.Crm;
import dev.crmkit.core.TwoNodes;
import dev.crmkit.core.team.MemberDetails;
import dev.crmkit.core.team.TeamService;
import dev.crmkit.jdbc.JdbcStorage;
import dev.crmkit.model.ConflictException;
import dev.crmkit.model.PageRequest;
import dev.crmkit.model.ValidationException;
import dev.crmkit.model.lead.LeadFilter;
import dev.crmkit.model.team.TeamRole;
import dev.crmkit.spi.Storage;
import dev.crmkit.spi.lead.LeadStorage;
import dev.crmkit.spi.lead.LeadStore;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Two nodes capture a lead each for a pool whose only rep has room for one more, on one PostgreSQL and one MariaDB
 * database: the rep ends with one open lead, never two. Each round makes the race that broke this: node A's capture
 * has read the rep's open-lead count and stops there, node B captures and commits its lead to the rep, and only then
 * does node A go on to choose and save the pool's rotation. A distributor that reads the counts after the rotation
 * conflicts on the rotation and decides again on the new counts; one that read the counts first would save over the
 * rotation B left and give the rep a second lead.
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class CapacityOnTwoNodesTest {
    private static final int ROUNDS = 10;

    private final AtomicReference<CountDownLatch> firstCounted = new AtomicReference<>();
    private final AtomicReference<CountDownLatch> secondCaptured = new AtomicReference<>();
    private TwoNodes database;

    @AfterEach
    void closeNodes() {
        if (database != null) {
            database.close();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.crmkit.core.TwoNodes#databases")
    void two_nodes_capturing_for_a_rep_with_room_for_one_lead_give_the_rep_one(String variable) throws Exception {
        database = new TwoNodes(variable, "lead capacity");
        Crm nodeA = node(holdingAfterCounts(database.node("node-a")), "node-a");
        Crm nodeB = node(database.node("node-b"), "node-b");
        String run = UUID.randomUUID().toString().substring(0, 8);

        for (int round = 0; round < ROUNDS; round++) {
            // given: a tenant whose only rep has capacity 1 and no lead yet
            String tenantId = "capacity-" + run + "-" + round;
            UUID rep = nodeA.tenant(tenantId).service(TeamService.class)
                    .add(MemberDetails.of("ann", "Rep Ann", TeamRole.SALES_REP).withCapacity(1)).id();
            firstCounted.set(new CountDownLatch(1));
            secondCaptured.set(new CountDownLatch(1));

            // when: node A stops after reading the counts while node B captures and commits
            ExecutorService threads = Executors.newSingleThreadExecutor();
            try {
                Future<CaptureResult> first = threads.submit(() -> TwoNodes.as("first", () -> nodeA.tenant(tenantId)
                        .service(LeadService.class).capture(LeadFixtures.webFormLead("Early"))));
                TwoNodes.await(firstCounted.get());
                nodeB.tenant(tenantId).service(LeadService.class).capture(LeadFixtures.webFormLead("Late"));
                secondCaptured.get().countDown();
                first.get(60, TimeUnit.SECONDS);
            } finally {
                threads.shutdownNow();
            }

            // then
            List<Lead> leads = nodeA.tenant(tenantId).service(LeadService.class)
                    .find(LeadFilter.all(), PageRequest.first(10)).items();
            assertThat(leads).as("round %d: both leads stored", round).hasSize(2);
            assertThat(leads).as("round %d: the rep's open leads", round).filteredOn(l -> rep.equals(l.ownerId()))
                    .hasSize(1);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.crmkit.core.TwoNodes#databases")
    void two_nodes_assigning_by_hand_or_distributing_to_a_rep_with_room_for_one_lead_give_the_rep_one(String variable)
            throws Exception {
        database = new TwoNodes(variable, "lead capacity");
        Crm nodeA = node(holdingAfterCounts(database.node("node-a")), "node-a");
        Crm nodeB = node(database.node("node-b"), "node-b");
        String run = UUID.randomUUID().toString().substring(0, 8);

        for (int round = 0; round < 4; round++) {
            // given: two unassigned leads (captured before the tenant had a rep) and a rep with capacity 1
            String tenantId = "manual-" + run + "-" + round;
            LeadService leadsA = nodeA.tenant(tenantId).service(LeadService.class);
            LeadService leadsB = nodeB.tenant(tenantId).service(LeadService.class);
            UUID early = leadsA.capture(LeadFixtures.webFormLead("Early")).lead().id();
            UUID late = leadsA.capture(LeadFixtures.webFormLead("Late")).lead().id();
            UUID rep = nodeA.tenant(tenantId).service(TeamService.class)
                    .add(MemberDetails.of("ann", "Rep Ann", TeamRole.SALES_REP).withCapacity(1)).id();
            firstCounted.set(new CountDownLatch(1));
            secondCaptured.set(new CountDownLatch(1));
            boolean distributeOnB = round % 2 == 1;

            // when: node A's manual assignment stops after reading the rep's count while node B assigns the other
            // lead to the rep (by hand, or by distribution) and commits
            ExecutorService threads = Executors.newSingleThreadExecutor();
            Future<Lead> first = threads.submit(() -> TwoNodes.as("first", () -> leadsA.assign(early, rep)));
            try {
                TwoNodes.await(firstCounted.get());
                if (distributeOnB) {
                    leadsB.distribute(late);
                } else {
                    leadsB.assign(late, rep);
                }
                secondCaptured.get().countDown();
                first.get(60, TimeUnit.SECONDS);
            } catch (ExecutionException refused) {
                // then node A's assignment is refused: a conflict on the rotation, or, retried, no capacity left
                assertThat(refused.getCause()).isInstanceOfAny(ConflictException.class, ValidationException.class);
            } finally {
                threads.shutdownNow();
            }

            // then
            List<Lead> owned = leadsA.find(LeadFilter.all(), PageRequest.first(10)).items().stream()
                    .filter(l -> rep.equals(l.ownerId())).toList();
            assertThat(owned).as("round %d (%s on B): the rep's open leads", round,
                    distributeOnB ? "distribution" : "manual").extracting(Lead::id).containsExactly(late);
        }
    }

    private static Crm node(Storage storage, String name) {
        return Crm.builder().storage(storage).defaultPhoneRegion("DE").nodeId(name)
                .module(LeadModule.builder().settings(LeadSettings.defaults()).build()).build();
    }

    /** Node A's storage: the unit named {@code first} stops after its first read of the open-lead counts. */
    private Storage holdingAfterCounts(JdbcStorage real) {
        LeadStorage realLeads = real.capability(LeadStorage.class).orElseThrow();
        LeadStore leads = proxy(LeadStore.class, realLeads.leads(),
                (method, args, call) -> {
                    Object result = call.get();
                    if (method.equals("openCountsByOwner") && "first".equals(TwoNodes.currentUnit())
                            && firstCounted.get().getCount() > 0) {
                        firstCounted.get().countDown();
                        TwoNodes.await(secondCaptured.get());
                    }
                    return result;
                });
        LeadStorage leadStorage = proxy(LeadStorage.class, realLeads,
                (method, args, call) -> method.equals("leads") ? leads : call.get());
        return proxy(Storage.class, real, (method, args, call) -> method.equals("capability")
                && args[0] == LeadStorage.class ? Optional.of(leadStorage) : call.get());
    }
}
