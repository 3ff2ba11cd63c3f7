package dev.crmkit.core.soak;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.crmkit.core.Crm;
import dev.crmkit.core.TenantCrm;
import dev.crmkit.core.common.Actor;
import dev.crmkit.core.customer.CustomerService;
import dev.crmkit.core.customer.RegisterPerson;
import dev.crmkit.core.opportunity.OpenOpportunity;
import dev.crmkit.core.opportunity.OpportunityService;
import dev.crmkit.core.team.MemberDetails;
import dev.crmkit.core.team.TeamService;
import dev.crmkit.jdbc.JdbcStorage;
import dev.crmkit.model.opportunity.StageOutcome;
import dev.crmkit.model.team.TeamRole;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Two application nodes, each a JVM process of its own ({@link SoakNode}: its own pool, {@code JdbcStorage} and
 * {@code Crm} with the relay and the scheduler started, so nothing is shared in memory), write to one database at once
 * for a bounded time ({@value #DEFAULT_SECONDS} s by default; {@code -Dcrmkit.soak.seconds=60} runs longer, capped at
 * 60), on PostgreSQL and on MariaDB. Afterwards this test reads the database and what each node wrote down, and
 * checks:
 * <ol>
 *   <li><b>No acknowledged change lost</b>: no two customer detail updates or deal stage moves a node was told
 *       succeeded were acknowledged at one version with different values, and the last one is what is stored; every
 *       acknowledged contact point, lead and follow-up is stored.</li>
 *   <li><b>Every event delivered</b>: every outbox event of the test's tenants is marked delivered and was handed to a
 *       listener on one of the nodes.</li>
 *   <li><b>In order per aggregate</b>: each aggregate's events reached the listeners (first deliveries, by the wall
 *       clock both processes share) in the order their transactions <em>committed</em>. The outbox sequence cannot
 *       tell that order today: it is taken when the event is inserted, not when its transaction commits, which is
 *       defect 1 of issue 13 itself; nor do the payloads carry the aggregate's version. So the nodes' data source
 *       ({@link CommitWitness}) stamps each transaction's events, as its last statement before commit, with the next
 *       value of a counter row of the aggregate that it holds locked until the commit: the stamps of one aggregate
 *       are its commit order. Deliveries against the outbox sequence are reported too.</li>
 *   <li><b>Due work exactly once</b>: each acknowledged follow-up (all fall due within 3 s of being scheduled and
 *       are never completed) produced exactly one {@code follow-up.due} event.</li>
 *   <li><b>No rep over capacity</b>: in each time slot both nodes capture four leads each at the same moment into a
 *       tenant of its own whose one rep has capacity {@value #CAPACITY}; since no lead is closed, the rep's open leads
 *       at the end are the most it ever held, and must be at most its capacity.</li>
 *   <li><b>Contact-point rules</b>: no customer holds two primary contact points of one kind, or one value twice.
 *       The slot's customer starts without an e-mail; both nodes add one at the same moment (each its own, both
 *       wanting to be primary, and one both add).</li>
 * </ol>
 * It prints the duplicate-delivery rate (deliveries of an event already delivered, over events) and throughput
 * (acknowledged writes/s, events/s), and requires the rate below {@value #DUPLICATE_BOUND}: a redelivery needs a
 * lease to run out or a node to die, and here no node dies and leases (1 min) outlast a batch many times over, so a
 * healthy relay delivers nothing twice; the bound leaves room for a stray lease lost to a stalled JVM, while the 0.6 %
 * issue 13 measured with slow claims fails it.
 *
 * <p>Runs when {@code CRMKIT_TEST_POSTGRES_URL} / {@code CRMKIT_TEST_MARIADB_URL} are set; with {@code CI=true} a
 * missing one fails. Each backend takes the load time plus 20 to 30 s (setup, two JVMs starting, drain); the nodes
 * are killed and the test fails when they are not ready within 90 s or have not exited 90 s after the load ended.
 * Working files stay in {@code target/soak/}. {@link SoakChecksTest} shows the checks fail on a faulty run,
 * {@link CommitWitnessTest} that the stamps follow commit order.
 */
class TwoNodeSoakTest {
    static final int DEFAULT_SECONDS = 20;
    static final double DUPLICATE_BOUND = 0.001;
    private static final int HOT_CUSTOMERS = 3;
    private static final int DEALS = 3;
    private static final long SLOT_MILLIS = 200;
    /** The capacity of each slot tenant's one rep. */
    static final int CAPACITY = 2;
    private static final Set<String> ANNOUNCED = java.util.concurrent.ConcurrentHashMap.newKeySet();

    static Stream<String> databases() {
        return Stream.of("CRMKIT_TEST_POSTGRES_URL", "CRMKIT_TEST_MARIADB_URL");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void two_nodes_under_concurrent_writes_lose_nothing_deliver_everything_in_commit_order_and_keep_every_rule(
            String variable) throws Exception {
        String url = requiredUrl(variable);
        int seconds = Math.min(60, Integer.getInteger("crmkit.soak.seconds", DEFAULT_SECONDS));
        String run = "soak" + UUID.randomUUID().toString().substring(0, 6);
        String backend = variable.contains("POSTGRES") ? "PostgreSQL" : "MariaDB";
        Path dir = Files.createDirectories(Path.of("target", "soak", backend + "-" + run));

        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url);
        config.setMaximumPoolSize(3);
        config.setPoolName("soak-parent");
        try (HikariDataSource pool = new HikariDataSource(config)) {
            // given: the schema, the witness's tables, and what both nodes write to
            JdbcStorage.builder().dataSource(pool).migrate(true).build();
            try (Connection c = pool.getConnection(); Statement s = c.createStatement()) {
                s.execute("DROP TABLE IF EXISTS soak_commit_clock");
                s.execute("DROP TABLE IF EXISTS soak_event_rank");
                CommitWitness.install(c);
            }
            Crm crm = Crm.builder().storage(JdbcStorage.builder().dataSource(CommitWitness.around(pool, "setup"))
                    .build()).defaultPhoneRegion("DE").nodeId("setup").build();
            int slots = (int) (seconds * 1000L / SLOT_MILLIS);
            Properties setup = setUp(crm, run, slots);
            setup.setProperty("seconds", Integer.toString(seconds));
            setup.setProperty("slots", Integer.toString(slots));
            setup.setProperty("slotMillis", Long.toString(SLOT_MILLIS));
            try (Writer out = Files.newBufferedWriter(dir.resolve("setup.properties"))) {
                setup.store(out, "two-node soak " + backend);
            }

            // when: two node processes start, write from the same moment for the given time, and drain
            List<Process> nodes = List.of(launch(url, "node-a", dir), launch(url, "node-b", dir));
            long endAt;
            try {
                awaitReady(dir, nodes);
                long startAt = System.currentTimeMillis() + 1000;
                endAt = startAt + seconds * 1000L;
                Path go = dir.resolve("go.tmp");
                Files.writeString(go, Long.toString(startAt));
                Files.move(go, dir.resolve("go"), StandardCopyOption.ATOMIC_MOVE);
            } catch (RuntimeException | AssertionError e) {
                nodes.forEach(Process::destroyForcibly);
                throw e;
            }
            long killAt = endAt + SoakNode.DRAIN_MILLIS + 30_000;
            List<Integer> exits = new ArrayList<>();
            for (Process p : nodes) {
                boolean exited = p.waitFor(Math.max(1, killAt - System.currentTimeMillis()), TimeUnit.MILLISECONDS);
                if (!exited) {
                    nodes.forEach(Process::destroyForcibly);
                }
                assertThat(exited).as("a node process exited within 90 s after the load ended").isTrue();
                exits.add(p.exitValue());
            }

            // then
            SoakChecks.Findings findings = new SoakChecks.Findings(backend, seconds);
            assertThat(exits).as("node exit codes (2: the outbox or due work did not drain in 60 s)")
                    .containsOnly(0);
            SoakChecks.Observed seen = SoakChecks.Observed.read(dir, pool, run);
            assertThat(seen.acks()).as("acknowledged writes of both nodes").hasSizeGreaterThan(100);
            assertThat(seen.deliveries()).as("deliveries of both nodes").isNotEmpty();
            SoakChecks.checkAcknowledged(crm, setup, seen, findings);
            SoakChecks.checkDelivered(seen, findings);
            SoakChecks.checkOrder(seen, findings);
            SoakChecks.checkDueWorkOnce(seen, findings);
            SoakChecks.checkCapacity(crm, setup, slots, CAPACITY, findings);
            SoakChecks.checkContactPoints(crm, setup, slots, findings);
            SoakChecks.checkDuplicates(seen, DUPLICATE_BOUND, findings);
            findings.print(System.out);
            Files.writeString(dir.resolve("report.txt"), findings.report());
            assertThat(findings.failed).as(findings.report()).isEmpty();
        }
    }

    /** Customers, deals, reps and slot tenants both nodes write to; their ids go into the nodes' setup file. */
    private static Properties setUp(Crm crm, String run, int slots) {
        Properties setup = new Properties();
        String main = run + "m";
        TenantCrm tenant = crm.tenant(main);
        List<String> customers = new ArrayList<>();
        for (int i = 0; i < HOT_CUSTOMERS; i++) {
            customers.add(tenant.service(CustomerService.class).register(RegisterPerson.named("Hot", "Customer"))
                    .customer().id().toString());
        }
        OpportunityService deals = tenant.service(OpportunityService.class);
        List<String> dealIds = new ArrayList<>();
        for (int i = 0; i < DEALS; i++) {
            dealIds.add(deals.open(OpenOpportunity.of(UUID.fromString(customers.get(i % HOT_CUSTOMERS)), "Soak deal"),
                    Actor.user("soak-setup")).id().toString());
        }
        String stages = deals.defaultPipeline().stages().stream().filter(s -> s.outcome() == StageOutcome.OPEN)
                .map(s -> s.key()).collect(Collectors.joining(","));
        setup.setProperty("run", run);
        setup.setProperty("tenant", main);
        setup.setProperty("customers", String.join(",", customers));
        setup.setProperty("deals", String.join(",", dealIds));
        setup.setProperty("stages", stages);
        setup.setProperty("slotTenantPrefix", run + "s");
        for (int i = 0; i < slots; i++) {
            TenantCrm slot = crm.tenant(run + "s" + i);
            slot.service(TeamService.class).add(MemberDetails.of("rep", "Rep", TeamRole.SALES_REP).withCapacity(CAPACITY));
            setup.setProperty("slotCustomer." + i, slot.service(CustomerService.class)
                    .register(RegisterPerson.named("Slot", "Customer")).customer().id().toString());
        }
        return setup;
    }

    /** Waits until both nodes wrote their ready file, at most 90 s; a node that died on the way fails the test. */
    private static void awaitReady(Path dir, List<Process> nodes) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 90_000;
        while (!(Files.exists(dir.resolve("node-a.ready")) && Files.exists(dir.resolve("node-b.ready")))) {
            assertThat(nodes).as("node processes alive while starting").allMatch(Process::isAlive);
            assertThat(System.currentTimeMillis()).as("both nodes ready within 90 s").isLessThan(deadline);
            TimeUnit.MILLISECONDS.sleep(50);
        }
    }

    /** Starts a node with this JVM's java and class path (Surefire's manifest-only jar works as well). */
    private static Process launch(String url, String node, Path dir) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder builder = new ProcessBuilder(java, "-Xmx384m", "-XX:+UseSerialGC",
                "-cp", System.getProperty("java.class.path"), SoakNode.class.getName(), url, node,
                dir.toAbsolutePath().toString());
        Process process = builder.start();
        forward(process.getInputStream(), "[" + node + "] ", System.out);
        forward(process.getErrorStream(), "[" + node + "] ", System.err);
        return process;
    }

    private static void forward(InputStream from, String prefix, PrintStream to) {
        Thread t = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(from, StandardCharsets.UTF_8))) {
                for (String line = in.readLine(); line != null; line = in.readLine()) {
                    to.println(prefix + line);
                }
            } catch (IOException e) {
                to.println(prefix + "(output lost: " + e.getMessage() + ")");
            }
        }, "forward-" + prefix.trim());
        t.setDaemon(true);
        t.start();
    }

    static String requiredUrl(String variable) {
        String url = System.getenv(variable);
        if (url == null || url.isBlank()) {
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                throw new IllegalStateException(variable + " is not set, but CI=true requires every backend");
            }
            if (ANNOUNCED.add(variable)) {
                System.err.println("[CRMKit tests] " + variable + " is not set: the two-node soak test on it is"
                        + " SKIPPED. Set it to the JDBC URL (with user) of an empty database to run it.");
            }
            assumeTrue(false, "set " + variable + " to run the two-node soak test");
        }
        return url;
    }

}
