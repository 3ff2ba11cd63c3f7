package dev.crmkit.core.forecast;

import dev.crmkit.core.module.DomainModule;
import dev.crmkit.core.module.DomainSetup;
import dev.crmkit.core.port.ExchangeRates;
import dev.crmkit.core.port.FixedExchangeRates;
import dev.crmkit.core.team.TeamService;
import dev.crmkit.model.Checks;
import dev.crmkit.model.ValidationException;
import dev.crmkit.spi.StorageCapability;
import dev.crmkit.spi.forecast.ForecastStorage;
import dev.crmkit.spi.opportunity.OpportunityStorage;
import dev.crmkit.spi.team.TeamStorage;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * The forecast domain as {@code Crm} composes it: offers {@link ForecastService} per tenant over the deals of the
 * opportunity domain, the management hierarchy of the team domain and the quotas of its own storage capability
 * ({@link ForecastStorage}), and records the {@link ForecastEvent}s. Registered by default with calendar-year fiscal
 * years in UTC for every tenant and no exchange rates (a forecast then needs all its deals in the reporting
 * currency); register it with the host's calendars and rates to replace it:
 *
 * <pre>{@code
 * Crm.builder().storage(storage)
 *         .module(ForecastModule.builder()
 *                 .calendars(tenantId -> FiscalCalendar.startingIn(Month.APRIL, YearName.ENDING_YEAR, zoneOf(tenantId)))
 *                 .exchangeRates(new TreasuryRates(treasury))
 *                 .build())
 *         .build();
 * }</pre>
 */
public final class ForecastModule implements DomainModule {
    /** The domain's name. */
    public static final String NAME = "forecast";

    private final Function<String, FiscalCalendar> calendars;
    private final ExchangeRates rates;

    /** The defaults: calendar years in UTC, no exchange rates. */
    public ForecastModule() {
        this(builder());
    }

    private ForecastModule(Builder builder) {
        this.calendars = builder.calendars;
        this.rates = builder.rates;
    }

    /** A builder starting from the defaults. */
    public static Builder builder() {
        return new Builder();
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Set<String> requires() {
        return Set.of("opportunity", "team");
    }

    @Override
    public Set<Class<? extends StorageCapability>> storageCapabilities() {
        return Set.of(OpportunityStorage.class, TeamStorage.class, ForecastStorage.class);
    }

    @Override
    public void install(DomainSetup setup) {
        setup.events(ForecastEvent.class);
        setup.service(ForecastService.class, tenant -> new StoredForecasts(setup.context(), tenant.tenantId(),
                calendarOf(tenant.tenantId()), rates, tenant.service(TeamService.class)));
        // A snapshot needs the owner lines only, so the handler's forecasts need no team service.
        setup.dueWork(ForecastService.SNAPSHOT, new SnapshotDueHandler(setup.context(), this::calendarOf,
                tenantId -> new StoredForecasts(setup.context(), tenantId, calendarOf(tenantId), rates, null)));
    }

    private FiscalCalendar calendarOf(String tenantId) {
        FiscalCalendar calendar = calendars.apply(tenantId);
        if (calendar == null) {
            throw new ValidationException("calendars", "answered no calendar for a tenant");
        }
        return calendar;
    }

    /** The settings of a {@link ForecastModule}. */
    public static final class Builder {
        private Function<String, FiscalCalendar> calendars = tenantId -> FiscalCalendar.calendarYear(ZoneOffset.UTC);
        private ExchangeRates rates = FixedExchangeRates.of(List.of());

        private Builder() {
        }

        /** One fiscal calendar for every tenant. */
        public Builder calendar(FiscalCalendar calendar) {
            Checks.required("calendar", calendar);
            this.calendars = tenantId -> calendar;
            return this;
        }

        /** Each tenant's fiscal calendar, asked once when a tenant's service is made; it must answer one. */
        public Builder calendars(Function<String, FiscalCalendar> calendars) {
            this.calendars = Checks.required("calendars", calendars);
            return this;
        }

        /** The host's exchange rates, which convert deals into a forecast's reporting currency. */
        public Builder exchangeRates(ExchangeRates rates) {
            this.rates = Checks.required("exchangeRates", rates);
            return this;
        }

        /** The module. */
        public ForecastModule build() {
            return new ForecastModule(this);
        }
    }
}
