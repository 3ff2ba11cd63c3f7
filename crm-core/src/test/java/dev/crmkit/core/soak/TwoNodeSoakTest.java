package dev.crmkit.core.soak;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.crmkit.core.Crm;
import dev.crmkit.core.TenantCrm;
import dev.crmkit.core.common.Actor;
import dev.crmkit.core.customer.ContactPoint;
import dev.crmkit.core.customer.Customer;
import dev.crmkit.core.customer.CustomerService;
import dev.crmkit.core.customer.RegisterPerson;
import dev.crmkit.core.lead.Lead;
import dev.crmkit.core.lead.LeadService;
import dev.crmkit.core.opportunity.OpenOpportunity;
import dev.crmkit.core.opportunity.Opportunity;
import dev.crmkit.core.opportunity.OpportunityService;
import dev.crmkit.core.team.MemberDetails;
import dev.crmkit.core.team.TeamService;
import dev.crmkit.core.touchpoint.TouchPointService;
import dev.crmkit.jdbc.JdbcStorage;
import dev.crmkit.spi.NotFoundException;
import dev.crmkit.spi.PageRequest;
import dev.crmkit.spi.lead.LeadFilter;
import dev.crmkit.spi.opportunity.StageOutcome;
import dev.crmkit.spi.team.TeamRole;
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
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.sql.DataSource;
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
 * missing one fails. Each backend takes the load time plus about 15 s (start-up, setup, drain); the nodes are killed
 * and the test fails when they have not exited 90 s after the load ended. Working files stay in
 * {@code target/soak/}.
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
            Findings findings = new Findings(backend, seconds);
            assertThat(exits).as("node exit codes (2: the outbox or due work did not drain in 60 s)")
                    .containsOnly(0);
            Observed seen = Observed.read(dir, pool, run);
            assertThat(seen.acks).as("acknowledged writes of both nodes").hasSizeGreaterThan(100);
            assertThat(seen.deliveries).as("deliveries of both nodes").isNotEmpty();
            checkAcknowledged(crm, setup, seen, findings);
            checkDelivered(seen, findings);
            checkOrder(seen, findings);
            checkDueWorkOnce(seen, findings);
            checkCapacity(crm, setup, slots, findings);
            checkContactPoints(crm, setup, slots, findings);
            checkDuplicates(seen, findings);
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

    private static void checkAcknowledged(Crm crm, Properties setup, Observed seen, Findings findings) {
        TenantCrm main = crm.tenant(setup.getProperty("tenant"));
        Set<String> unknown = seen.acks.stream().filter(a -> a[0].equals("unknown")).map(a -> a[2])
                .collect(Collectors.toSet());
        int lost = 0;
        int checked = 0;
        List<String> examples = new ArrayList<>();
        // versioned aggregates: every acknowledged version is its own, and the last one is what is stored
        for (String kind : List.of("customer", "deal")) {
            Map<String, List<String[]>> byAggregate = seen.acks.stream().filter(a -> a[0].equals(kind))
                    .collect(Collectors.groupingBy(a -> a[1]));
            for (Map.Entry<String, List<String[]>> e : byAggregate.entrySet()) {
                List<String[]> acked = e.getValue();
                checked += acked.size();
                // a call that changes nothing (a move to the stage the deal is in) returns the version as it is
                Map<String, String> valueAtVersion = new HashMap<>();
                for (String[] a : acked) {
                    String before = valueAtVersion.putIfAbsent(a[2], a[3]);
                    if (before != null && !before.equals(a[3])) {
                        lost++;
                        examples.add(kind + " version " + a[2] + " acknowledged for two different changes");
                    }
                }
                String[] last = acked.stream().max(Comparator.comparingLong(a -> Long.parseLong(a[2]))).orElseThrow();
                UUID id = UUID.fromString(e.getKey());
                long storedVersion;
                String storedValue;
                if (kind.equals("customer")) {
                    Customer c = main.service(CustomerService.class).get(id);
                    storedVersion = c.version();
                    storedValue = c.displayName();
                } else {
                    Opportunity o = main.service(OpportunityService.class).opportunity(id);
                    storedVersion = o.version();
                    storedValue = o.stageKey();
                }
                // only these calls change the name or the stage, so the last acknowledged one is what is stored, even
                // when other writes (a contact point, once it versions the customer) moved the version on since
                if (storedVersion < Long.parseLong(last[2])) {
                    lost++;
                    examples.add(kind + " stored at version " + storedVersion + " after an acknowledged " + last[2]);
                } else if (!unknown.contains(e.getKey()) && !storedValue.equals(last[3])) {
                    lost++;
                    examples.add(kind + " stored with another value than its last acknowledged change");
                }
            }
        }
        // created items: each acknowledged one is stored
        Map<String, Set<UUID>> pointsByCustomer = new HashMap<>();
        for (String[] a : seen.acks) {
            try {
                switch (a[0]) {
                    case "contact" -> {
                        checked++;
                        Set<UUID> points = pointsByCustomer.computeIfAbsent(a[1] + "/" + a[2], k -> crm.tenant(a[1])
                                .service(CustomerService.class).get(UUID.fromString(a[2])).contactPoints().stream()
                                .map(ContactPoint::id).collect(Collectors.toSet()));
                        if (!points.contains(UUID.fromString(a[3]))) {
                            lost++;
                            examples.add("an acknowledged contact point is missing");
                        }
                    }
                    case "lead" -> {
                        checked++;
                        crm.tenant(a[1]).service(LeadService.class).get(UUID.fromString(a[2]));
                    }
                    case "followup" -> {
                        checked++;
                        main.service(TouchPointService.class).followUp(UUID.fromString(a[1]));
                    }
                    default -> {
                    }
                }
            } catch (NotFoundException e) {
                lost++;
                examples.add("an acknowledged " + a[0] + " is missing");
            }
        }
        findings.check("no acknowledged change lost", lost == 0, checked + " acknowledged changes checked, " + lost
                + " lost, " + unknown.size() + " calls of unknown outcome" + examples(examples));
    }

    private static void checkDelivered(Observed seen, Findings findings) {
        Set<String> delivered = seen.deliveries.stream().map(d -> d.eventId).collect(Collectors.toSet());
        long unmarked = seen.outbox.values().stream().filter(e -> !e.delivered).count();
        long neverHanded = seen.outbox.keySet().stream().filter(id -> !delivered.contains(id)).count();
        findings.check("every event delivered", unmarked == 0 && neverHanded == 0, seen.outbox.size()
                + " events in the outbox, " + unmarked + " not marked delivered, " + neverHanded
                + " never handed to a listener");
    }

    /**
     * Each aggregate's first deliveries, by the time they were handed over, must follow the commit ranks; the
     * outbox sequence is compared as well, for the record.
     */
    private static void checkOrder(Observed seen, Findings findings) {
        Map<String, Delivery> first = new HashMap<>();
        for (Delivery d : seen.deliveries) {
            first.merge(d.eventId, d, (a, b) -> a.micros <= b.micros ? a : b);
        }
        Map<String, List<Delivery>> byAggregate = first.values().stream().filter(d -> seen.outbox.containsKey(d.eventId))
                .collect(Collectors.groupingBy(d -> d.tenant + "/" + d.aggregateType + "/" + d.aggregateId));
        int behindCommit = 0;
        int behindSequence = 0;
        int unranked = 0;
        Set<String> aggregatesOutOfOrder = new HashSet<>();
        Map<String, Integer> pairs = new LinkedHashMap<>();
        for (Map.Entry<String, List<Delivery>> e : byAggregate.entrySet()) {
            List<Delivery> inOrder = new ArrayList<>(e.getValue());
            inOrder.sort(Comparator.comparingLong((Delivery d) -> d.micros).thenComparingLong(d -> d.sequence));
            Long maxRank = null;
            String maxType = null;
            long maxSequence = Long.MIN_VALUE;
            for (Delivery d : inOrder) {
                Long rank = seen.ranks.get(d.eventId);
                if (d.sequence < maxSequence) {
                    behindSequence++;
                }
                maxSequence = Math.max(maxSequence, d.sequence);
                if (rank == null) {
                    unranked++;
                    continue;
                }
                if (maxRank != null && rank < maxRank) {
                    behindCommit++;
                    aggregatesOutOfOrder.add(e.getKey());
                    pairs.merge(d.type + " delivered after a later-committed " + maxType, 1, Integer::sum);
                }
                if (maxRank == null || rank >= maxRank) {
                    maxRank = rank;
                    maxType = d.type;
                }
            }
        }
        findings.check("every aggregate's events delivered in commit order", behindCommit == 0, byAggregate.size()
                + " aggregates, " + behindCommit + " events delivered after an event of their aggregate that committed"
                + " later (" + aggregatesOutOfOrder.size() + " aggregates)" + (pairs.isEmpty() ? "" : ": " + pairs)
                + "; " + behindSequence + " delivered after a higher outbox sequence; " + unranked
                + " events without a commit stamp");
    }

    private static void checkDueWorkOnce(Observed seen, Findings findings) {
        Map<String, Long> fired = seen.outbox.values().stream().filter(e -> e.type.equals("follow-up.due"))
                .collect(Collectors.groupingBy(e -> e.aggregateId, Collectors.counting()));
        int never = 0;
        int twice = 0;
        int scheduled = 0;
        for (String[] a : seen.acks) {
            if (a[0].equals("followup")) {
                scheduled++;
                long n = fired.getOrDefault(a[1], 0L);
                never += n == 0 ? 1 : 0;
                twice += n > 1 ? 1 : 0;
            }
        }
        findings.check("due work fired exactly once", never == 0 && twice == 0, scheduled
                + " follow-ups fell due, " + never + " never fired, " + twice + " fired more than once");
    }

    private static void checkCapacity(Crm crm, Properties setup, int slots, Findings findings) {
        int over = 0;
        int most = 0;
        int leads = 0;
        for (int i = 0; i < slots; i++) {
            List<Lead> open = crm.tenant(setup.getProperty("slotTenantPrefix") + i).service(LeadService.class)
                    .find(LeadFilter.open(), PageRequest.first(100)).items();
            leads += open.size();
            Map<UUID, Long> byOwner = open.stream().filter(l -> l.ownerId() != null)
                    .collect(Collectors.groupingBy(Lead::ownerId, Collectors.counting()));
            for (long n : byOwner.values()) {
                most = (int) Math.max(most, n);
                over += n > CAPACITY ? 1 : 0;
            }
        }
        findings.check("no rep over capacity", over == 0, slots + " reps of capacity " + CAPACITY + ", " + leads
                + " leads captured in their slots, " + over + " reps over capacity, most open leads of one rep: "
                + most);
    }

    private static void checkContactPoints(Crm crm, Properties setup, int slots, Findings findings) {
        List<Customer> customers = new ArrayList<>();
        CustomerService main = crm.tenant(setup.getProperty("tenant")).service(CustomerService.class);
        for (String id : setup.getProperty("customers").split(",")) {
            customers.add(main.get(UUID.fromString(id)));
        }
        for (int i = 0; i < slots; i++) {
            customers.add(crm.tenant(setup.getProperty("slotTenantPrefix") + i).service(CustomerService.class)
                    .get(UUID.fromString(setup.getProperty("slotCustomer." + i))));
        }
        int twoPrimaries = 0;
        int repeated = 0;
        int points = 0;
        for (Customer c : customers) {
            points += c.contactPoints().size();
            Map<Object, Long> primaries = c.contactPoints().stream().filter(ContactPoint::primary)
                    .collect(Collectors.groupingBy(ContactPoint::kind, Collectors.counting()));
            twoPrimaries += (int) primaries.values().stream().filter(n -> n > 1).count();
            Map<String, Long> values = c.contactPoints().stream().filter(p -> p.value() != null)
                    .collect(Collectors.groupingBy(p -> p.kind() + ":" + p.value(), Collectors.counting()));
            repeated += (int) values.values().stream().filter(n -> n > 1).count();
        }
        findings.check("contact-point rules held", twoPrimaries == 0 && repeated == 0, customers.size()
                + " customers with " + points + " contact points, " + twoPrimaries
                + " with two primaries of one kind, " + repeated + " values held twice");
    }

    private static void checkDuplicates(Observed seen, Findings findings) {
        Map<String, Long> times = seen.deliveries.stream().filter(d -> seen.outbox.containsKey(d.eventId))
                .collect(Collectors.groupingBy(d -> d.eventId, Collectors.counting()));
        long events = times.size();
        long again = times.values().stream().filter(n -> n > 1).count();
        double rate = events == 0 ? 0 : (double) again / events;
        long acked = seen.acks.stream().filter(a -> !a[0].equals("unknown")).count();
        findings.check("duplicate-delivery rate below " + DUPLICATE_BOUND, rate < DUPLICATE_BOUND, String.format(
                "%d of %d events delivered more than once (rate %.5f); throughput: %.0f acknowledged writes/s,"
                        + " %.0f events/s written over %d s", again, events, rate,
                acked / (double) findings.seconds, seen.outbox.size() / (double) findings.seconds, findings.seconds));
    }

    private static String examples(List<String> examples) {
        return examples.isEmpty() ? "" : " (e.g. " + examples.stream().distinct().limit(3)
                .collect(Collectors.joining("; ")) + ")";
    }

    private static String requiredUrl(String variable) {
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

    /** One event handed to a listener. */
    private record Delivery(String eventId, String tenant, String type, String aggregateType, String aggregateId,
            long sequence, long micros, String node) {
    }

    /** One outbox row of the test's tenants. */
    private record OutboxRow(String type, String aggregateId, boolean delivered) {
    }

    /** What the nodes wrote down and the database holds, for the test's tenants. */
    private record Observed(List<String[]> acks, List<Delivery> deliveries, Map<String, OutboxRow> outbox,
            Map<String, Long> ranks) {
        static Observed read(Path dir, DataSource pool, String run) throws IOException, SQLException {
            List<String[]> acks = new ArrayList<>();
            List<Delivery> deliveries = new ArrayList<>();
            for (String node : List.of("node-a", "node-b")) {
                for (String line : Files.readAllLines(dir.resolve(node + ".acks"))) {
                    acks.add(line.split("\t", -1));
                }
                for (String line : Files.readAllLines(dir.resolve(node + ".deliveries"))) {
                    String[] f = line.split("\t", -1);
                    if (f[1].startsWith(run)) {
                        deliveries.add(new Delivery(f[0], f[1], f[2], f[3], f[4], Long.parseLong(f[5]),
                                Long.parseLong(f[6]), f[7]));
                    }
                }
            }
            Map<String, OutboxRow> outbox = new HashMap<>();
            Map<String, Long> ranks = new HashMap<>();
            try (Connection c = pool.getConnection(); Statement s = c.createStatement()) {
                try (ResultSet rs = s.executeQuery("SELECT id, type, aggregateid, delivered_at FROM crm_outbox"
                        + " WHERE tenant_id LIKE '" + run + "%'")) {
                    while (rs.next()) {
                        outbox.put(rs.getString(1), new OutboxRow(rs.getString(2), rs.getString(3),
                                rs.getObject(4) != null));
                    }
                }
                try (ResultSet rs = s.executeQuery("SELECT event_id, commit_rank FROM soak_event_rank")) {
                    while (rs.next()) {
                        ranks.put(rs.getString(1), rs.getLong(2));
                    }
                }
            }
            return new Observed(acks, deliveries, outbox, ranks);
        }
    }

    /** The checks' outcomes with their figures, printed together so one failing check hides none of the others. */
    private static final class Findings {
        final String backend;
        final int seconds;
        final List<String> lines = new ArrayList<>();
        final List<String> failed = new ArrayList<>();

        Findings(String backend, int seconds) {
            this.backend = backend;
            this.seconds = seconds;
        }

        void check(String what, boolean held, String figures) {
            lines.add((held ? "  held   " : "  FAILED ") + what + ": " + figures);
            if (!held) {
                failed.add(what);
            }
        }

        String report() {
            return "[two-node soak, " + backend + ", " + seconds + " s]\n" + String.join("\n", lines);
        }

        void print(PrintStream out) {
            out.println(report());
        }
    }
}
