package dev.crmkit.core.forecast;

import static org.assertj.core.api.Assertions.assertThat;

import dev.crmkit.core.Crm;
import dev.crmkit.core.TwoNodes;
import dev.crmkit.core.common.Actor;
import dev.crmkit.core.common.Money;
import dev.crmkit.core.customer.CustomerService;
import dev.crmkit.core.customer.RegisterOrganization;
import dev.crmkit.core.opportunity.OpenOpportunity;
import dev.crmkit.core.opportunity.OpportunityService;
import dev.crmkit.core.scheduling.DueWorkScheduler;
import dev.crmkit.core.team.MemberDetails;
import dev.crmkit.core.team.TeamService;
import dev.crmkit.core.touchpoint.MutableClock;
import dev.crmkit.jdbc.JdbcStorage;
import dev.crmkit.model.PageRequest;
import dev.crmkit.model.opportunity.ForecastCategory;
import dev.crmkit.model.team.TeamRole;
import dev.crmkit.spi.Storage;
import dev.crmkit.spi.forecast.ForecastStorage;
import dev.crmkit.spi.forecast.SnapshotStore;
import dev.crmkit.spi.outbox.OutboxEvent;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each occurrence of a snapshot schedule is taken once, even when two nodes' schedulers both run it: node A claims the
 * occurrence and is held just before it stores the snapshot (it has checked that the occurrence is still due and read
 * the pipeline); its lease runs out, node B claims the same occurrence, takes the snapshot and schedules the next one;
 * then A goes on. The snapshot store's one-snapshot-per-occurrence rule makes A store nothing and schedule nothing.
 * (Without {@code uq_crm_forecast_snapshot_occurrence} A stored a second snapshot and announced it twice.) On
 * PostgreSQL and MariaDB ({@code CRMKIT_TEST_POSTGRES_URL}, {@code CRMKIT_TEST_MARIADB_URL}); no sleeps.
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class SnapshotOnTwoNodesTest {
    private static final FiscalCalendar CALENDAR = FiscalCalendar.calendarYear(ZoneOffset.UTC);
    private static final Instant MONDAY = Instant.parse("2026-02-16T08:00:00Z");

    private final String tenantId = "snap-" + UUID.randomUUID().toString().substring(0, 8);
    private final MutableClock clock = new MutableClock(Instant.parse("2026-02-10T10:00:00Z"));
    private final CountDownLatch aReachedInsert = new CountDownLatch(1);
    private final CountDownLatch releaseA = new CountDownLatch(1);

    static java.util.stream.Stream<String> databases() {
        return TwoNodes.databases();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void an_occurrence_whose_lease_ran_out_on_one_node_and_was_taken_on_the_other_is_stored_once(String variable)
            throws Exception {
        try (TwoNodes db = new TwoNodes(variable, "forecast snapshots")) {
            // given: two nodes on one database and one clock; a rep with a deal; a weekly schedule due on Monday
            JdbcStorage storageA = db.node("snap-a");
            JdbcStorage storageB = db.node("snap-b");
            Crm a = node(holdingInserts(storageA), "node-a");
            Crm b = node(storageB, "node-b");
            UUID ana = a.tenant(tenantId).service(TeamService.class)
                    .add(MemberDetails.of("ana-7", "Ana", TeamRole.SALES_REP)).id();
            UUID customer = a.tenant(tenantId).service(CustomerService.class)
                    .register(RegisterOrganization.named("Globex")).customer().id();
            a.tenant(tenantId).service(OpportunityService.class).open(OpenOpportunity.of(customer, "Deal")
                    .ownedBy(ana).withAmount(Money.of("1000", "EUR")).closingOn(LocalDate.of(2026, 3, 20))
                    .withForecastCategory(ForecastCategory.COMMIT), Actor.user("ana-7"));
            ForecastService forecasts = a.tenant(tenantId).service(ForecastService.class);
            forecasts.scheduleSnapshots(SnapshotSchedule.weekly("weekly", DayOfWeek.MONDAY, LocalTime.of(8, 0),
                    PeriodType.QUARTER, 1, "EUR"));
            clock.advance(Duration.between(clock.instant(), MONDAY).plusMinutes(1));

            // when: A claims and is held before storing; its lease runs out; B claims, snapshots, moves on; A goes on
            ExecutorService thread = Executors.newSingleThreadExecutor();
            try {
                Future<DueWorkScheduler.Run> runOnA = thread.submit(() -> a.scheduler().runDueWork());
                TwoNodes.await(aReachedInsert);
                clock.advance(DueWorkScheduler.Settings.defaults().lease().plusMinutes(1));
                DueWorkScheduler.Run runOnB = b.scheduler().runDueWork();
                releaseA.countDown();
                DueWorkScheduler.Run ranOnA = runOnA.get(60, TimeUnit.SECONDS);
                assertThat(runOnB.claimed()).as("B took the occurrence over").isEqualTo(1);
                assertThat(ranOnA.claimed()).isEqualTo(1);
            } finally {
                releaseA.countDown();
                thread.shutdownNow();
            }

            // then: one snapshot of the occurrence, announced once, and the next Monday scheduled
            SnapshotStore snapshots = storageA.capability(ForecastStorage.class).orElseThrow().snapshots();
            assertThat(snapshots.snapshots(tenantId, PageRequest.first(10)).items()).singleElement()
                    .satisfies(s -> assertThat(s.occurrence()).isEqualTo(MONDAY));
            assertThat(snapshotEvents(storageA)).as("announced once").isEqualTo(1);
            assertThat(forecasts.snapshotSchedule("weekly").orElseThrow().nextAt())
                    .isEqualTo(MONDAY.plus(Duration.ofDays(7)));
            assertThat(b.scheduler().runDueWork().claimed()).isZero();
            assertThat(a.scheduler().runDueWork().claimed()).isZero();
        }
    }

    /** How many {@code forecast.snapshot.taken} events the tenant's outbox holds. */
    private long snapshotEvents(Storage storage) {
        List<OutboxEvent> all = new ArrayList<>();
        List<OutboxEvent> claimed;
        do {
            claimed = storage.outbox().claim("snapshot-test", 500, Duration.ofMinutes(1), Instant.now());
            all.addAll(claimed);
        } while (!claimed.isEmpty());
        return all.stream().filter(e -> e.tenantId().equals(tenantId) && e.type().equals("forecast.snapshot.taken"))
                .count();
    }

    /** The storage, whose snapshot inserts wait, the first time, until the test releases them. */
    private Storage holdingInserts(Storage real) {
        ForecastStorage realForecast = real.capability(ForecastStorage.class).orElseThrow();
        SnapshotStore held = TwoNodes.proxy(SnapshotStore.class, realForecast.snapshots(), (method, args, call) -> {
            if (method.equals("insert")) {
                aReachedInsert.countDown();
                TwoNodes.await(releaseA);
            }
            return call.get();
        });
        ForecastStorage forecast = TwoNodes.proxy(ForecastStorage.class, realForecast, (method, args, call) ->
                method.equals("snapshots") ? held : call.get());
        return TwoNodes.proxy(Storage.class, real, (method, args, call) ->
                method.equals("capability") && args[0] == ForecastStorage.class ? Optional.of(forecast) : call.get());
    }

    private Crm node(Storage storage, String nodeId) {
        return Crm.builder().storage(storage).clock(clock).nodeId(nodeId + "-" + UUID.randomUUID())
                .module(ForecastModule.builder().calendar(CALENDAR).build()).build();
    }
}
