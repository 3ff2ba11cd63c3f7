package dev.crmkit.core.soak;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.crmkit.core.Crm;
import dev.crmkit.core.TenantCrm;
import dev.crmkit.core.common.Actor;
import dev.crmkit.core.customer.ContactPoint;
import dev.crmkit.core.customer.Customer;
import dev.crmkit.core.customer.CustomerService;
import dev.crmkit.core.customer.NewContactPoint;
import dev.crmkit.core.customer.UpdateDetails;
import dev.crmkit.core.event.OutboxRelay;
import dev.crmkit.core.lead.CaptureLead;
import dev.crmkit.core.lead.CaptureResult;
import dev.crmkit.core.lead.LeadService;
import dev.crmkit.core.opportunity.Opportunity;
import dev.crmkit.core.opportunity.OpportunityService;
import dev.crmkit.core.port.PublishedEvent;
import dev.crmkit.core.scheduling.DueWorkScheduler;
import dev.crmkit.core.touchpoint.FollowUp;
import dev.crmkit.core.touchpoint.ScheduleFollowUp;
import dev.crmkit.core.touchpoint.TouchPointService;
import dev.crmkit.jdbc.JdbcStorage;
import dev.crmkit.model.CommitOutcomeUnknownException;
import dev.crmkit.model.ConflictException;
import dev.crmkit.model.CrmException;
import dev.crmkit.model.ValidationException;
import dev.crmkit.model.lead.LeadSource;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * One application node of {@link TwoNodeSoakTest}, run as a process of its own: its own connection pool,
 * {@link JdbcStorage} and {@link Crm} with the relay and the scheduler started, and a listener that writes down every
 * event it is handed. From the shared start time to the shared end time its workers write: customer detail updates
 * (retried on a conflict), phone numbers added to the same few customers (some values repeated on purpose), follow-ups
 * falling due within seconds, deal stage moves; and at the start of each time slot, on both nodes at the same moment,
 * four leads captured into the slot's tenant, whose one rep has room for two, and e-mail addresses added to the slot's
 * customer, who has none yet (a different one per node, both wanting to be primary, and one both nodes add). Then it
 * waits until the outbox and the follow-ups' due work are drained, and exits. It starts the load when the test, having
 * seen both nodes ready, writes the start time into the {@code go} file.
 *
 * <p>Arguments: the JDBC URL, the node's name, the work directory holding {@code setup.properties}. It writes
 * {@code <node>.acks} (what was acknowledged, one line each), {@code <node>.deliveries} (every event handed to its
 * listener) and {@code <node>.summary}. Its console output carries counts only, no personal data.
 */
public final class SoakNode {
    /** How long a node waits, at most, for the outbox and the due work to drain after the load. */
    static final long DRAIN_MILLIS = 60_000;
    private static final int WORKERS = 4;
    /** Threads per node capturing into the slot's tenant at the slot's start. */
    private static final int LEAD_LANES = 4;

    private final String node;
    private final Properties setup;
    private final Lines acks;
    private final Map<String, AtomicLong> counts = new ConcurrentHashMap<>();
    private final List<UUID> customers;
    private final List<UUID> deals;
    private final List<String> stages;
    private long endAt;

    private SoakNode(String node, Properties setup, Lines acks) {
        this.node = node;
        this.setup = setup;
        this.acks = acks;
        this.customers = ids(setup.getProperty("customers"));
        this.deals = ids(setup.getProperty("deals"));
        this.stages = Arrays.asList(setup.getProperty("stages").split(","));
    }

    /** Runs one node; exits 0 when it drained, 2 when the drain did not finish in time. */
    public static void main(String[] args) throws Exception {
        String url = args[0];
        String node = args[1];
        Path dir = Path.of(args[2]);
        Properties setup = new Properties();
        try (Reader in = Files.newBufferedReader(dir.resolve("setup.properties"))) {
            setup.load(in);
        }
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url);
        config.setMaximumPoolSize(WORKERS + LEAD_LANES + 6);
        config.setPoolName(node);
        int exit;
        try (HikariDataSource pool = new HikariDataSource(config);
                Lines acks = new Lines(dir.resolve(node + ".acks"));
                Lines deliveries = new Lines(dir.resolve(node + ".deliveries"))) {
            JdbcStorage storage = JdbcStorage.builder().dataSource(CommitWitness.around(pool, node)).build();
            Crm crm = Crm.builder().storage(storage).nodeId(node).defaultPhoneRegion("DE")
                    .relaySettings(new OutboxRelay.Settings(100, Duration.ofMinutes(1), Duration.ofMillis(50)))
                    .schedulerSettings(DueWorkScheduler.Settings.defaults().withPollInterval(Duration.ofMillis(100)))
                    .listener(event -> deliveries.write(delivery(event, node)))
                    .build();
            crm.start();
            SoakNode soak = new SoakNode(node, setup, acks);
            long startAt = ready(dir, node);
            soak.endAt = startAt + Long.parseLong(setup.getProperty("seconds")) * 1000;
            soak.run(crm, startAt);
            boolean drained = drain(pool, setup.getProperty("run"), soak.endAt + DRAIN_MILLIS);
            crm.close();
            soak.counts.computeIfAbsent(drained ? "drained" : "not-drained", k -> new AtomicLong()).incrementAndGet();
            Files.writeString(dir.resolve(node + ".summary"), soak.summary());
            System.out.println("[" + node + "] " + soak.summary().replace('\n', ' '));
            exit = drained ? 0 : 2;
        }
        System.exit(exit);
    }

    private static String delivery(PublishedEvent e, String node) {
        Instant now = Instant.now();
        long micros = ChronoUnit.MICROS.between(Instant.EPOCH, now);
        return e.id() + "\t" + e.tenantId() + "\t" + e.type() + "\t" + e.aggregateType() + "\t" + e.aggregateId()
                + "\t" + e.sequence() + "\t" + micros + "\t" + node;
    }

    /**
     * Says this node is ready ({@code <node>.ready}) and waits for the test's {@code go} file, which holds the
     * start time both nodes share.
     */
    private static long ready(Path dir, String node) throws IOException {
        Files.writeString(dir.resolve(node + ".ready"), "ready");
        Path go = dir.resolve("go");
        long deadline = System.currentTimeMillis() + 120_000;
        while (!Files.exists(go)) {
            if (System.currentTimeMillis() > deadline) {
                throw new IllegalStateException("no go from the test within 120 s");
            }
            sleep(20);
        }
        return Long.parseLong(Files.readString(go).trim());
    }

    private void run(Crm crm, long startAt) throws InterruptedException {
        TenantCrm main = crm.tenant(setup.getProperty("tenant"));
        List<Thread> threads = new ArrayList<>();
        for (int w = 0; w < WORKERS; w++) {
            threads.add(new Thread(() -> {
                sleepUntil(startAt);
                while (System.currentTimeMillis() < endAt) {
                    mixedWrite(main);
                }
            }, node + "-worker-" + w));
        }
        for (int l = 0; l < LEAD_LANES; l++) {
            String lane = node + "-" + l;
            threads.add(new Thread(() -> slots(crm, startAt, (t, id, i) -> captureIntoSlot(t, id, i, lane)),
                    lane + "-slot-lead"));
        }
        threads.add(new Thread(() -> slots(crm, startAt, (t, id, i) -> addSlotEmail(t, id, i, node)), node + "-slot-own"));
        threads.add(new Thread(() -> slots(crm, startAt, (t, id, i) -> addSlotEmail(t, id, i, "shared")), node + "-slot-shared"));
        threads.forEach(Thread::start);
        for (Thread t : threads) {
            t.join();
        }
    }

    /** One write, chosen at random, on the main tenant's few customers and deals. */
    private void mixedWrite(TenantCrm main) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        UUID customer = customers.get(random.nextInt(customers.size()));
        int pick = random.nextInt(100);
        if (pick < 35) {
            String name = "Soak " + node + " " + random.nextInt(1_000_000);
            Customer c = attempt("update", customer, () -> retried(() -> main.service(CustomerService.class)
                    .updateDetails(UpdateDetails.displayName(customer, name))));
            if (c != null) {
                acks.write("customer\t" + customer + "\t" + c.version() + "\t" + name);
            }
        } else if (pick < 60) {
            boolean repeated = random.nextInt(5) == 0;
            String phone = "+4930" + (repeated ? 5550000 + random.nextInt(3) : 2000000 + random.nextInt(7_000_000));
            ContactPoint p = attempt("phone", customer, () -> main.service(CustomerService.class)
                    .addContactPoint(customer, NewContactPoint.phone(phone)));
            if (p != null) {
                acks.write("contact\t" + setup.getProperty("tenant") + "\t" + customer + "\t" + p.id());
            }
        } else if (pick < 80) {
            Instant due = Instant.now().plusMillis(300 + random.nextInt(2500));
            FollowUp f = attempt("follow-up", customer, () -> main.service(TouchPointService.class)
                    .schedule(ScheduleFollowUp.of(customer, "Call back", due)));
            if (f != null) {
                acks.write("followup\t" + f.id() + "\t" + f.dueAt().toEpochMilli());
            }
        } else {
            UUID deal = deals.get(random.nextInt(deals.size()));
            String stage = stages.get(random.nextInt(stages.size()));
            Opportunity o = attempt("stage", deal, () -> retried(() -> main.service(OpportunityService.class)
                    .moveToStage(deal, stage, Actor.user("soak-" + node))));
            if (o != null) {
                acks.write("deal\t" + deal + "\t" + o.version() + "\t" + o.stageKey());
            }
        }
    }

    /** Runs {@code action} at the start of every slot, at the same wall-clock moment as the other node. */
    private void slots(Crm crm, long startAt, SlotAction action) {
        int slots = Integer.parseInt(setup.getProperty("slots"));
        long slotMillis = Long.parseLong(setup.getProperty("slotMillis"));
        for (int i = 0; i < slots; i++) {
            long at = startAt + i * slotMillis;
            if (at >= endAt) {
                break;
            }
            sleepUntil(at);
            String tenantId = setup.getProperty("slotTenantPrefix") + i;
            action.run(crm.tenant(tenantId), tenantId, i);
        }
    }

    private void captureIntoSlot(TenantCrm tenant, String tenantId, int slot, String lane) {
        String email = "lead." + lane + "." + slot + "@soak.example";
        CaptureResult r = attempt("capture", null, () -> tenant.service(LeadService.class)
                .capture(CaptureLead.from(LeadSource.WEB_FORM).withPerson("Sam", "Soak").withEmail(email)));
        if (r != null) {
            acks.write("lead\t" + tenantId + "\t" + r.lead().id() + "\t" + r.lead().ownerId());
        }
    }

    private void addSlotEmail(TenantCrm tenant, String tenantId, int slot, String who) {
        UUID customer = UUID.fromString(setup.getProperty("slotCustomer." + slot));
        ContactPoint p = attempt("slot-email", customer, () -> tenant.service(CustomerService.class)
                .addContactPoint(customer, NewContactPoint.email("s" + slot + "." + who + "@soak.example")));
        if (p != null) {
            acks.write("contact\t" + tenantId + "\t" + customer + "\t" + p.id());
        }
    }

    /** Calls again while the failure is a retryable conflict (a concurrent writer won), up to 8 times. */
    private <T> T retried(Supplier<T> call) {
        for (int attempt = 1;; attempt++) {
            try {
                return call.get();
            } catch (ConflictException e) {
                if (!e.retryable() || attempt == 8) {
                    throw e;
                }
                count("retried");
            }
        }
    }

    /**
     * Makes the call and counts its outcome: acknowledged, refused (a rule said no: a repeated value, an unchanged
     * stage), failed, or of unknown outcome (written down, so the checks do not count on the change either way).
     */
    private <T> T attempt(String op, UUID aggregate, Supplier<T> call) {
        try {
            T result = call.get();
            count(op + ".ok");
            return result;
        } catch (ValidationException e) {
            count(op + ".refused");
        } catch (CommitOutcomeUnknownException e) {
            count(op + ".unknown");
            acks.write("unknown\t" + op + "\t" + aggregate);
        } catch (CrmException e) {
            count(op + ".failed." + e.getClass().getSimpleName());
            if (!(e instanceof ConflictException) && !(e instanceof dev.crmkit.model.IllegalTransitionException)) {
                acks.write("unknown\t" + op + "\t" + aggregate);
            }
        } catch (RuntimeException e) {
            count(op + ".failed." + e.getClass().getSimpleName());
            acks.write("unknown\t" + op + "\t" + aggregate);
        }
        return null;
    }

    private void count(String what) {
        counts.computeIfAbsent(what, k -> new AtomicLong()).incrementAndGet();
    }

    private String summary() {
        StringBuilder s = new StringBuilder();
        new java.util.TreeMap<>(counts).forEach((k, v) -> s.append(k).append('=').append(v).append('\n'));
        return s.toString();
    }

    /**
     * Waits until no event of the run's tenants is left to deliver and none of their follow-ups' due work is waiting,
     * three looks in a row, or the deadline passed. Both nodes' relays and schedulers keep running meanwhile. Other
     * tenants' leftovers in a shared test database are the relays' to deliver too, but not this run's to wait for.
     */
    private static boolean drain(HikariDataSource pool, String run, long deadline) throws SQLException {
        int quiet = 0;
        while (System.currentTimeMillis() < deadline) {
            long waiting = 0;
            try (Connection c = pool.getConnection(); Statement s = c.createStatement()) {
                for (String count : List.of("SELECT COUNT(*) FROM crm_outbox WHERE delivered_at IS NULL AND tenant_id"
                        + " LIKE '" + run + "%'", "SELECT COUNT(*) FROM crm_due_work WHERE kind = '"
                        + TouchPointService.FOLLOW_UP_DUE + "' AND tenant_id LIKE '" + run + "%'")) {
                    try (ResultSet rs = s.executeQuery(count)) {
                        rs.next();
                        waiting += rs.getLong(1);
                    }
                }
            }
            quiet = waiting == 0 ? quiet + 1 : 0;
            if (quiet == 3) {
                return true;
            }
            sleep(200);
        }
        return false;
    }

    private static void sleepUntil(long epochMillis) {
        long wait = epochMillis - System.currentTimeMillis();
        if (wait > 0) {
            sleep(wait);
        }
    }

    private static void sleep(long millis) {
        try {
            TimeUnit.MILLISECONDS.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static List<UUID> ids(String list) {
        return Arrays.stream(list.split(",")).map(UUID::fromString).toList();
    }

    @FunctionalInterface
    private interface SlotAction {
        void run(TenantCrm tenant, String tenantId, int slot);
    }

    /** A file written one line at a time from many threads. */
    private static final class Lines implements AutoCloseable {
        private final BufferedWriter out;

        Lines(Path file) throws IOException {
            out = Files.newBufferedWriter(file);
        }

        synchronized void write(String line) {
            try {
                out.write(line);
                out.newLine();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public synchronized void close() throws IOException {
            out.close();
        }
    }
}
