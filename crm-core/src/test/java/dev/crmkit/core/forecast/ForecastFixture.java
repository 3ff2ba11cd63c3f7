package dev.crmkit.core.forecast;

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
import dev.crmkit.model.opportunity.ForecastCategory;
import dev.crmkit.model.team.TeamRole;
import dev.crmkit.spi.outbox.OutboxEvent;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

/**
 * A sales team on the in-memory adapter for the tests of submissions, snapshots and accuracy: Maria manages Ana and
 * Bo, Carl (outside her team) sells on his own; calendar-year fiscal quarters in Berlin; USD converts at 0.50 EUR.
 */
final class ForecastFixture {
    static final Actor ACTOR = Actor.user("ana-7");
    static final FiscalCalendar CALENDAR = FiscalCalendar.calendarYear(ZoneId.of("Europe/Berlin"));
    static final FiscalPeriod Q1 = CALENDAR.quarter(2026, 1);

    final MutableClock clock = new MutableClock(Instant.parse("2026-02-10T10:00:00Z"));
    final InMemoryStorage storage = new InMemoryStorage();
    final Crm crm = Crm.builder().storage(storage).clock(clock).ids(IdGenerator.timeOrdered(clock))
            .module(ForecastModule.builder().calendar(CALENDAR).exchangeRates(FixedExchangeRates.of(List.of(
                    ExchangeRate.of("USD", "EUR", LocalDate.of(2026, 1, 1), "0.50")))).build())
            .build();
    final TeamService team = crm.tenant("acme").service(TeamService.class);
    final OpportunityService deals = crm.tenant("acme").service(OpportunityService.class);
    final ForecastService forecasts = crm.tenant("acme").service(ForecastService.class);
    final UUID customer = crm.tenant("acme").service(CustomerService.class)
            .register(RegisterOrganization.named("Globex Retail")).customer().id();
    final UUID maria = member("maria-1", null);
    final UUID ana = member("ana-7", maria);
    final UUID bo = member("bo-3", maria);
    final UUID carl = member("carl-9", null);

    UUID member(String userId, UUID managerId) {
        return team.add(MemberDetails.of(userId, "Rep " + userId, TeamRole.SALES_REP).withManager(managerId)).id();
    }

    UUID open(UUID owner, String amount, String currency, LocalDate closing, ForecastCategory category,
            int probability) {
        return deals.open(OpenOpportunity.of(customer, "Deal").ownedBy(owner).withAmount(Money.of(amount, currency))
                .closingOn(closing).withForecastCategory(category).withProbability(probability), ACTOR).id();
    }

    UUID won(UUID owner, String amount, String currency) {
        UUID id = open(owner, amount, currency, LocalDate.of(2026, 3, 1), ForecastCategory.COMMIT, 90);
        deals.closeWon(id, null, ACTOR);
        return id;
    }

    /** The types of the forecast events recorded since the last call. */
    List<String> events() {
        return claim().stream().map(OutboxEvent::type).filter(t -> t.startsWith("forecast")).toList();
    }

    List<OutboxEvent> claim() {
        return storage.outbox().claim("test", 1000, Duration.ofMinutes(1), clock.instant()).stream()
                .filter(e -> e.type().startsWith("forecast")).toList();
    }
}
