package dev.crmkit.core.lead;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.crmkit.core.Crm;
import dev.crmkit.core.TenantCrm;
import dev.crmkit.core.common.Actor;
import dev.crmkit.inmemory.InMemoryStorage;
import dev.crmkit.jdbc.JdbcStorage;
import dev.crmkit.model.ConflictException;
import dev.crmkit.model.lead.LeadSource;
import dev.crmkit.model.lead.Qualification;
import dev.crmkit.model.lead.ScoreFactor;
import dev.crmkit.model.touchpoint.Channel;
import dev.crmkit.model.touchpoint.Direction;
import dev.crmkit.spi.Storage;
import dev.crmkit.spi.lead.LeadStorage;
import dev.crmkit.spi.lead.LeadStore;
import dev.crmkit.spi.outbox.OutboxEvent;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The predictive model is the tenant's stored one: two application nodes, each with its own {@link Crm} (and, on a
 * database, its own connection pool), score a lead alike after one of them trained; a node notices a model the other
 * trained later; a {@code Crm} started afresh on the same storage (a restart) scores alike; and of two trainings racing
 * on two nodes one stores its model and the other gets a {@link ConflictException}. On the in-memory storage (two
 * {@code Crm} on one {@link InMemoryStorage}) always; on PostgreSQL and MariaDB when {@code CRMKIT_TEST_POSTGRES_URL} /
 * {@code CRMKIT_TEST_MARIADB_URL} are set (always in CI).
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class ModelOnTwoNodesTest {
    private static final Instant NOW = Instant.parse("2026-11-02T09:00:00Z");
    private static final int RACES = 8;
    private static boolean announced;

    private final List<HikariDataSource> pools = new ArrayList<>();
    private final String tenantId = "model-" + UUID.randomUUID().toString().substring(0, 8);
    /** Holds each training's history read in a race round until both got there; none outside a race. */
    private volatile CountDownLatch historyRead = new CountDownLatch(0);
    private volatile AtomicBoolean overlapped = new AtomicBoolean();
    /** How many leads this test captured: their names and companies are numbered, so no two look alike. */
    private int captured;

    static Stream<String> storages() {
        return Stream.of("in-memory", "CRMKIT_TEST_POSTGRES_URL", "CRMKIT_TEST_MARIADB_URL");
    }

    @AfterEach
    void closePools() {
        pools.forEach(HikariDataSource::close);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("storages")
    void nodes_score_alike_with_the_model_one_of_them_trained_and_so_does_a_restarted_node(String storage) {
        // given: two nodes, and a history of 12 converted software leads and 12 disqualified retail leads
        Supplier<Storage> storages = storages(storage);
        TenantCrm a = node(storages.get());
        TenantCrm b = node(storages.get());
        history(a, 12, 12, 0);
        assertThat(predictive(b)).as("no model trained yet").isEmpty();

        // when: the first node trains
        TrainingReport first = a.service(LeadService.class).trainPredictiveModel();

        // then: both nodes score a new lead with the same predictive factors
        assertThat(first).isEqualTo(new TrainingReport(12, 12, true, 1));
        List<ScoreFactor> onB = predictive(b);
        assertThat(onB).isNotEmpty().extracting(ScoreFactor::code).contains("predictive.industry");
        assertThat(predictive(a)).isEqualTo(onB);

        // when: more history, and the first node trains again while the second holds the first model
        history(a, 0, 0, 6);
        TrainingReport second = a.service(LeadService.class).trainPredictiveModel();

        // then: the second node scores with the new model, like the first
        assertThat(second).isEqualTo(new TrainingReport(18, 12, true, 2));
        List<ScoreFactor> newOnB = predictive(b);
        assertThat(newOnB).as("the second model's factors differ from the first's").isNotEqualTo(onB);
        assertThat(predictive(a)).isEqualTo(newOnB);

        // and: a node started afresh on the same storage scores alike
        TenantCrm restarted = node(storages.get());
        assertThat(predictive(restarted)).isEqualTo(newOnB);

        // and: each training recorded what it was trained on, without personal data
        List<OutboxEvent> trained = trainings(storages.get());
        assertThat(trained).extracting(OutboxEvent::aggregateType).containsOnly("lead");
        assertThat(trained).extracting(e -> e.payload().replaceAll("\\s", "")).hasSize(2).satisfiesExactly(
                p -> assertThat(p).contains("\"modelVersion\":1", "\"convertedLeads\":12", "\"disqualifiedLeads\":12",
                        "\"model\":\"naive-bayes\""),
                p -> assertThat(p).contains("\"modelVersion\":2", "\"convertedLeads\":18", "\"disqualifiedLeads\":12")
                        .doesNotContain("Leada", "Probe", "software", "Firm"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("storages")
    void of_two_nodes_training_at_once_one_stores_its_model_and_the_other_conflicts(String storage) throws Exception {
        // given
        Supplier<Storage> storages = storages(storage);
        List<TenantCrm> nodes = List.of(node(holdingHistoryReads(storages.get())),
                node(holdingHistoryReads(storages.get())));
        history(nodes.get(0), 12, 12, 0);

        // when: both nodes train at once, round after round, each reading the history only once the other has read
        // the model version it builds on too
        int stored = 0;
        int conflicts = 0;
        int overlapping = 0;
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < RACES; round++) {
                CyclicBarrier start = new CyclicBarrier(2);
                historyRead = new CountDownLatch(2);
                overlapped = new AtomicBoolean();
                List<Future<TrainingReport>> trainings = new ArrayList<>();
                for (TenantCrm node : nodes) {
                    trainings.add(threads.submit(() -> {
                        start.await(10, TimeUnit.SECONDS);
                        return node.service(LeadService.class).trainPredictiveModel();
                    }));
                }
                for (Future<TrainingReport> training : trainings) {
                    try {
                        assertThat(training.get(60, TimeUnit.SECONDS).trained()).isTrue();
                        stored++;
                    } catch (ExecutionException e) {
                        assertThat(e.getCause()).isInstanceOfSatisfying(ConflictException.class,
                                c -> assertThat(c.retryable()).isTrue());
                        conflicts++;
                    }
                }
                if (overlapped.get()) {
                    overlapping++;
                }
            }
        } finally {
            threads.shutdownNow();
        }

        // then: every model stored is one version, every training that lost its race stored nothing
        assertThat(stored + conflicts).isEqualTo(2 * RACES);
        assertThat(storages.get().capability(LeadStorage.class).orElseThrow().leadModels().currentVersion(tenantId))
                .isEqualTo(stored);
        assertThat(trainings(storages.get())).hasSize(stored);
        assertThat(overlapping).as("rounds in which both trainings read the version before either stored").isEqualTo(RACES);
        assertThat(conflicts).as("every round: the second training met the first one's model").isEqualTo(RACES);
    }

    /**
     * The storage, whose lead store holds a training's read of the lead history (which comes after its read of the model
     * version and before its save) until the other node's training has come that far too, in the rounds of a race;
     * outside a race it reads at once. The read runs outside any unit, so holding it holds no lock.
     */
    private Storage holdingHistoryReads(Storage real) {
        LeadStorage realLeads = real.capability(LeadStorage.class).orElseThrow();
        LeadStore leads = (LeadStore) Proxy.newProxyInstance(LeadStore.class.getClassLoader(),
                new Class<?>[] {LeadStore.class}, (proxy, method, args) -> {
                    if (method.getName().equals("find")) {
                        CountDownLatch latch = historyRead;
                        latch.countDown();
                        if (latch.getCount() == 0 || latch.await(10, TimeUnit.SECONDS)) {
                            overlapped.set(true);
                        }
                    }
                    return forward(method, realLeads.leads(), args);
                });
        LeadStorage leadStorage = (LeadStorage) Proxy.newProxyInstance(LeadStorage.class.getClassLoader(),
                new Class<?>[] {LeadStorage.class}, (proxy, method, args) ->
                        method.getName().equals("leads") ? leads : forward(method, realLeads, args));
        return (Storage) Proxy.newProxyInstance(Storage.class.getClassLoader(), new Class<?>[] {Storage.class},
                (proxy, method, args) -> method.getName().equals("capability") && args[0] == LeadStorage.class
                        ? Optional.of(leadStorage) : forward(method, real, args));
    }

    private static Object forward(Method method, Object target, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    /** The predictive factors a node gives a new software lead from Germany, captured on it. */
    private List<ScoreFactor> predictive(TenantCrm node) {
        String number = letters(captured++);
        Lead probe = node.service(LeadService.class).capture(CaptureLead.from(LeadSource.WEB_FORM)
                .withPerson("Probe", "Number" + number).withCompany("Probe firm " + number, "software", 50)
                .withLocation("DE", null, null)).lead();
        return probe.score().factors().stream().filter(f -> f.code().startsWith("predictive.")).toList();
    }

    /** Converted software leads, disqualified retail leads and converted retail leads, closed on {@code node}. */
    private void history(TenantCrm node, int convertedSoftware, int disqualifiedRetail, int convertedRetail) {
        LeadService leads = node.service(LeadService.class);
        for (int i = 0; i < convertedSoftware + disqualifiedRetail + convertedRetail; i++) {
            boolean software = i < convertedSoftware;
            boolean converted = software || i >= convertedSoftware + disqualifiedRetail;
            String number = letters(captured++);
            Lead lead = leads.capture(CaptureLead.from(LeadSource.WEB_FORM).withPerson("P", "Lead" + number)
                    .withCompany("Firm " + number, software ? "software" : "retail", 50)).lead();
            if (converted) {
                leads.recordTouchPoint(lead.id(), LeadTouchPoint.of(Channel.PHONE, Direction.OUTBOUND, NOW));
                leads.updateQualification(lead.id(), new Qualification(BigDecimal.TEN, "EUR", true, "x", null));
                leads.qualify(lead.id());
                leads.convert(ConvertLead.of(lead.id(), Actor.user("rep")));
            } else {
                leads.disqualify(lead.id(), "no budget");
            }
        }
    }

    /** The {@code lead.model-trained} events of the tenant in the outbox, in the order they were recorded. */
    private List<OutboxEvent> trainings(Storage storage) {
        List<OutboxEvent> all = new ArrayList<>();
        List<OutboxEvent> claimed;
        do {
            claimed = storage.outbox().claim("model-test", 500, Duration.ofMinutes(1), Instant.now());
            all.addAll(claimed);
        } while (!claimed.isEmpty());
        return all.stream().filter(e -> e.tenantId().equals(tenantId) && e.type().equals("lead.model-trained"))
                .sorted(Comparator.comparingLong(OutboxEvent::sequence)).toList();
    }

    private static String letters(int n) {
        StringBuilder s = new StringBuilder();
        do {
            s.append((char) ('a' + n % 26));
            n /= 26;
        } while (n > 0);
        return s.toString();
    }

    private TenantCrm node(Storage storage) {
        return Crm.builder().storage(storage).defaultPhoneRegion("DE").nodeId("node-" + UUID.randomUUID())
                .module(LeadModule.builder().settings(LeadSettings.defaults()).build()).build().tenant(tenantId);
    }

    /**
     * Where each node's storage comes from: one in-memory storage shared by every node, or, for a database, a new
     * connection pool and {@link JdbcStorage} per node on the database in the named variable.
     */
    private Supplier<Storage> storages(String storage) {
        if (storage.equals("in-memory")) {
            InMemoryStorage shared = new InMemoryStorage();
            return () -> shared;
        }
        String url = System.getenv(storage);
        if (url == null || url.isBlank()) {
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                throw new IllegalStateException(storage + " is not set, but CI=true requires every backend");
            }
            if (!announced) {
                announced = true;
                System.err.println("[CRMKit tests] " + storage + " is not set: the two-node lead model tests on it"
                        + " are SKIPPED. Set it to the JDBC URL (with user) of an empty database to run them.");
            }
            assumeTrue(false, "set " + storage + " to run the two-node lead model tests");
        }
        return () -> {
            HikariConfig config = new HikariConfig();
            config.setJdbcUrl(url);
            config.setMaximumPoolSize(3);
            config.setPoolName("model-node-" + pools.size());
            HikariDataSource pool = new HikariDataSource(config);
            pools.add(pool);
            return JdbcStorage.builder().dataSource(pool).migrate(pools.size() == 1).build();
        };
    }
}
