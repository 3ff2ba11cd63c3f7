package dev.crmkit.core.opportunity;

import dev.crmkit.model.Checks;
import dev.crmkit.model.NotFoundException;
import dev.crmkit.model.opportunity.CurrencyTotal;
import dev.crmkit.model.opportunity.FunnelStage;
import dev.crmkit.model.opportunity.LeadSourceResult;
import dev.crmkit.model.opportunity.PipelineCell;
import dev.crmkit.model.opportunity.PipelineStage;
import dev.crmkit.model.opportunity.RepResult;
import dev.crmkit.model.opportunity.ReportPeriod;
import dev.crmkit.model.opportunity.SalesCycle;
import dev.crmkit.model.opportunity.WinRate;
import dev.crmkit.spi.Storage;
import dev.crmkit.spi.opportunity.OpportunityStorage;
import dev.crmkit.spi.opportunity.PipelineRecord;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/** {@link SalesReports} over the storage's aggregate queries, put in pipeline stage order where a pipeline is named. */
final class StoredSalesReports implements SalesReports {
    private final Storage storage;
    private final OpportunityStorage opportunityStorage;
    private final String tenantId;

    StoredSalesReports(Storage storage, String tenantId) {
        this.storage = storage;
        this.opportunityStorage = this.storage.capability(OpportunityStorage.class).orElseThrow();
        this.tenantId = tenantId;
    }

    @Override
    public WinRate winRate(ReportPeriod period) {
        return opportunityStorage.opportunities().winRate(tenantId, Checks.required("period", period));
    }

    @Override
    public List<CurrencyTotal> averageDealSize(ReportPeriod period) {
        return opportunityStorage.opportunities().wonDealSizes(tenantId, Checks.required("period", period));
    }

    @Override
    public SalesCycle salesCycle(ReportPeriod period) {
        return opportunityStorage.opportunities().salesCycle(tenantId, Checks.required("period", period));
    }

    @Override
    public List<PipelineCell> pipelineByStageAndOwner(UUID pipelineId) {
        Map<String, Integer> order = stageOrder(pipelineId);
        List<PipelineCell> cells = new ArrayList<>(opportunityStorage.opportunities().openPipeline(tenantId, pipelineId));
        // the store orders by key, owner and currency; a stable sort by stage position keeps the rest
        cells.sort(Comparator.comparing(c -> order.getOrDefault(c.stageKey(), Integer.MAX_VALUE)));
        return cells;
    }

    @Override
    public List<RepResult> leaderboard(ReportPeriod period) {
        return opportunityStorage.opportunities().leaderboard(tenantId, Checks.required("period", period));
    }

    @Override
    public List<FunnelStage> funnel(UUID pipelineId) {
        PipelineRecord pipeline = pipeline(pipelineId);
        Map<String, FunnelStage> entered = opportunityStorage.opportunities().funnel(tenantId, pipelineId).stream()
                .collect(Collectors.toMap(FunnelStage::stageKey, Function.identity()));
        List<FunnelStage> funnel = new ArrayList<>();
        for (PipelineStage stage : pipeline.stages()) {
            funnel.add(entered.getOrDefault(stage.key(), new FunnelStage(stage.key(), 0, 0)));
        }
        return funnel;
    }

    @Override
    public List<LeadSourceResult> byLeadSource(ReportPeriod period) {
        return opportunityStorage.opportunities().byLeadSource(tenantId, Checks.required("period", period));
    }

    private Map<String, Integer> stageOrder(UUID pipelineId) {
        List<PipelineStage> stages = pipeline(pipelineId).stages();
        return java.util.stream.IntStream.range(0, stages.size()).boxed()
                .collect(Collectors.toMap(i -> stages.get(i).key(), i -> i));
    }

    private PipelineRecord pipeline(UUID pipelineId) {
        Checks.id("pipelineId", pipelineId);
        return opportunityStorage.pipelines().get(tenantId, pipelineId)
                .orElseThrow(() -> new NotFoundException("pipeline", pipelineId));
    }
}
