package dev.crmkit.core.forecast;

import static org.assertj.core.api.Assertions.assertThat;

import dev.crmkit.core.Crm;
import dev.crmkit.core.TenantCrm;
import dev.crmkit.core.TwoNodes;
import dev.crmkit.core.common.Money;
import dev.crmkit.core.team.MemberDetails;
import dev.crmkit.core.team.TeamService;
import dev.crmkit.jdbc.JdbcStorage;
import dev.crmkit.model.ConflictException;
import dev.crmkit.model.forecast.QuotaScope;
import dev.crmkit.model.team.TeamRole;
import dev.crmkit.spi.Storage;
import dev.crmkit.spi.forecast.ForecastStorage;
import dev.crmkit.spi.forecast.QuotaRecord;
import dev.crmkit.spi.forecast.QuotaStore;
import dev.crmkit.spi.outbox.OutboxEvent;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Of two nodes setting one quota at once, both having read the same stored version, exactly one stores its amount and
 * announces it; the other gets a retryable {@link ConflictException} and changes nothing, so no change is lost
 * silently. Each node's read of the stored quota is held until the other node's has happened too (no sleeps). On
 * PostgreSQL and MariaDB ({@code CRMKIT_TEST_POSTGRES_URL}, {@code CRMKIT_TEST_MARIADB_URL}).
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class QuotaOnTwoNodesTest {
    private static final FiscalCalendar CALENDAR = FiscalCalendar.calendarYear(ZoneOffset.UTC);
    private static final FiscalPeriod Q1 = CALENDAR.quarter(2026, 1);

    private final String tenantId = "quota-" + UUID.randomUUID().toString().substring(0, 8);
    /** Counted down by each node's read of the stored quota; both reads wait for it in a race. */
    private volatile CountDownLatch bothRead = new CountDownLatch(0);

    static java.util.stream.Stream<String> databases() {
        return TwoNodes.databases();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void of_two_nodes_setting_one_quota_at_once_one_stores_and_the_other_conflicts(String variable) throws Exception {
        try (TwoNodes db = new TwoNodes(variable, "quotas")) {
            // given: two nodes, a rep
            List<JdbcStorage> storages = List.of(db.node("quota-a"), db.node("quota-b"));
            List<TenantCrm> nodes = storages.stream().map(s -> node(holdingQuotaReads(s))).toList();
            UUID ana = nodes.get(0).service(TeamService.class)
                    .add(MemberDetails.of("ana-7", "Ana", TeamRole.SALES_REP)).id();

            // when: both set the first quota at once, then both change it at once
            List<Object> first = race(nodes, ana, "100", "200");
            List<Object> second = race(nodes, ana, "300", "400");

            // then: in each race one stored (version 1, then 2) and the other conflicted
            QuotaStore quotas = storages.get(0).capability(ForecastStorage.class).orElseThrow().quotas();
            for (List<Object> outcomes : List.of(first, second)) {
                assertThat(outcomes).filteredOn(o -> o instanceof Quota).hasSize(1);
                assertThat(outcomes).filteredOn(o -> o instanceof ConflictException)
                        .singleElement().satisfies(e -> assertThat(((ConflictException) e).retryable()).isTrue());
            }
            Quota winner = (Quota) second.stream().filter(o -> o instanceof Quota).findFirst().orElseThrow();
            QuotaRecord stored = quotas.get(tenantId, ana, QuotaScope.REP, Q1.label()).orElseThrow();
            assertThat(stored.version()).isEqualTo(2);
            assertThat(stored.amount()).isEqualByComparingTo(winner.amount().amount());
            assertThat(quotaEvents(storages.get(0))).as("one event per stored version").containsExactly(1L, 2L);
        }
    }

    /** Both nodes set the rep's quota at once, each with its own amount; returns each one's quota or error. */
    private List<Object> race(List<TenantCrm> nodes, UUID rep, String... amounts) throws Exception {
        bothRead = new CountDownLatch(2);
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            List<Future<Quota>> sets = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                TenantCrm node = nodes.get(i);
                Money amount = Money.of(amounts[i], "EUR");
                sets.add(threads.submit(() -> node.service(ForecastService.class)
                        .setQuota(SetQuota.forRep(rep, Q1, amount))));
            }
            List<Object> outcomes = new ArrayList<>();
            for (Future<Quota> set : sets) {
                try {
                    outcomes.add(set.get(60, TimeUnit.SECONDS));
                } catch (ExecutionException e) {
                    outcomes.add(e.getCause());
                }
            }
            return outcomes;
        } finally {
            threads.shutdownNow();
            bothRead = new CountDownLatch(0);
        }
    }

    /** The versions the tenant's {@code forecast.quota.set} events announced, in outbox order. */
    private List<Long> quotaEvents(Storage storage) {
        List<OutboxEvent> all = new ArrayList<>();
        List<OutboxEvent> claimed;
        do {
            claimed = storage.outbox().claim("quota-test", 500, Duration.ofMinutes(1), Instant.now());
            all.addAll(claimed);
        } while (!claimed.isEmpty());
        return all.stream().filter(e -> e.tenantId().equals(tenantId) && e.type().equals("forecast.quota.set"))
                .sorted(java.util.Comparator.comparingLong(OutboxEvent::sequence))
                .map(e -> Long.parseLong(e.payload().replaceAll("(?s).*\"version\"\\s*:\\s*(\\d+).*", "$1")))
                .toList();
    }

    /**
     * The storage, whose quota store holds each read of a stored quota in a race until the other node has read too;
     * outside a race it reads at once. Only plain reads are held: a read takes no lock.
     */
    private Storage holdingQuotaReads(Storage real) {
        ForecastStorage realForecast = real.capability(ForecastStorage.class).orElseThrow();
        QuotaStore quotas = (QuotaStore) Proxy.newProxyInstance(QuotaStore.class.getClassLoader(),
                new Class<?>[] {QuotaStore.class}, (proxy, method, args) -> {
                    Object result = TwoNodes.forward(method, realForecast.quotas(), args);
                    if (method.getName().equals("get")) {
                        CountDownLatch latch = bothRead;
                        latch.countDown();
                        TwoNodes.await(latch);
                    }
                    return result;
                });
        ForecastStorage forecast = (ForecastStorage) Proxy.newProxyInstance(ForecastStorage.class.getClassLoader(),
                new Class<?>[] {ForecastStorage.class}, (proxy, method, args) ->
                        method.getName().equals("quotas") ? quotas : TwoNodes.forward(method, realForecast, args));
        return (Storage) Proxy.newProxyInstance(Storage.class.getClassLoader(), new Class<?>[] {Storage.class},
                (proxy, method, args) -> method.getName().equals("capability") && args[0] == ForecastStorage.class
                        ? Optional.of(forecast) : TwoNodes.forward(method, real, args));
    }

    private TenantCrm node(Storage storage) {
        return Crm.builder().storage(storage).nodeId("node-" + UUID.randomUUID())
                .module(ForecastModule.builder().calendar(CALENDAR).build()).build().tenant(tenantId);
    }
}
