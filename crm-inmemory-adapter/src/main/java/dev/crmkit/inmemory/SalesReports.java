package dev.crmkit.inmemory;

import dev.crmkit.model.opportunity.CurrencyTotal;
import dev.crmkit.model.opportunity.ForecastBuckets;
import dev.crmkit.model.opportunity.ForecastCategory;
import dev.crmkit.model.opportunity.ForecastCell;
import dev.crmkit.model.opportunity.FunnelStage;
import dev.crmkit.model.opportunity.LeadSourceResult;
import dev.crmkit.model.opportunity.PipelineCell;
import dev.crmkit.model.opportunity.RepResult;
import dev.crmkit.model.opportunity.ReportPeriod;
import dev.crmkit.model.opportunity.SalesCycle;
import dev.crmkit.model.opportunity.StageOutcome;
import dev.crmkit.model.opportunity.WinRate;
import dev.crmkit.spi.Ids;
import dev.crmkit.spi.opportunity.OpportunityRecord;
import dev.crmkit.spi.opportunity.StageChangeRecord;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

/** The sales reports over one tenant's deals, computed in memory (a SQL adapter asks the database). */
final class SalesReports {
    private static final Comparator<String> TEXT = Comparator.nullsFirst(Comparator.naturalOrder());
    private static final Comparator<UUID> ID = Comparator.nullsFirst(Ids.ORDER);

    /** The order of {@code SalesReportQueries.forecastCells}. */
    static final Comparator<ForecastCell> FORECAST_ORDER = Comparator.comparingInt(ForecastCell::bucket)
            .thenComparing(ForecastCell::ownerId, ID).thenComparing(ForecastCell::category)
            .thenComparing(ForecastCell::currency, TEXT);

    private final List<OpportunityRecord> deals;
    private final List<StageChangeRecord> history;

    SalesReports(List<OpportunityRecord> deals, List<StageChangeRecord> history) {
        this.deals = deals;
        this.history = history;
    }

    private List<OpportunityRecord> closedIn(ReportPeriod period, StageOutcome status) {
        return deals.stream().filter(o -> o.status() == status && period.contains(o.closedAt())).toList();
    }

    private static BigDecimal amount(OpportunityRecord o) {
        return o.amount() == null ? BigDecimal.ZERO : o.amount();
    }

    WinRate winRate(ReportPeriod period) {
        return new WinRate(closedIn(period, StageOutcome.WON).size(), closedIn(period, StageOutcome.LOST).size());
    }

    List<CurrencyTotal> wonDealSizes(ReportPeriod period) {
        Map<String, CurrencyTotal> byCurrency = new TreeMap<>(TEXT);
        for (OpportunityRecord o : closedIn(period, StageOutcome.WON)) {
            byCurrency.merge(o.currency(), new CurrencyTotal(o.currency(), 1, amount(o)),
                    (a, b) -> new CurrencyTotal(a.currency(), a.count() + 1, a.total().add(b.total())));
        }
        return List.copyOf(byCurrency.values());
    }

    SalesCycle salesCycle(ReportPeriod period) {
        List<OpportunityRecord> won = closedIn(period, StageOutcome.WON);
        long seconds = won.stream().mapToLong(o -> Duration.between(o.createdAt(), o.closedAt()).toSeconds()).sum();
        return new SalesCycle(won.size(), seconds);
    }

    List<PipelineCell> openPipeline(UUID pipelineId) {
        Map<List<Object>, PipelineCell> cells = new HashMap<>();
        for (OpportunityRecord o : deals) {
            if (o.status() != StageOutcome.OPEN || !o.pipelineId().equals(pipelineId)) {
                continue;
            }
            BigDecimal weighted = amount(o).multiply(BigDecimal.valueOf(o.probability())).movePointLeft(2);
            PipelineCell one = new PipelineCell(o.stageKey(), o.ownerId(), o.currency(), 1, amount(o), weighted);
            cells.merge(Arrays.asList(o.stageKey(), o.ownerId(), o.currency()), one, (a, b) -> new PipelineCell(
                    a.stageKey(), a.ownerId(), a.currency(), a.count() + 1, a.amount().add(b.amount()),
                    a.weightedAmount().add(b.weightedAmount())));
        }
        List<PipelineCell> sorted = new ArrayList<>(cells.values());
        sorted.sort(Comparator.comparing(PipelineCell::stageKey).thenComparing(PipelineCell::ownerId, ID)
                .thenComparing(PipelineCell::currency, TEXT));
        return sorted;
    }

    List<RepResult> leaderboard(ReportPeriod period) {
        Map<List<Object>, RepResult> results = new HashMap<>();
        for (OpportunityRecord o : closedIn(period, StageOutcome.WON)) {
            if (o.ownerId() == null) {
                continue;
            }
            results.merge(Arrays.asList(o.ownerId(), o.currency()), new RepResult(o.ownerId(), o.currency(), 1,
                    amount(o)), (a, b) -> new RepResult(a.ownerId(), a.currency(), a.wonCount() + 1,
                    a.wonAmount().add(b.wonAmount())));
        }
        List<RepResult> sorted = new ArrayList<>(results.values());
        sorted.sort(Comparator.comparing(RepResult::wonAmount).reversed().thenComparing(RepResult::currency, TEXT)
                .thenComparing(RepResult::ownerId, Ids.ORDER));
        return sorted;
    }

    List<FunnelStage> funnel(UUID pipelineId) {
        Map<UUID, OpportunityRecord> inPipeline = new HashMap<>();
        deals.stream().filter(o -> o.pipelineId().equals(pipelineId)).forEach(o -> inPipeline.put(o.id(), o));
        Map<String, Set<UUID>> entered = new TreeMap<>();
        for (StageChangeRecord change : history) {
            if (inPipeline.containsKey(change.opportunityId())) {
                entered.computeIfAbsent(change.toStage(), k -> new HashSet<>()).add(change.opportunityId());
            }
        }
        List<FunnelStage> funnel = new ArrayList<>();
        entered.forEach((stage, ids) -> funnel.add(new FunnelStage(stage, ids.size(), ids.stream()
                .filter(id -> inPipeline.get(id).status() == StageOutcome.WON).count())));
        return funnel;
    }

    List<LeadSourceResult> byLeadSource(ReportPeriod period) {
        Map<List<Object>, LeadSourceResult> results = new HashMap<>();
        for (OpportunityRecord o : deals) {
            if (o.status() == StageOutcome.OPEN || !period.contains(o.closedAt())) {
                continue;
            }
            boolean won = o.status() == StageOutcome.WON;
            LeadSourceResult one = new LeadSourceResult(o.leadSource(), o.currency(), won ? 1 : 0,
                    won ? amount(o) : BigDecimal.ZERO, won ? 0 : 1, won ? BigDecimal.ZERO : amount(o));
            results.merge(Arrays.asList(o.leadSource(), o.currency()), one, (a, b) -> new LeadSourceResult(
                    a.leadSource(), a.currency(), a.won() + b.won(), a.wonAmount().add(b.wonAmount()),
                    a.lost() + b.lost(), a.lostAmount().add(b.lostAmount())));
        }
        List<LeadSourceResult> sorted = new ArrayList<>(results.values());
        sorted.sort(Comparator.comparing(LeadSourceResult::leadSource, TEXT)
                .thenComparing(LeadSourceResult::currency, TEXT));
        return sorted;
    }

    List<ForecastCell> forecastCells(ForecastBuckets buckets) {
        Map<List<Object>, ForecastCell> cells = new HashMap<>();
        for (OpportunityRecord o : deals) {
            int bucket = buckets.indexOf(o.status(), o.forecastCategory(), o.closedAt(), o.expectedCloseDate());
            if (bucket < 0) {
                continue;
            }
            ForecastCategory category = ForecastBuckets.categoryOf(o.status(), o.forecastCategory());
            int probability = o.status() == StageOutcome.WON ? 100 : o.probability();
            BigDecimal weighted = amount(o).multiply(BigDecimal.valueOf(probability)).movePointLeft(2);
            ForecastCell one = new ForecastCell(bucket, o.ownerId(), category, o.currency(), 1, amount(o), weighted);
            cells.merge(Arrays.asList(bucket, o.ownerId(), category, o.currency()), one, (a, b) -> new ForecastCell(
                    a.bucket(), a.ownerId(), a.category(), a.currency(), a.count() + 1, a.amount().add(b.amount()),
                    a.weightedAmount().add(b.weightedAmount())));
        }
        List<ForecastCell> sorted = new ArrayList<>(cells.values());
        sorted.sort(FORECAST_ORDER);
        return sorted;
    }
}
