package dev.crmkit.inmemory;

import dev.crmkit.model.Checks;
import dev.crmkit.model.DuplicateException;
import dev.crmkit.model.Page;
import dev.crmkit.model.PageRequest;
import dev.crmkit.model.opportunity.CurrencyTotal;
import dev.crmkit.model.opportunity.ForecastBuckets;
import dev.crmkit.model.opportunity.ForecastCell;
import dev.crmkit.model.opportunity.FunnelStage;
import dev.crmkit.model.opportunity.LeadSourceResult;
import dev.crmkit.model.opportunity.OpportunityContact;
import dev.crmkit.model.opportunity.OpportunityFilter;
import dev.crmkit.model.opportunity.PipelineCell;
import dev.crmkit.model.opportunity.RepResult;
import dev.crmkit.model.opportunity.ReportPeriod;
import dev.crmkit.model.opportunity.SalesCycle;
import dev.crmkit.model.opportunity.WinRate;
import dev.crmkit.spi.Ids;
import dev.crmkit.spi.opportunity.OpportunityRecord;
import dev.crmkit.spi.opportunity.OpportunityStore;
import dev.crmkit.spi.opportunity.StageChangeRecord;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** Opportunities in a {@link Table}, their stage history in a map per tenant; reports by {@link SalesReports}. */
final class InMemoryOpportunityStore implements OpportunityStore {
    private static final Comparator<StageChangeRecord> HISTORY_ORDER = Comparator
            .comparing(StageChangeRecord::changedAt).thenComparing(StageChangeRecord::id, Ids.ORDER);

    private final UnitOfWork unit;
    private final Table<OpportunityRecord> table;
    private final Map<String, Map<UUID, StageChangeRecord>> history = new HashMap<>();

    InMemoryOpportunityStore(UnitOfWork unit) {
        this.unit = unit;
        this.table = new Table<>("opportunity", unit);
    }

    @Override
    public OpportunityRecord insert(OpportunityRecord opportunity) {
        Checks.required("opportunity", opportunity);
        return unit.inTransaction(() -> table.insert(opportunity));
    }

    @Override
    public void lock(String tenantId, UUID id) {
        Checks.tenantId("tenantId", tenantId);
        Checks.id("id", id);
        unit.run(() -> table.lock(tenantId, id));
    }

    @Override
    public OpportunityRecord update(OpportunityRecord o, long expectedVersion) {
        Checks.required("opportunity", o);
        return unit.inTransaction(() -> {
            OpportunityRecord stored = table.expect(o.tenantId(), o.id(), expectedVersion);
            OpportunityRecord next = new OpportunityRecord(o.tenantId(), o.id(), expectedVersion + 1,
                    stored.createdAt(), o.updatedAt(), o.name(), o.customerId(), o.pipelineId(), o.stageKey(),
                    o.status(), o.amount(), o.currency(), o.probability(), o.forecastCategory(),
                    o.expectedCloseDate(), o.ownerId(), o.lineItems(), o.contacts(), o.competitors(),
                    o.sourceLeadId(), o.leadSource(), o.stageEnteredAt(), o.closedAt(), o.closeReason());
            table.put(next);
            return next;
        });
    }

    @Override
    public int moveAll(String tenantId, UUID fromCustomerId, UUID toCustomerId, Instant now) {
        Checks.tenantId("tenantId", tenantId);
        Checks.id("fromCustomerId", fromCustomerId);
        Checks.id("toCustomerId", toCustomerId);
        Instant at = Checks.instant("now", now);
        return unit.inTransaction(() -> {
            List<OpportunityRecord> moving = table.all(tenantId).stream()
                    .filter(o -> o.customerId().equals(fromCustomerId)
                            || o.contacts().stream().anyMatch(k -> k.personId().equals(fromCustomerId)))
                    .toList();
            for (OpportunityRecord o : moving) {
                Set<OpportunityContact> contacts = new HashSet<>();
                for (OpportunityContact k : o.contacts()) {
                    contacts.add(k.personId().equals(fromCustomerId) ? new OpportunityContact(toCustomerId, k.role())
                            : k);
                }
                UUID customer = o.customerId().equals(fromCustomerId) ? toCustomerId : o.customerId();
                table.put(new OpportunityRecord(tenantId, o.id(), o.version() + 1, o.createdAt(), at, o.name(),
                        customer, o.pipelineId(), o.stageKey(), o.status(), o.amount(), o.currency(),
                        o.probability(), o.forecastCategory(), o.expectedCloseDate(), o.ownerId(), o.lineItems(),
                        contacts, o.competitors(), o.sourceLeadId(), o.leadSource(), o.stageEnteredAt(),
                        o.closedAt(), o.closeReason()));
            }
            return moving.size();
        });
    }

    @Override
    public Optional<OpportunityRecord> get(String tenantId, UUID id) {
        Checks.tenantId("tenantId", tenantId);
        Checks.id("id", id);
        return unit.inTransaction(() -> table.get(tenantId, id));
    }

    @Override
    public Page<OpportunityRecord> find(String tenantId, OpportunityFilter filter, PageRequest page) {
        Checks.tenantId("tenantId", tenantId);
        Checks.required("filter", filter);
        Checks.required("page", page);
        return unit.inTransaction(() -> Paging.page(table.all(tenantId).stream().filter(filter::matches),
                (a, b) -> Ids.ORDER.compare(a.id(), b.id()), page, 1, o -> List.of(o.id().toString()),
                keys -> {
                    UUID after = Paging.id(keys.get(0));
                    return o -> Ids.ORDER.compare(o.id(), after) > 0;
                }));
    }

    @Override
    public StageChangeRecord appendStageChange(StageChangeRecord change) {
        Checks.required("change", change);
        return unit.inTransaction(() -> {
            Map<UUID, StageChangeRecord> entries = history.computeIfAbsent(change.tenantId(), t -> new HashMap<>());
            if (entries.containsKey(change.id())) {
                throw new DuplicateException("stageChange", "id");
            }
            entries.put(change.id(), change);
            unit.onRollback(() -> entries.remove(change.id()));
            return change;
        });
    }

    @Override
    public List<StageChangeRecord> stageHistory(String tenantId, UUID opportunityId) {
        Checks.tenantId("tenantId", tenantId);
        Checks.id("opportunityId", opportunityId);
        return unit.inTransaction(() -> entries(tenantId).stream()
                .filter(c -> c.opportunityId().equals(opportunityId)).sorted(HISTORY_ORDER).toList());
    }

    private List<StageChangeRecord> entries(String tenantId) {
        return new ArrayList<>(history.getOrDefault(tenantId, Map.of()).values());
    }

    private SalesReports reports(String tenantId) {
        return new SalesReports(List.copyOf(table.all(tenantId)), entries(tenantId));
    }

    @Override
    public WinRate winRate(String tenantId, ReportPeriod period) {
        Checks.tenantId("tenantId", tenantId);
        Checks.required("period", period);
        return unit.inTransaction(() -> reports(tenantId).winRate(period));
    }

    @Override
    public List<CurrencyTotal> wonDealSizes(String tenantId, ReportPeriod period) {
        Checks.tenantId("tenantId", tenantId);
        Checks.required("period", period);
        return unit.inTransaction(() -> reports(tenantId).wonDealSizes(period));
    }

    @Override
    public SalesCycle salesCycle(String tenantId, ReportPeriod period) {
        Checks.tenantId("tenantId", tenantId);
        Checks.required("period", period);
        return unit.inTransaction(() -> reports(tenantId).salesCycle(period));
    }

    @Override
    public List<PipelineCell> openPipeline(String tenantId, UUID pipelineId) {
        Checks.tenantId("tenantId", tenantId);
        Checks.id("pipelineId", pipelineId);
        return unit.inTransaction(() -> reports(tenantId).openPipeline(pipelineId));
    }

    @Override
    public List<RepResult> leaderboard(String tenantId, ReportPeriod period) {
        Checks.tenantId("tenantId", tenantId);
        Checks.required("period", period);
        return unit.inTransaction(() -> reports(tenantId).leaderboard(period));
    }

    @Override
    public List<FunnelStage> funnel(String tenantId, UUID pipelineId) {
        Checks.tenantId("tenantId", tenantId);
        Checks.id("pipelineId", pipelineId);
        return unit.inTransaction(() -> reports(tenantId).funnel(pipelineId));
    }

    @Override
    public List<LeadSourceResult> byLeadSource(String tenantId, ReportPeriod period) {
        Checks.tenantId("tenantId", tenantId);
        Checks.required("period", period);
        return unit.inTransaction(() -> reports(tenantId).byLeadSource(period));
    }

    @Override
    public List<ForecastCell> forecastCells(String tenantId, ForecastBuckets buckets) {
        Checks.tenantId("tenantId", tenantId);
        Checks.required("buckets", buckets);
        return unit.inTransaction(() -> reports(tenantId).forecastCells(buckets));
    }
}
