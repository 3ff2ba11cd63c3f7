package dev.crmkit.core.customer;

import static dev.crmkit.core.TwoNodes.proxy;
import static org.assertj.core.api.Assertions.assertThat;

import dev.crmkit.core.Crm;
import dev.crmkit.core.TwoNodes;
import dev.crmkit.jdbc.JdbcStorage;
import dev.crmkit.model.ConflictException;
import dev.crmkit.model.customer.PostalAddress;
import dev.crmkit.spi.Storage;
import dev.crmkit.spi.customer.CustomerStorage;
import dev.crmkit.spi.customer.DuplicateJobRecord;
import dev.crmkit.spi.customer.DuplicateJobStore;
import dev.crmkit.spi.customer.DuplicatePairRecord;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The bulk duplicate job started on two nodes at once, on one PostgreSQL and one MariaDB database: one run takes the
 * job, the other is refused, and the pairs are queued once.
 *
 * <p>The race is made, not hoped for: node A's run (the unit named {@code first}) stops right after it has read the
 * job's checkpoint and waits until node B's run ({@code second}) has read it too, so both saw the job free. With the
 * guard (the checkpoint's unique row per tenant and job, and its compare-and-set on the version) the run that saves
 * second conflicts and is refused; without it both take the job and both run.
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class DuplicateJobOnTwoNodesTest {
    private final String tenantId = "dupjob-" + UUID.randomUUID().toString().substring(0, 8);
    private final CountDownLatch firstRead = new CountDownLatch(1);
    private final CountDownLatch secondRead = new CountDownLatch(1);
    private TwoNodes database;
    private JdbcStorage checks;
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
    void two_nodes_starting_the_job_for_the_first_time_at_once_run_it_once(String variable) throws Exception {
        startNodes(variable);
        List<UUID> pair = twoAlike();

        List<Throwable> failures = TwoNodes.race(() -> customers(nodeA).runDuplicateJob(p -> true), firstRead,
                () -> customers(nodeB).runDuplicateJob(p -> true), secondRead);

        assertOneRanAndOneWasRefused(failures, pair, 1);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.crmkit.core.TwoNodes#databases")
    void two_nodes_starting_the_job_again_at_once_run_it_once(String variable) throws Exception {
        startNodes(variable);
        List<UUID> pair = twoAlike();
        customers(checksNode()).runDuplicateJob(p -> true);
        long before = jobs().get(tenantId, DuplicateJob.NAME).orElseThrow().version();

        List<Throwable> failures = TwoNodes.race(() -> customers(nodeA).runDuplicateJob(p -> true), firstRead,
                () -> customers(nodeB).runDuplicateJob(p -> true), secondRead);

        assertOneRanAndOneWasRefused(failures, pair, before + 1);
    }

    private void assertOneRanAndOneWasRefused(List<Throwable> failures, List<UUID> pair, long versionTaken) {
        assertThat(failures).as("one of the two refused").singleElement()
                .isInstanceOfSatisfying(ConflictException.class,
                        e -> assertThat(e.getMessage()).contains("is running"));
        DuplicateJobRecord job = jobs().get(tenantId, DuplicateJob.NAME).orElseThrow();
        assertThat(job.checkpoint().phase()).isEqualTo(DuplicateJobRecord.Phase.DONE);
        assertThat(job.leaseOwner()).isNull();
        // taken once by one run, then its saves: the keys' batch, the end of the keys, of the e-mails and of the
        // phones, and the release; a second run taking the job would have raised it further
        assertThat(job.version()).isEqualTo(versionTaken + 5);
        List<DuplicatePairRecord> queued = checks.duplicatePairs().among(tenantId, pair);
        assertThat(queued).as("the pair, once").singleElement().satisfies(p -> assertThat(p.version()).isEqualTo(1));
    }

    private List<UUID> twoAlike() {
        PostalAddress home = new PostalAddress("Leopoldstraße 1", "München", null, "80802", "DE");
        UUID a = customers(nodeA).register(RegisterPerson.named("Jonas", "Meyer")
                .withContactPoint(NewContactPoint.postal(home))).customer().id();
        UUID b = customers(nodeA).register(RegisterPerson.named("Jonas", "Maier")
                .withContactPoint(NewContactPoint.postal(home))).customer().id();
        return List.of(a, b);
    }

    private DuplicateJobStore jobs() {
        return checks.duplicateJobs();
    }

    private Crm checksNode() {
        return Crm.builder().storage(checks).nodeId("checks")
                .module(CustomerModule.builder().duplicatePolicy(DuplicatePolicy.ALLOW).build()).build();
    }

    private void startNodes(String variable) {
        database = new TwoNodes(variable, "the bulk duplicate job on two nodes");
        checks = database.node("checks");
        CustomerModule allow = CustomerModule.builder().duplicatePolicy(DuplicatePolicy.ALLOW).build();
        nodeA = Crm.builder().storage(withJobs(database.node("node-a"), "first")).nodeId("node-a").module(allow)
                .build();
        nodeB = Crm.builder().storage(withJobs(database.node("node-b"), "second")).nodeId("node-b").module(allow)
                .build();
    }

    private CustomerService customers(Crm node) {
        return node.tenant(tenantId).service(CustomerService.class);
    }

    /**
     * A node's storage whose job store, in the unit named {@code unit}, after reading the checkpoint: for the first
     * unit, says it read and waits until the second has read; for the second, says it has read.
     */
    private Storage withJobs(JdbcStorage real, String unit) {
        CustomerStorage customerStorage = real.capability(CustomerStorage.class).orElseThrow();
        DuplicateJobStore jobs = proxy(DuplicateJobStore.class, customerStorage.duplicateJobs(),
                (name, args, call) -> {
                    Object result = call.get();
                    if (name.equals("get") && unit.equals(TwoNodes.currentUnit())) {
                        if (unit.equals("first")) {
                            firstRead.countDown();
                            TwoNodes.await(secondRead);
                        } else {
                            secondRead.countDown();
                        }
                    }
                    return result;
                });
        CustomerStorage withHook = proxy(CustomerStorage.class, customerStorage,
                (name, args, call) -> name.equals("duplicateJobs") ? jobs : call.get());
        return proxy(Storage.class, real, (name, args, call) -> name.equals("capability")
                && args[0] == CustomerStorage.class ? Optional.of(withHook) : call.get());
    }
}
