package dev.crmkit.core.forecast;

import static org.assertj.core.api.Assertions.assertThat;

import dev.crmkit.core.Crm;
import dev.crmkit.core.TenantCrm;
import dev.crmkit.core.TwoNodes;
import dev.crmkit.core.team.MemberDetails;
import dev.crmkit.core.team.TeamService;
import dev.crmkit.jdbc.JdbcStorage;
import dev.crmkit.model.ConflictException;
import dev.crmkit.model.PageRequest;
import dev.crmkit.model.forecast.ForecastFigures;
import dev.crmkit.model.forecast.QuotaScope;
import dev.crmkit.model.team.TeamRole;
import dev.crmkit.spi.Storage;
import dev.crmkit.spi.forecast.ForecastStorage;
import dev.crmkit.spi.forecast.SubmissionRecord;
import dev.crmkit.spi.forecast.SubmissionStore;
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
 * Of a rep submitting and a manager adjusting the rep's forecast at once on two nodes, both having read the same
 * current version, exactly one becomes the next version; the other gets a retryable {@link ConflictException} and
 * stores nothing, so neither is silently stacked on a forecast its author never saw. Each node's read of the current
 * version is held until the other's has happened too (no sleeps). On PostgreSQL and MariaDB.
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class SubmissionOnTwoNodesTest {
    private static final FiscalCalendar CALENDAR = FiscalCalendar.calendarYear(ZoneOffset.UTC);
    private static final FiscalPeriod Q1 = CALENDAR.quarter(2026, 1);

    private final String tenantId = "subm-" + UUID.randomUUID().toString().substring(0, 8);
    private volatile CountDownLatch bothRead = new CountDownLatch(0);

    static java.util.stream.Stream<String> databases() {
        return TwoNodes.databases();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void of_a_submission_and_an_adjustment_racing_from_one_version_one_is_stored_and_the_other_conflicts(
            String variable) throws Exception {
        try (TwoNodes db = new TwoNodes(variable, "forecast submissions")) {
            List<JdbcStorage> storages = List.of(db.node("subm-a"), db.node("subm-b"));
            List<TenantCrm> nodes = storages.stream().map(s -> node(holdingLatestReads(s))).toList();
            TeamService team = nodes.get(0).service(TeamService.class);
            UUID maria = team.add(MemberDetails.of("maria-1", "Maria", TeamRole.SALES_MANAGER)).id();
            UUID ana = team.add(MemberDetails.of("ana-7", "Ana", TeamRole.SALES_REP).withManager(maria)).id();

            List<Object> first = race(nodes, SubmitForecast.forRep(ana, Q1, figures("100")),
                    SubmitForecast.forRep(ana, Q1, figures("90")).by(maria));
            List<Object> second = race(nodes, SubmitForecast.forRep(ana, Q1, figures("110")),
                    SubmitForecast.forRep(ana, Q1, figures("80")).by(maria));

            for (List<Object> outcomes : List.of(first, second)) {
                assertThat(outcomes).filteredOn(o -> o instanceof ForecastSubmission).hasSize(1);
                assertThat(outcomes).filteredOn(o -> o instanceof ConflictException)
                        .singleElement().satisfies(e -> assertThat(((ConflictException) e).retryable()).isTrue());
            }
            SubmissionStore store = storages.get(0).capability(ForecastStorage.class).orElseThrow().submissions();
            assertThat(store.history(tenantId, ana, QuotaScope.REP, Q1.label(), PageRequest.first(10)).items())
                    .extracting(SubmissionRecord::version).containsExactly(2L, 1L);
        }
    }

    private static ForecastFigures figures(String commit) {
        return ForecastFigures.of("EUR", commit, "200", "300");
    }

    private List<Object> race(List<TenantCrm> nodes, SubmitForecast... commands) throws Exception {
        bothRead = new CountDownLatch(2);
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            List<Future<ForecastSubmission>> submits = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                TenantCrm node = nodes.get(i);
                SubmitForecast command = commands[i];
                submits.add(threads.submit(() -> node.service(ForecastService.class).submit(command)));
            }
            List<Object> outcomes = new ArrayList<>();
            for (Future<ForecastSubmission> submit : submits) {
                try {
                    outcomes.add(submit.get(60, TimeUnit.SECONDS));
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

    /** The storage, whose reads of a forecast's current version wait in a race until the other node has read too. */
    private Storage holdingLatestReads(Storage real) {
        ForecastStorage realForecast = real.capability(ForecastStorage.class).orElseThrow();
        SubmissionStore held = TwoNodes.proxy(SubmissionStore.class, realForecast.submissions(),
                (method, args, call) -> {
                    Object result = call.get();
                    if (method.equals("latest")) {
                        CountDownLatch latch = bothRead;
                        latch.countDown();
                        TwoNodes.await(latch);
                    }
                    return result;
                });
        ForecastStorage forecast = TwoNodes.proxy(ForecastStorage.class, realForecast, (method, args, call) ->
                method.equals("submissions") ? held : call.get());
        return TwoNodes.proxy(Storage.class, real, (method, args, call) ->
                method.equals("capability") && args[0] == ForecastStorage.class ? Optional.of(forecast) : call.get());
    }

    private TenantCrm node(Storage storage) {
        return Crm.builder().storage(storage).nodeId("node-" + UUID.randomUUID())
                .module(ForecastModule.builder().calendar(CALENDAR).build()).build().tenant(tenantId);
    }
}
