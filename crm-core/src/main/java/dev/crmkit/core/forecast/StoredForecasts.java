package dev.crmkit.core.forecast;

import dev.crmkit.core.common.Money;
import dev.crmkit.core.module.DomainContext;
import dev.crmkit.core.port.ExchangeRates;
import dev.crmkit.core.team.TeamMember;
import dev.crmkit.core.team.TeamService;
import dev.crmkit.model.Page;
import dev.crmkit.model.PageRequest;
import dev.crmkit.model.ValidationException;
import dev.crmkit.model.opportunity.ForecastBucket;
import dev.crmkit.model.opportunity.ForecastBuckets;
import dev.crmkit.model.opportunity.ForecastCell;
import dev.crmkit.model.team.MemberFilter;
import dev.crmkit.spi.opportunity.OpportunityStorage;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** {@link ForecastService} over the opportunity storage's aggregate query and the tenant's team. */
final class StoredForecasts implements ForecastService {
    private static final int MEMBER_PAGE = 500;

    private final DomainContext context;
    private final String tenantId;
    private final FiscalCalendar calendar;
    private final ExchangeRates rates;
    private final TeamService team;

    StoredForecasts(DomainContext context, String tenantId, FiscalCalendar calendar, ExchangeRates rates,
            TeamService team) {
        this.context = context;
        this.tenantId = tenantId;
        this.calendar = calendar;
        this.rates = rates;
        this.team = team;
    }

    @Override
    public FiscalCalendar calendar() {
        return calendar;
    }

    @Override
    public PipelineForecast pipeline(PeriodType type, LocalDate from, int periods, String currency) {
        if (type == null) {
            throw new ValidationException("type", "is required");
        }
        if (from == null) {
            throw new ValidationException("from", "is required");
        }
        if (periods < 1 || periods > ForecastBuckets.MAX_BUCKETS) {
            throw new ValidationException("periods", "must be 1 to " + ForecastBuckets.MAX_BUCKETS);
        }
        Currency reporting = Money.currency(currency);
        List<FiscalPeriod> list = new ArrayList<>();
        List<ForecastBucket> buckets = new ArrayList<>();
        for (FiscalPeriod p = calendar.period(type, from); list.size() < periods; p = calendar.next(p)) {
            list.add(p);
            buckets.add(new ForecastBucket(calendar.startOf(p), calendar.endOf(p), p.start(), p.end()));
        }
        return context.storage().transactions().inTransaction(() -> {
            List<ForecastCell> cells = context.storage(OpportunityStorage.class).opportunities()
                    .forecastCells(tenantId, ForecastBuckets.of(buckets));
            LocalDate today = LocalDate.ofInstant(context.now(), calendar.zone());
            return new PipelineRollup(list, reporting, managers(),
                    (fromCurrency, day) -> rates.rate(fromCurrency, reporting, day), today).roll(cells);
        });
    }

    /** Every member's manager, read a page at a time (a team is small next to its deals). */
    private Map<UUID, UUID> managers() {
        Map<UUID, UUID> managerOf = new HashMap<>();
        PageRequest request = PageRequest.first(MEMBER_PAGE);
        while (true) {
            Page<TeamMember> page = team.members(MemberFilter.everyone(), request);
            for (TeamMember member : page.items()) {
                if (member.managerId() != null) {
                    managerOf.put(member.id(), member.managerId());
                }
            }
            if (page.next().isEmpty()) {
                return managerOf;
            }
            request = request.next(page.next().get());
        }
    }
}
