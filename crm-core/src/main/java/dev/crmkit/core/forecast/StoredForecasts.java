package dev.crmkit.core.forecast;

import dev.crmkit.core.common.Money;
import dev.crmkit.core.module.DomainContext;
import dev.crmkit.core.port.ExchangeRates;
import dev.crmkit.core.team.TeamMember;
import dev.crmkit.core.team.TeamService;
import dev.crmkit.model.NotFoundException;
import dev.crmkit.model.Page;
import dev.crmkit.model.PageRequest;
import dev.crmkit.model.ValidationException;
import dev.crmkit.model.opportunity.ForecastBucket;
import dev.crmkit.model.opportunity.ForecastBuckets;
import dev.crmkit.model.forecast.QuotaScope;
import dev.crmkit.model.Checks;
import dev.crmkit.model.opportunity.ForecastCategory;
import dev.crmkit.model.opportunity.ForecastCell;
import dev.crmkit.model.team.MemberFilter;
import dev.crmkit.spi.Ids;
import dev.crmkit.spi.forecast.ForecastStorage;
import dev.crmkit.spi.forecast.QuotaRecord;
import dev.crmkit.spi.forecast.QuotaStore;
import dev.crmkit.spi.forecast.SnapshotCell;
import dev.crmkit.spi.forecast.SnapshotRecord;
import dev.crmkit.spi.forecast.SnapshotStore;
import dev.crmkit.spi.scheduling.DueWorkRecord;
import dev.crmkit.spi.opportunity.OpportunityStorage;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Currency;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * {@link ForecastService} over the opportunity storage's aggregate query, the forecast storage's quotas, submissions
 * and snapshots, the due-work store and the tenant's team.
 */
final class StoredForecasts implements ForecastService {
    private static final int MEMBER_PAGE = 500;

    private final DomainContext context;
    private final String tenantId;
    private final FiscalCalendar calendar;
    private final ExchangeRates rates;
    private final TeamService team;
    private final Submissions submissions;

    StoredForecasts(DomainContext context, String tenantId, FiscalCalendar calendar, ExchangeRates rates,
            TeamService team) {
        this.context = context;
        this.tenantId = tenantId;
        this.calendar = calendar;
        this.rates = rates;
        this.team = team;
        this.submissions = new Submissions(context, tenantId);
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
        return context.storage().transactions().inTransaction(() -> pipeline(type, from, periods, currency,
                managers()));
    }

    /** The pipeline forecast's owner lines and totals without the team roll-up: what a snapshot keeps. */
    PipelineForecast pipelineOfOwners(PeriodType type, LocalDate from, int periods, String currency) {
        return pipeline(type, from, periods, currency, Map.of());
    }

    private PipelineForecast pipeline(PeriodType type, LocalDate from, int periods, String currency,
            Map<UUID, UUID> managerOf) {
        Currency reporting = Money.currency(currency);
        List<FiscalPeriod> list = new ArrayList<>();
        for (FiscalPeriod p = calendar.period(type, from); list.size() < periods; p = calendar.next(p)) {
            list.add(p);
        }
        return rollup(list, reporting, managerOf).roll(cells(list));
    }

    private List<ForecastCell> cells(List<FiscalPeriod> periods) {
        List<ForecastBucket> buckets = new ArrayList<>();
        for (FiscalPeriod p : periods) {
            buckets.add(new ForecastBucket(calendar.startOf(p), calendar.endOf(p), p.start(), p.end()));
        }
        return context.storage(OpportunityStorage.class).opportunities().forecastCells(tenantId,
                ForecastBuckets.of(buckets));
    }

    private PipelineRollup rollup(List<FiscalPeriod> periods, Currency reporting, Map<UUID, UUID> managerOf) {
        LocalDate today = LocalDate.ofInstant(context.now(), calendar.zone());
        return new PipelineRollup(periods, reporting, managerOf,
                (fromCurrency, day) -> rates.rate(fromCurrency, reporting, day), today);
    }

    @Override
    public Quota setQuota(SetQuota command) {
        if (command == null) {
            throw new ValidationException("command", "is required");
        }
        FiscalPeriod period = ofCalendar(command.period());
        return context.storage().transactions().inTransaction(() -> {
            try {
                team.member(command.memberId());
            } catch (NotFoundException e) {
                throw new ValidationException("memberId", "is no member of the tenant's team");
            }
            QuotaStore store = quotas();
            Optional<QuotaRecord> stored = store.get(tenantId, command.memberId(), command.scope(), period.label());
            long expected = command.expectedVersion() != null ? command.expectedVersion()
                    : stored.map(QuotaRecord::version).orElse(0L);
            Money amount = command.amount();
            if (stored.isPresent() && stored.get().version() == expected && stored.get().currency()
                    .equals(amount.currencyCode()) && stored.get().amount().compareTo(amount.amount()) == 0) {
                return Quota.of(stored.get());   // nothing to change: nothing written, nothing announced
            }
            Instant now = context.now();
            QuotaRecord saved = store.save(new QuotaRecord(tenantId, context.ids().next(), 1, now, now,
                    command.memberId(), command.scope(), period.label(), amount.amount(), amount.currencyCode()),
                    expected);
            Quota quota = Quota.of(saved);
            context.events().record(new QuotaSet(tenantId, quota.id(), quota.memberId(), quota.scope(),
                    quota.period(), quota.amount().amount(), quota.amount().currencyCode(), quota.version(), now));
            return quota;
        });
    }

    @Override
    public List<Quota> quotas(FiscalPeriod period) {
        String label = ofCalendar(period).label();
        return quotas().forPeriod(tenantId, label).stream().map(Quota::of).toList();
    }

    @Override
    public List<QuotaAttainment> attainment(FiscalPeriod period) {
        FiscalPeriod checked = ofCalendar(period);
        return context.storage().transactions().inTransaction(() -> {
            Map<UUID, UUID> managerOf = managers();
            List<Quota> set = quotas().forPeriod(tenantId, checked.label()).stream().map(Quota::of).toList();
            List<Quota> targets = new ArrayList<>(set);
            targets.addAll(QuotaRollup.rolledUp(set, managerOf));
            List<ForecastCell> cells = cells(List.of(checked));
            Map<Currency, PipelineForecast> byCurrency = new HashMap<>();
            Set<UUID> managers = new HashSet<>(managerOf.values());
            List<QuotaAttainment> result = new ArrayList<>();
            for (Quota quota : targets) {
                Currency currency = quota.amount().currency();
                PipelineForecast forecast = byCurrency.computeIfAbsent(currency,
                        c -> rollup(List.of(checked), c, managerOf).roll(cells));
                boolean team = quota.scope() == QuotaScope.TEAM && managers.contains(quota.memberId());
                result.add(new QuotaAttainment(quota.memberId(), quota.scope(), checked, quota.amount(),
                        quota.version() == 0, sum(forecast, checked, quota.memberId(), team, ForecastCategory.CLOSED),
                        sum(forecast, checked, quota.memberId(), team, ForecastCategory.PIPELINE,
                                ForecastCategory.BEST_CASE, ForecastCategory.COMMIT)));
            }
            result.sort(Comparator.comparing(QuotaAttainment::memberId, Ids.ORDER)
                    .thenComparing(QuotaAttainment::scope));
            return result;
        });
    }

    @Override
    public ForecastSubmission submit(SubmitForecast command) {
        Checks.required("command", command);
        String period = ofCalendar(command.period()).label();
        return context.storage().transactions().inTransaction(() -> {
            memberOfTeam("memberId", command.memberId());
            memberOfTeam("submittedBy", command.submittedBy());
            return submissions.submit(command, period, managers());
        });
    }

    private void memberOfTeam(String field, UUID memberId) {
        try {
            team.member(memberId);
        } catch (NotFoundException e) {
            throw new ValidationException(field, "is no member of the tenant's team");
        }
    }

    @Override
    public Optional<ForecastSubmission> currentForecast(UUID memberId, QuotaScope scope, FiscalPeriod period) {
        Checks.required("memberId", memberId);
        Checks.required("scope", scope);
        return submissions.current(memberId, scope, ofCalendar(period).label());
    }

    @Override
    public Page<ForecastSubmission> submissionHistory(UUID memberId, QuotaScope scope, FiscalPeriod period,
            PageRequest page) {
        Checks.required("memberId", memberId);
        Checks.required("scope", scope);
        String label = ofCalendar(period).label();
        Checks.required("page", page);
        return submissions.history(memberId, scope, label, page);
    }

    @Override
    public List<ForecastSubmission> forecasts(FiscalPeriod period, Instant asOf) {
        String label = ofCalendar(period).label();
        Checks.required("asOf", asOf);
        return context.storage().transactions().inTransaction(() -> submissions.asOf(label, asOf, managers()));
    }

    @Override
    public Instant scheduleSnapshots(SnapshotSchedule schedule) {
        Checks.required("schedule", schedule);
        Instant next = schedule.nextAfter(context.now(), calendar);
        context.storage().transactions().run(() -> context.storage().dueWork().schedule(DueWorkRecord.of(tenantId,
                context.ids().next(), SNAPSHOT, schedule.name(), next, schedule.payload())));
        return next;
    }

    @Override
    public boolean cancelSnapshots(String name) {
        Checks.required("name", name);
        return context.storage().transactions().inTransaction(() -> context.storage().dueWork().cancel(tenantId,
                SNAPSHOT, name));
    }

    @Override
    public Optional<ScheduledSnapshots> snapshotSchedule(String name) {
        Checks.required("name", name);
        return context.storage().dueWork().find(tenantId, SNAPSHOT, name).flatMap(work ->
                SnapshotSchedule.parse(name, work.payload()).map(s -> new ScheduledSnapshots(s, work.dueAt())));
    }

    @Override
    public Page<PipelineSnapshot> snapshots(PageRequest page) {
        Checks.required("page", page);
        Page<SnapshotRecord> records = snapshotStore().snapshots(tenantId, page);
        return new Page<>(records.items().stream().map(r -> PipelineSnapshot.of(r, List.of(), List.of())).toList(),
                records.next());
    }

    @Override
    public PipelineSnapshot snapshot(UUID id) {
        Checks.required("id", id);
        return context.storage().transactions().inTransaction(() -> {
            SnapshotRecord record = snapshotStore().get(tenantId, id)
                    .orElseThrow(() -> new NotFoundException("forecast snapshot", id));
            return PipelineSnapshot.of(record, snapshotStore().cells(tenantId, id), snapshotStore().rates(tenantId,
                    id));
        });
    }

    @Override
    public ForecastAccuracy accuracy(FiscalPeriod period, String currency, Instant cutoff) {
        FiscalPeriod checked = ofCalendar(period);
        Currency reporting = Money.currency(currency);
        Instant end = calendar.endOf(checked);
        if (end.isAfter(context.now())) {
            throw new ValidationException("period", "has not ended yet: accuracy compares with what closed in it");
        }
        Instant asOf = cutoff != null ? cutoff : end;
        return context.storage().transactions().inTransaction(() -> {
            Map<UUID, UUID> managerOf = managers();
            Accuracy accuracy = new Accuracy(checked, end,
                    rollup(List.of(checked), reporting, managerOf).roll(cells(List.of(checked))), managerOf);
            Map<UUID, List<SnapshotCell>> bySnapshot = new LinkedHashMap<>();
            for (SnapshotCell cell : snapshotStore().cellsOfPeriod(tenantId, checked.label())) {
                bySnapshot.computeIfAbsent(cell.snapshotId(), k -> new ArrayList<>()).add(cell);
            }
            List<SnapshotAccuracy> snapshots = new ArrayList<>();
            for (Map.Entry<UUID, List<SnapshotCell>> entry : bySnapshot.entrySet()) {
                snapshotStore().get(tenantId, entry.getKey())
                        .filter(r -> r.currency().equals(reporting.getCurrencyCode()))
                        .ifPresent(r -> snapshots.add(accuracy.snapshot(PipelineSnapshot.of(r, List.of(), List.of()),
                                entry.getValue())));
            }
            snapshots.sort(Comparator.comparing(SnapshotAccuracy::occurrence)
                    .thenComparing(SnapshotAccuracy::snapshotId, Ids.ORDER));
            List<SubmissionAccuracy> submitted = submissions.asOf(checked.label(), asOf, managerOf).stream()
                    .filter(s -> s.figures().currency().equals(reporting.getCurrencyCode()))
                    .map(accuracy::submission).toList();
            return new ForecastAccuracy(checked, reporting.getCurrencyCode(), asOf, snapshots, submitted);
        });
    }

    private SnapshotStore snapshotStore() {
        return context.storage(ForecastStorage.class).snapshots();
    }

    private static Money sum(PipelineForecast forecast, FiscalPeriod period, UUID memberId, boolean team,
            ForecastCategory... categories) {
        Money total = Money.zero(forecast.currency());
        for (ForecastCategory category : categories) {
            ForecastLine line = team ? forecast.team(period, memberId, category)
                    : forecast.owner(period, memberId, category);
            total = total.plus(new Money(line.amount(), forecast.currency()));
        }
        return total;
    }

    /** The period itself, when it is one of the tenant's calendar. */
    private FiscalPeriod ofCalendar(FiscalPeriod period) {
        if (period == null) {
            throw new ValidationException("period", "is required");
        }
        if (!calendar.period(period.type(), period.start()).equals(period)) {
            throw new ValidationException("period", "is no period of the tenant's fiscal calendar");
        }
        return period;
    }

    private QuotaStore quotas() {
        return context.storage(ForecastStorage.class).quotas();
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
