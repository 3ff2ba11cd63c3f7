package dev.crmkit.spi.opportunity;

import dev.crmkit.model.opportunity.CurrencyTotal;
import dev.crmkit.model.opportunity.ForecastBuckets;
import dev.crmkit.model.opportunity.ForecastCell;
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
 * The sales reports, computed where the deals are stored: a SQL adapter answers each with one aggregate query
 * ({@code GROUP BY} with {@code COUNT} and {@code SUM}), never by reading the deals' rows. "Closed in a period"
 * means {@code closedAt} in {@link ReportPeriod}; a reopened deal is open again and counts as closed no longer.
 * Every call is scoped by tenant; a tenant without deals gets zeros and empty lists. Results are small (one row per
 * group) and come in the order each method states.
 */
public interface SalesReportQueries {
    /** The deals won and lost in the period. */
    WinRate winRate(String tenantId, ReportPeriod period);

    /**
     * The deals won in the period per currency, with count and summed amount (their average is the average deal
     * size), ordered by currency, deals without amount (null currency) first.
     */
    List<CurrencyTotal> wonDealSizes(String tenantId, ReportPeriod period);

    /** The deals won in the period and the sum of their cycles from {@code createdAt} to {@code closedAt}. */
    SalesCycle salesCycle(String tenantId, ReportPeriod period);

    /**
     * The open deals of the pipeline grouped by stage, owner and currency, ordered by stage key, then owner
     * (null first, then {@code Ids.ORDER}), then currency (null first).
     */
    List<PipelineCell> openPipeline(String tenantId, UUID pipelineId);

    /**
     * The deals won in the period that have an owner, grouped by owner and currency, ordered by won amount
     * descending, then currency (null first), then owner in {@code Ids.ORDER}.
     */
    List<RepResult> leaderboard(String tenantId, ReportPeriod period);

    /**
     * For each stage key that the stage history of the pipeline's deals ever entered (the stage a deal was opened
     * in counts as entered): how many distinct deals entered it and how many of those are won now; ordered by
     * stage key.
     */
    List<FunnelStage> funnel(String tenantId, UUID pipelineId);

    /**
     * The deals closed in the period grouped by lead source and currency, ordered by lead source (null first),
     * then currency (null first).
     */
    List<LeadSourceResult> byLeadSource(String tenantId, ReportPeriod period);

    /**
     * The pipeline forecast's figures, one aggregate query: the deals {@link ForecastBuckets#indexOf} puts in a bucket
     * (won deals by {@code closedAt}, open deals not omitted by {@code expectedCloseDate}; lost deals and open deals
     * without expected close date nowhere), grouped by bucket, owner, category ({@link ForecastBuckets#categoryOf}:
     * {@code CLOSED} for won deals) and currency, ordered by bucket, then owner (null first, then
     * {@code Ids.ORDER}), then category (in enum order), then currency (null first). A deal without amount counts
     * under currency null with amount zero.
     */
    List<ForecastCell> forecastCells(String tenantId, ForecastBuckets buckets);
}
