package dev.crmkit.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import dev.crmkit.spi.outbox.OutboxEvent;
import dev.crmkit.spi.scheduling.DueWorkRecord;
import dev.crmkit.spi.scheduling.DueWorkStore;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Two nodes, each a {@link JdbcStorage} on a pool of its own, share one database and schedule, reschedule and cancel
 * due work on overlapping keys from many threads at once, each call inside a unit that also writes an event to the
 * outbox (as a lead capture or a follow-up does), while each node's claimer claims, completes and retries the work
 * that falls due. No caller may see a failure: a deadlock or a unique-key race between two schedulers is the
 * library's to avoid. And every unit that returned committed its event, none that failed did. Bounded at
 * {@value #SECONDS} seconds of load per backend; the figures are printed.
 */
class DueWorkTwoNodesTest {
    private static final int SECONDS = 8;
    private static final int WRITERS_PER_NODE = 6;
    private static final String TENANT = "two-nodes";
    private static final String KIND = "test.follow-up";
    /** Keys every writer picks from, so units of both nodes meet on them. */
    private static final int SHARED_KEYS = 24;

    private final List<HikariDataSource> pools = new ArrayList<>();

    @AfterEach
    void closePools() {
        pools.forEach(HikariDataSource::close);
    }

    @Test
    void on_postgresql_no_caller_sees_a_failure_while_two_nodes_schedule_and_cancel_the_same_work() throws Exception {
        run(TestDatabases.requiredUrl(TestDatabases.POSTGRES), "PostgreSQL");
    }

    @Test
    void on_mariadb_no_caller_sees_a_failure_while_two_nodes_schedule_and_cancel_the_same_work() throws Exception {
        run(TestDatabases.requiredUrl(TestDatabases.MARIADB), "MariaDB");
    }

    private void run(String url, String backend) throws Exception {
        // given: two nodes on one database
        List<JdbcStorage> nodes = new ArrayList<>();
        for (int n = 0; n < 2; n++) {
            HikariDataSource pool = TestDatabases.pool(url, WRITERS_PER_NODE + 2);
            pools.add(pool);
            nodes.add(JdbcStorage.builder().dataSource(pool).migrate(true).build());
        }
        TestDatabases.empty(pools.get(0));
        Map<String, AtomicInteger> failures = new ConcurrentHashMap<>();
        AtomicInteger units = new AtomicInteger();
        AtomicInteger claimed = new AtomicInteger();
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(SECONDS);
        CountDownLatch start = new CountDownLatch(1);

        // when: writers and a claimer per node run until the time is up
        ExecutorService threads = Executors.newFixedThreadPool(2 * (WRITERS_PER_NODE + 1));
        List<Future<?>> runs = new ArrayList<>();
        for (int n = 0; n < nodes.size(); n++) {
            JdbcStorage node = nodes.get(n);
            for (int w = 0; w < WRITERS_PER_NODE; w++) {
                runs.add(threads.submit(() -> {
                    start.await();
                    while (System.nanoTime() < until) {
                        try {
                            node.transactions().run(() -> oneUnit(node));
                            units.incrementAndGet();
                        } catch (RuntimeException e) {
                            failures.computeIfAbsent(e.getClass().getSimpleName() + ": " + e.getMessage(),
                                    k -> new AtomicInteger()).incrementAndGet();
                        }
                    }
                    return null;
                }));
            }
            String claimer = "node-" + n;
            runs.add(threads.submit(() -> {
                start.await();
                while (System.nanoTime() < until) {
                    try {
                        claimed.addAndGet(claimAndFinish(node.dueWork(), claimer));
                    } catch (RuntimeException e) {
                        failures.computeIfAbsent("claimer: " + e.getClass().getSimpleName() + ": " + e.getMessage(),
                                k -> new AtomicInteger()).incrementAndGet();
                    }
                }
                return null;
            }));
        }
        start.countDown();
        for (Future<?> run : runs) {
            run.get(SECONDS + 60, TimeUnit.SECONDS);
        }
        threads.shutdown();

        // then
        int failed = failures.entrySet().stream().filter(f -> !f.getKey().startsWith("claimer: "))
                .mapToInt(f -> f.getValue().get()).sum();
        long runAgain = nodes.stream().mapToLong(JdbcStorage::unitsRunAgain).sum();
        System.out.printf("[DueWorkTwoNodesTest] %s: %d units in %d s on two nodes, %d failed %s; %d run again after"
                + " the database ended them; %d pieces claimed%n", backend, units.get() + failed, SECONDS, failed,
                new TreeMap<>(failures), runAgain, claimed.get());
        assertThat(units.get()).as("units that committed").isGreaterThan(100);
        assertThat(failures).as("failures callers saw").isEmpty();
        assertThat(outboxRows()).as("every unit that returned committed its event, and only those")
                .isEqualTo(units.get());
    }

    /**
     * One caller's unit: a piece of due work scheduled, rescheduled (a batch of shared keys and a new one) or
     * cancelled, and an event in the outbox.
     */
    private static void oneUnit(JdbcStorage node) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        DueWorkStore dueWork = node.dueWork();
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        switch (random.nextInt(4)) {
            case 0 -> dueWork.schedule(work(sharedKey(random), now, random));
            case 1 -> {
                List<DueWorkRecord> batch = new ArrayList<>();
                List<String> keys = new ArrayList<>();
                while (keys.size() < 3) {
                    String key = sharedKey(random);
                    if (!keys.contains(key)) {
                        keys.add(key);
                        batch.add(work(key, now, random));
                    }
                }
                batch.add(work("new-" + UUID.randomUUID(), now, random));
                dueWork.scheduleAll(batch);
            }
            case 2 -> dueWork.cancel(TENANT, KIND, sharedKey(random));
            default -> dueWork.schedule(work("new-" + UUID.randomUUID(), now, random));
        }
        node.outbox().append(List.of(OutboxEvent.of(TENANT, UUID.randomUUID(), "follow-up",
                UUID.randomUUID().toString(), "follow-up.scheduled", "{}", now)));
    }

    private static String sharedKey(ThreadLocalRandom random) {
        return "shared-" + random.nextInt(SHARED_KEYS);
    }

    /** Work due now or in a second, so the claimers find some. */
    private static DueWorkRecord work(String key, Instant now, ThreadLocalRandom random) {
        return DueWorkRecord.of(TENANT, UUID.randomUUID(), KIND, key, now.plusMillis(random.nextInt(1000)),
                "{\"n\":" + random.nextInt(1000) + "}");
    }

    /** A claimer's round: claims what is due, completes most of it and retries the rest later. */
    private static int claimAndFinish(DueWorkStore dueWork, String claimer) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        List<DueWorkRecord> due = dueWork.claimDue(claimer, 10, Duration.ofSeconds(30), now);
        for (DueWorkRecord work : due) {
            if (ThreadLocalRandom.current().nextInt(4) == 0) {
                dueWork.retryLater(claimer, work.tenantId(), work.id(), now.plusMillis(200));
            } else {
                dueWork.complete(claimer, work.tenantId(), work.id());
            }
        }
        return due.size();
    }

    private long outboxRows() throws SQLException {
        try (Connection c = pools.get(0).getConnection(); Statement s = c.createStatement();
                ResultSet r = s.executeQuery("SELECT COUNT(*) FROM crm_outbox WHERE tenant_id = '" + TENANT + "'")) {
            r.next();
            return r.getLong(1);
        }
    }
}
