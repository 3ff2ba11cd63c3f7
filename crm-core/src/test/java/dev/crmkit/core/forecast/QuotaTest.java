package dev.crmkit.core.forecast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.crmkit.core.Crm;
import dev.crmkit.core.common.Actor;
import dev.crmkit.core.common.IdGenerator;
import dev.crmkit.core.common.Money;
import dev.crmkit.core.customer.CustomerService;
import dev.crmkit.core.customer.RegisterOrganization;
import dev.crmkit.core.opportunity.OpenOpportunity;
import dev.crmkit.core.opportunity.OpportunityService;
import dev.crmkit.core.port.ExchangeRate;
import dev.crmkit.core.port.FixedExchangeRates;
import dev.crmkit.core.team.MemberDetails;
import dev.crmkit.core.team.TeamService;
import dev.crmkit.core.touchpoint.MutableClock;
import dev.crmkit.inmemory.InMemoryStorage;
import dev.crmkit.model.ConflictException;
import dev.crmkit.model.ValidationException;
import dev.crmkit.model.forecast.QuotaScope;
import dev.crmkit.model.opportunity.ForecastCategory;
import dev.crmkit.model.team.TeamRole;
import dev.crmkit.spi.forecast.ForecastStorage;
import dev.crmkit.spi.outbox.OutboxEvent;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class QuotaTest {
    private static final Actor ANA = Actor.user("ana-7");
    private static final FiscalCalendar CALENDAR = FiscalCalendar.calendarYear(ZoneOffset.UTC);
    private static final FiscalPeriod Q1 = CALENDAR.quarter(2026, 1);

    private final MutableClock clock = new MutableClock(Instant.parse("2026-02-10T10:00:00Z"));
    private final InMemoryStorage storage = new InMemoryStorage();
    private final Crm crm = Crm.builder().storage(storage).clock(clock).ids(IdGenerator.timeOrdered(clock))
            .module(ForecastModule.builder().calendar(CALENDAR).exchangeRates(FixedExchangeRates.of(List.of(
                    ExchangeRate.of("USD", "EUR", LocalDate.of(2026, 1, 1), "0.50")))).build())
            .build();
    private final TeamService team = crm.tenant("acme").service(TeamService.class);
    private final OpportunityService deals = crm.tenant("acme").service(OpportunityService.class);
    private final ForecastService forecasts = crm.tenant("acme").service(ForecastService.class);
    private final UUID customer = crm.tenant("acme").service(CustomerService.class)
            .register(RegisterOrganization.named("Globex Retail")).customer().id();
    private final UUID manager = member("mgr-1", null);
    private final UUID ana = member("ana-7", manager);
    private final UUID bo = member("bo-3", manager);

    private UUID member(String userId, UUID managerId) {
        return team.add(MemberDetails.of(userId, "Rep " + userId, TeamRole.SALES_REP).withManager(managerId)).id();
    }

    private UUID open(UUID owner, String amount, String currency, LocalDate closing) {
        return deals.open(OpenOpportunity.of(customer, "Deal").ownedBy(owner).withAmount(Money.of(amount, currency))
                .closingOn(closing).withForecastCategory(ForecastCategory.COMMIT), ANA).id();
    }

    private List<String> quotaEvents() {
        return storage.outbox().claim("test", 1000, Duration.ofMinutes(1), clock.instant()).stream()
                .map(OutboxEvent::type).filter(t -> t.startsWith("forecast.")).toList();
    }

    @Test
    void a_quota_is_set_versioned_and_announced_and_an_unchanged_one_writes_nothing() {
        Quota first = forecasts.setQuota(SetQuota.forRep(ana, Q1, Money.of("10000", "EUR")));
        Quota same = forecasts.setQuota(SetQuota.forRep(ana, Q1, Money.of("10000.00", "EUR")));
        Quota raised = forecasts.setQuota(SetQuota.forRep(ana, Q1, Money.of("12000", "EUR")).atVersion(1));

        assertThat(first.version()).isEqualTo(1);
        assertThat(first.period()).isEqualTo("FY2026-Q1");
        assertThat(same).isEqualTo(first);
        assertThat(raised.version()).isEqualTo(2);
        assertThat(raised.id()).isEqualTo(first.id());
        assertThat(raised.amount()).isEqualTo(Money.of("12000", "EUR"));
        assertThat(forecasts.quotas(Q1)).containsExactly(raised);
        assertThat(quotaEvents()).containsExactly("forecast.quota.set", "forecast.quota.set");
    }

    @Test
    void a_stale_version_is_refused_and_changes_nothing() {
        forecasts.setQuota(SetQuota.forRep(ana, Q1, Money.of("10000", "EUR")));
        forecasts.setQuota(SetQuota.forRep(ana, Q1, Money.of("11000", "EUR")));

        assertThatThrownBy(() -> forecasts.setQuota(SetQuota.forRep(ana, Q1, Money.of("5", "EUR")).atVersion(1)))
                .isInstanceOfSatisfying(ConflictException.class, e -> assertThat(e.retryable()).isTrue());
        assertThatThrownBy(() -> forecasts.setQuota(SetQuota.forRep(bo, Q1, Money.of("5", "EUR")).atVersion(3)))
                .isInstanceOf(ConflictException.class);
        assertThat(forecasts.quotas(Q1)).singleElement()
                .satisfies(q -> assertThat(q.amount()).isEqualTo(Money.of("11000", "EUR")));
    }

    @Test
    void bad_input_names_the_field_and_stores_nothing() {
        FiscalPeriod notTheCalendars = new FiscalPeriod(PeriodType.QUARTER, 2026, 1, LocalDate.of(2026, 1, 5),
                LocalDate.of(2026, 4, 5));

        assertThatThrownBy(() -> forecasts.setQuota(SetQuota.forRep(UUID.randomUUID(), Q1, Money.of("1", "EUR"))))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("memberId"));
        assertThatThrownBy(() -> forecasts.setQuota(SetQuota.forRep(ana, notTheCalendars, Money.of("1", "EUR"))))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("period"));
        assertThatThrownBy(() -> SetQuota.forRep(ana, Q1, Money.of("-1", "EUR")))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("amount"));
        assertThatThrownBy(() -> SetQuota.forRep(null, Q1, Money.of("1", "EUR")))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("memberId"));
        assertThatThrownBy(() -> SetQuota.forRep(ana, Q1, Money.of("1", "EUR")).atVersion(-1))
                .isInstanceOfSatisfying(ValidationException.class,
                        e -> assertThat(e.field()).isEqualTo("expectedVersion"));
        assertThat(storage.capability(ForecastStorage.class).orElseThrow().quotas().forPeriod("acme", "FY2026-Q1"))
                .isEmpty();
        assertThat(quotaEvents()).isEmpty();
    }

    @Test
    void attainment_and_coverage_per_rep_and_for_the_rolled_up_team() {
        forecasts.setQuota(SetQuota.forRep(ana, Q1, Money.of("10000", "EUR")));
        forecasts.setQuota(SetQuota.forRep(bo, Q1, Money.of("5000", "EUR")));
        deals.closeWon(open(ana, "4000", "EUR", LocalDate.of(2026, 3, 1)), null, ANA);
        open(ana, "12000", "USD", LocalDate.of(2026, 3, 20));     // 6,000 EUR open
        deals.closeWon(open(bo, "6000", "EUR", LocalDate.of(2026, 3, 1)), null, ANA);
        open(bo, "900", "EUR", LocalDate.of(2026, 4, 2));          // next quarter: not in Q1

        List<QuotaAttainment> attainment = forecasts.attainment(Q1);

        assertThat(attainment).extracting(QuotaAttainment::memberId, QuotaAttainment::scope, QuotaAttainment::rolledUp)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple(ana, QuotaScope.REP, false),
                        org.assertj.core.groups.Tuple.tuple(bo, QuotaScope.REP, false),
                        org.assertj.core.groups.Tuple.tuple(manager, QuotaScope.TEAM, true));
        QuotaAttainment anas = attainment.stream().filter(a -> a.memberId().equals(ana)).findFirst().orElseThrow();
        assertThat(anas.closedWon()).isEqualTo(Money.of("4000", "EUR"));
        assertThat(anas.openPipeline()).isEqualTo(Money.of("6000", "EUR"));
        assertThat(anas.attainment()).contains(new BigDecimal("0.4000"));
        assertThat(anas.remaining()).isEqualTo(Money.of("6000", "EUR"));
        assertThat(anas.coverage()).contains(new BigDecimal("1.0000"));
        QuotaAttainment bos = attainment.stream().filter(a -> a.memberId().equals(bo)).findFirst().orElseThrow();
        assertThat(bos.attainment()).contains(new BigDecimal("1.2000"));
        assertThat(bos.remaining()).isEqualTo(Money.of("0", "EUR"));
        assertThat(bos.coverage()).as("nothing remains").isEmpty();
        QuotaAttainment teams = attainment.stream().filter(a -> a.scope() == QuotaScope.TEAM).findFirst().orElseThrow();
        assertThat(teams.quota()).isEqualTo(Money.of("15000", "EUR"));
        assertThat(teams.closedWon()).isEqualTo(Money.of("10000", "EUR"));
        assertThat(teams.openPipeline()).isEqualTo(Money.of("6000", "EUR"));
        assertThat(teams.coverage()).contains(new BigDecimal("1.2000"));
    }

    @Test
    void an_explicit_team_quota_replaces_the_rolled_up_one_and_a_zero_quota_has_no_attainment() {
        forecasts.setQuota(SetQuota.forRep(ana, Q1, Money.of("10000", "EUR")));
        forecasts.setQuota(SetQuota.forTeam(manager, Q1, Money.of("20000", "USD")));
        forecasts.setQuota(SetQuota.forRep(bo, Q1, Money.of("0", "EUR")));
        deals.closeWon(open(ana, "4000", "EUR", LocalDate.of(2026, 3, 1)), null, ANA);

        List<QuotaAttainment> attainment = forecasts.attainment(Q1);

        QuotaAttainment teams = attainment.stream().filter(a -> a.scope() == QuotaScope.TEAM).findFirst().orElseThrow();
        assertThat(attainment).filteredOn(a -> a.scope() == QuotaScope.TEAM).hasSize(1);
        assertThat(teams.rolledUp()).isFalse();
        assertThat(teams.quota()).isEqualTo(Money.of("20000", "USD"));
        assertThat(teams.closedWon()).as("4,000 EUR at 0.50 EUR per USD").isEqualTo(Money.of("8000", "USD"));
        assertThat(teams.attainment()).contains(new BigDecimal("0.4000"));
        QuotaAttainment bos = attainment.stream().filter(a -> a.memberId().equals(bo)).findFirst().orElseThrow();
        assertThat(bos.attainment()).isEmpty();
    }
}
