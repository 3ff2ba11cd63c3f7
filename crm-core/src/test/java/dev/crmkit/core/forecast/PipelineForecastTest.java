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
import dev.crmkit.model.NotFoundException;
import dev.crmkit.model.ValidationException;
import dev.crmkit.model.opportunity.ForecastCategory;
import dev.crmkit.model.team.TeamRole;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class PipelineForecastTest {
    private static final Actor ANA = Actor.user("ana-7");
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final FiscalCalendar CALENDAR = FiscalCalendar.calendarYear(BERLIN);

    private final MutableClock clock = new MutableClock(Instant.parse("2025-12-15T10:00:00Z"));
    private final Crm crm = Crm.builder().storage(new InMemoryStorage()).clock(clock)
            .ids(IdGenerator.timeOrdered(clock))
            .module(ForecastModule.builder().calendar(CALENDAR).exchangeRates(FixedExchangeRates.of(List.of(
                    ExchangeRate.of("USD", "EUR", LocalDate.of(2025, 12, 1), "0.90"),
                    ExchangeRate.of("USD", "EUR", LocalDate.of(2026, 3, 1), "0.80")))).build())
            .build();
    private final TeamService team = crm.tenant("acme").service(TeamService.class);
    private final OpportunityService deals = crm.tenant("acme").service(OpportunityService.class);
    private final ForecastService forecasts = crm.tenant("acme").service(ForecastService.class);
    private final UUID customer = crm.tenant("acme").service(CustomerService.class)
            .register(RegisterOrganization.named("Globex Retail")).customer().id();

    // the hierarchy: the vp manages the manager and cy; the manager manages ana and bo
    private final UUID vp = member("vp-1", null);
    private final UUID manager = member("mgr-1", vp);
    private final UUID ana = member("ana-7", manager);
    private final UUID bo = member("bo-3", manager);
    private final UUID cy = member("cy-5", vp);

    private UUID member(String userId, UUID managerId) {
        return team.add(MemberDetails.of(userId, "Rep " + userId, TeamRole.SALES_REP).withManager(managerId)).id();
    }

    private UUID open(UUID owner, String amount, String currency, LocalDate closing) {
        return deals.open(OpenOpportunity.of(customer, "Deal").ownedBy(owner).withAmount(Money.of(amount, currency))
                .closingOn(closing), ANA).id();
    }

    private UUID open(UUID owner, String amount, String currency, LocalDate closing, ForecastCategory category,
            int probability) {
        return deals.open(OpenOpportunity.of(customer, "Deal").ownedBy(owner).withAmount(Money.of(amount, currency))
                .closingOn(closing).withForecastCategory(category).withProbability(probability), ANA).id();
    }

    private static BigDecimal eur(String amount) {
        return new BigDecimal(amount).setScale(2);
    }

    private void givenDealsOverThreeQuarters() {
        // Q4 2025: won by ana, one in USD (converted at the rate of the quarter's last day, 0.90)
        deals.closeWon(open(ana, "1000", "EUR", LocalDate.of(2026, 2, 1)), null, ANA);
        deals.closeWon(open(ana, "100", "USD", LocalDate.of(2026, 2, 1)), null, ANA);
        // won at 00:30 on 1 January in Berlin: Q1 2026, though still 2025 in UTC
        clock.advance(Duration.between(clock.instant(), Instant.parse("2025-12-31T23:30:00Z")));
        deals.closeWon(open(bo, "500", "USD", LocalDate.of(2025, 12, 31)), null, ANA);
        clock.advance(Duration.between(clock.instant(), Instant.parse("2026-03-02T09:00:00Z")));
        // open deals by expected close date; Q1 and Q2 are not over, so USD converts at today's rate, 0.80
        open(ana, "2000", "EUR", LocalDate.of(2026, 3, 20), ForecastCategory.COMMIT, 80);
        open(cy, "1000", "USD", LocalDate.of(2026, 5, 10), ForecastCategory.BEST_CASE, 50);
        open(manager, "300", "EUR", LocalDate.of(2026, 4, 1));   // the first stage: pipeline, 10 %
        open(ana, "999", "EUR", LocalDate.of(2026, 3, 10), ForecastCategory.OMITTED, 90);
        deals.closeLost(open(bo, "700", "EUR", LocalDate.of(2026, 3, 10)), "No budget", ANA);
        open(bo, "50", "EUR", LocalDate.of(2026, 7, 1));           // after the last quarter asked for
    }

    @Test
    void forecast_sums_per_owner_rolls_up_the_management_chain_and_converts_at_the_recorded_rates() {
        givenDealsOverThreeQuarters();

        PipelineForecast forecast = forecasts.pipeline(PeriodType.QUARTER, LocalDate.of(2025, 11, 20), 3, "EUR");

        FiscalPeriod q4 = CALENDAR.quarter(2025, 4);
        FiscalPeriod q1 = CALENDAR.quarter(2026, 1);
        FiscalPeriod q2 = CALENDAR.quarter(2026, 2);
        assertThat(forecast.periods()).containsExactly(q4, q1, q2);
        assertThat(forecast.owners()).containsExactly(
                new ForecastLine(q4, ana, ForecastCategory.CLOSED, 2, eur("1090"), eur("1090")),
                new ForecastLine(q1, ana, ForecastCategory.COMMIT, 1, eur("2000"), eur("1600")),
                new ForecastLine(q1, bo, ForecastCategory.CLOSED, 1, eur("400"), eur("400")),
                new ForecastLine(q2, manager, ForecastCategory.PIPELINE, 1, eur("300"), eur("30")),
                new ForecastLine(q2, cy, ForecastCategory.BEST_CASE, 1, eur("800"), eur("400")));
        assertThat(forecast.teams()).as("the manager's own deals count in the manager's team").containsExactlyInAnyOrder(
                new ForecastLine(q4, manager, ForecastCategory.CLOSED, 2, eur("1090"), eur("1090")),
                new ForecastLine(q4, vp, ForecastCategory.CLOSED, 2, eur("1090"), eur("1090")),
                new ForecastLine(q1, manager, ForecastCategory.COMMIT, 1, eur("2000"), eur("1600")),
                new ForecastLine(q1, manager, ForecastCategory.CLOSED, 1, eur("400"), eur("400")),
                new ForecastLine(q1, vp, ForecastCategory.COMMIT, 1, eur("2000"), eur("1600")),
                new ForecastLine(q1, vp, ForecastCategory.CLOSED, 1, eur("400"), eur("400")),
                new ForecastLine(q2, manager, ForecastCategory.PIPELINE, 1, eur("300"), eur("30")),
                new ForecastLine(q2, vp, ForecastCategory.PIPELINE, 1, eur("300"), eur("30")),
                new ForecastLine(q2, vp, ForecastCategory.BEST_CASE, 1, eur("800"), eur("400")));
        assertThat(forecast.total(q1, ForecastCategory.COMMIT).amount()).isEqualTo(eur("2000"));
        assertThat(forecast.total(q2, ForecastCategory.BEST_CASE).weightedAmount()).isEqualTo(eur("400"));
        assertThat(forecast.total(q2, ForecastCategory.COMMIT).deals()).isZero();
        assertThat(forecast.totals()).hasSize(5);
        assertThat(forecast.team(q1, cy, ForecastCategory.CLOSED).deals()).as("cy manages nobody").isZero();
        assertThat(forecast.owner(q1, bo, ForecastCategory.CLOSED).deals()).isEqualTo(1);
        assertThat(forecast.rates()).containsExactly(
                new RateUsed(q4, ExchangeRate.of("USD", "EUR", LocalDate.of(2025, 12, 1), "0.90")),
                new RateUsed(q1, ExchangeRate.of("USD", "EUR", LocalDate.of(2026, 3, 1), "0.80")),
                new RateUsed(q2, ExchangeRate.of("USD", "EUR", LocalDate.of(2026, 3, 1), "0.80")));
    }

    @Test
    void amounts_are_converted_and_summed_exactly_and_rounded_once_to_the_reporting_currency() {
        open(ana, "0.05", "USD", LocalDate.of(2026, 1, 10));
        open(bo, "0.05", "USD", LocalDate.of(2026, 1, 11));
        open(cy, "0.05", "USD", LocalDate.of(2026, 1, 12));

        PipelineForecast forecast = forecasts.pipeline(PeriodType.MONTH, LocalDate.of(2026, 1, 1), 1, "EUR");

        // each owner's 0.045 EUR rounds half-even to 0.04; the total is 0.135 rounded once: 0.14, not 3 x 0.04
        FiscalPeriod january = CALENDAR.month(2026, 1);
        assertThat(forecast.owner(january, bo, ForecastCategory.PIPELINE).amount()).isEqualTo(new BigDecimal("0.04"));
        assertThat(forecast.total(january, ForecastCategory.PIPELINE).amount()).isEqualTo(new BigDecimal("0.14"));
        assertThat(forecast.total(january, ForecastCategory.PIPELINE).deals()).isEqualTo(3);
        assertThat(forecast.team(january, manager, ForecastCategory.PIPELINE).amount())
                .as("0.09 exactly").isEqualTo(new BigDecimal("0.09"));
    }

    @Test
    void a_reporting_currency_without_rates_is_refused_naming_the_pair_and_day() {
        open(ana, "100", "USD", LocalDate.of(2026, 1, 10));

        assertThatThrownBy(() -> forecasts.pipeline(PeriodType.MONTH, LocalDate.of(2026, 1, 1), 1, "JPY"))
                .isInstanceOf(NotFoundException.class).hasMessageContaining("USD/JPY@2025-12-15");
    }

    @Test
    void a_forecast_without_deals_has_no_lines() {
        PipelineForecast forecast = forecasts.pipeline(PeriodType.YEAR, LocalDate.of(2026, 6, 1), 2, "USD");

        assertThat(forecast.periods()).extracting(FiscalPeriod::label).containsExactly("FY2026", "FY2027");
        assertThat(forecast.owners()).isEmpty();
        assertThat(forecast.teams()).isEmpty();
        assertThat(forecast.totals()).isEmpty();
        assertThat(forecast.rates()).isEmpty();
        assertThat(forecast.total(forecast.periods().get(0), ForecastCategory.CLOSED).amount())
                .isEqualTo(new BigDecimal("0.00"));
        assertThat(forecasts.calendar()).isSameAs(CALENDAR);
    }

    @Test
    void bad_input_names_the_field() {
        LocalDate day = LocalDate.of(2026, 1, 1);
        assertThatThrownBy(() -> forecasts.pipeline(null, day, 1, "EUR")).isInstanceOfSatisfying(
                ValidationException.class, e -> assertThat(e.field()).isEqualTo("type"));
        assertThatThrownBy(() -> forecasts.pipeline(PeriodType.MONTH, null, 1, "EUR")).isInstanceOfSatisfying(
                ValidationException.class, e -> assertThat(e.field()).isEqualTo("from"));
        assertThatThrownBy(() -> forecasts.pipeline(PeriodType.MONTH, day, 0, "EUR")).isInstanceOfSatisfying(
                ValidationException.class, e -> assertThat(e.field()).isEqualTo("periods"));
        assertThatThrownBy(() -> forecasts.pipeline(PeriodType.MONTH, day, 121, "EUR")).isInstanceOfSatisfying(
                ValidationException.class, e -> assertThat(e.field()).isEqualTo("periods"));
        assertThatThrownBy(() -> forecasts.pipeline(PeriodType.MONTH, day, 1, "EURO")).isInstanceOfSatisfying(
                ValidationException.class, e -> assertThat(e.field()).isEqualTo("currency"));
        assertThat(forecasts.pipeline(PeriodType.MONTH, day, 120, "EUR").periods()).hasSize(120);
    }
}
