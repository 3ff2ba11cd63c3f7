package dev.crmkit.core.opportunity;

import dev.crmkit.model.NotFoundException;
import dev.crmkit.model.opportunity.CurrencyTotal;
import dev.crmkit.model.opportunity.FunnelStage;
import dev.crmkit.model.opportunity.LeadSourceResult;
import dev.crmkit.model.opportunity.PipelineCell;
import dev.crmkit.model.opportunity.RepResult;
import dev.crmkit.model.opportunity.ReportPeriod;
import dev.crmkit.model.opportunity.SalesCycle;
import dev.crmkit.model.opportunity.WinRate;
import java.util.List;
import java.util.UUID;

/**
 * The sales reports of one tenant, each one aggregate query of the storage (see docs/opportunities.md for the SQL).
 * "In a period" means closed in it; amounts are never converted between currencies, so results come per currency.
 */
public interface SalesReports {
    /** Won / (won + lost) of the deals closed in the period. */
    WinRate winRate(ReportPeriod period);

    /** Count, total and {@link CurrencyTotal#average() average} of the deals won in the period, per currency. */
    List<CurrencyTotal> averageDealSize(ReportPeriod period);

    /** The won deals of the period and their cycle from creation to close; see {@link SalesCycle#averageDays()}. */
    SalesCycle salesCycle(ReportPeriod period);

    /**
     * The open deals of a pipeline per stage, owner and currency with count, amount and probability-weighted
     * amount, in the pipeline's stage order.
     *
     * @throws NotFoundException when there is no such pipeline
     */
    List<PipelineCell> pipelineByStageAndOwner(UUID pipelineId);

    /** Won count and amount per owner and currency in the period, biggest amount first. */
    List<RepResult> leaderboard(ReportPeriod period);

    /**
     * For every stage of a pipeline, in its order: how many deals entered it and how many of those are won now
     * (zeros for a stage no deal entered).
     *
     * @throws NotFoundException when there is no such pipeline
     */
    List<FunnelStage> funnel(UUID pipelineId);

    /** Won and lost counts and amounts per lead source and currency of the deals closed in the period. */
    List<LeadSourceResult> byLeadSource(ReportPeriod period);
}
