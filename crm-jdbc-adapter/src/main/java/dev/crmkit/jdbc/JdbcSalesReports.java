package dev.crmkit.jdbc;

import dev.crmkit.model.opportunity.CurrencyTotal;
import dev.crmkit.model.opportunity.ForecastBucket;
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
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

/**
 * The sales reports as one aggregate query each over {@code crm_opportunity} (and, for the funnel, its stage
 * history). The database groups, counts and sums; only the few result rows travel, and they are put in the
 * contract's order here because databases sort nulls differently.
 */
final class JdbcSalesReports {
    private static final String TYPE = "opportunity report";
    private static final Comparator<String> TEXT = Comparator.nullsFirst(Comparator.naturalOrder());
    private static final Comparator<UUID> ID = Comparator.nullsFirst(Ids.ORDER);
    private static final String CLOSED_IN = " AND closed_at >= ? AND closed_at < ?";

    private final Database db;

    JdbcSalesReports(Database db) {
        this.db = db;
    }

    WinRate winRate(String tenantId, ReportPeriod period) {
        return db.read(TYPE, c -> db.one(c, "SELECT COUNT(CASE WHEN status = ? THEN 1 END) AS won,"
                + " COUNT(CASE WHEN status = ? THEN 1 END) AS lost FROM crm_opportunity WHERE tenant_id = ?"
                + " AND status IN (?, ?)" + CLOSED_IN, List.of(StageOutcome.WON, StageOutcome.LOST, tenantId,
                StageOutcome.WON, StageOutcome.LOST, period.from(), period.to()),
                r -> new WinRate(r.number("won"), r.number("lost"))).orElseThrow());
    }

    List<CurrencyTotal> wonDealSizes(String tenantId, ReportPeriod period) {
        List<CurrencyTotal> totals = new ArrayList<>(db.read(TYPE, c -> db.list(c, "SELECT currency, COUNT(*) AS deals,"
                + " COALESCE(SUM(amount), 0) AS total FROM crm_opportunity WHERE tenant_id = ? AND status = ?"
                + CLOSED_IN + " GROUP BY currency", List.of(tenantId, StageOutcome.WON, period.from(), period.to()),
                r -> new CurrencyTotal(r.text("currency"), r.number("deals"), r.decimal("total")))));
        totals.sort(Comparator.comparing(CurrencyTotal::currency, TEXT));
        return totals;
    }

    SalesCycle salesCycle(String tenantId, ReportPeriod period) {
        String seconds = switch (db.dialect()) {
            case POSTGRESQL -> "FLOOR(EXTRACT(EPOCH FROM (closed_at - created_at)))";
            case MARIADB -> "TIMESTAMPDIFF(SECOND, created_at, closed_at)";
            case H2 -> "DATEDIFF(SECOND, created_at, closed_at)";
        };
        return db.read(TYPE, c -> db.one(c, "SELECT COUNT(*) AS deals, COALESCE(SUM(" + seconds + "), 0) AS seconds"
                + " FROM crm_opportunity WHERE tenant_id = ? AND status = ?" + CLOSED_IN,
                List.of(tenantId, StageOutcome.WON, period.from(), period.to()),
                r -> new SalesCycle(r.number("deals"), r.number("seconds"))).orElseThrow());
    }

    List<PipelineCell> openPipeline(String tenantId, UUID pipelineId) {
        // amount * probability is exact at scale 4; dividing by 100 here keeps it exact on every backend.
        List<PipelineCell> cells = new ArrayList<>(db.read(TYPE, c -> db.list(c, "SELECT stage_key, owner_id,"
                + " currency, COUNT(*) AS deals, COALESCE(SUM(amount), 0) AS total,"
                + " COALESCE(SUM(amount * probability), 0) AS weighted FROM crm_opportunity WHERE tenant_id = ?"
                + " AND pipeline_id = ? AND status = ? GROUP BY stage_key, owner_id, currency",
                List.of(tenantId, pipelineId, StageOutcome.OPEN), r -> new PipelineCell(r.text("stage_key"),
                        r.id("owner_id"), r.text("currency"), r.number("deals"), r.decimal("total"),
                        r.decimal("weighted").movePointLeft(2)))));
        cells.sort(Comparator.comparing(PipelineCell::stageKey).thenComparing(PipelineCell::ownerId, ID)
                .thenComparing(PipelineCell::currency, TEXT));
        return cells;
    }

    List<RepResult> leaderboard(String tenantId, ReportPeriod period) {
        List<RepResult> results = new ArrayList<>(db.read(TYPE, c -> db.list(c, "SELECT owner_id, currency,"
                + " COUNT(*) AS deals, COALESCE(SUM(amount), 0) AS total FROM crm_opportunity WHERE tenant_id = ?"
                + " AND status = ?" + CLOSED_IN + " AND owner_id IS NOT NULL GROUP BY owner_id, currency",
                List.of(tenantId, StageOutcome.WON, period.from(), period.to()), r -> new RepResult(r.id("owner_id"),
                        r.text("currency"), r.number("deals"), r.decimal("total")))));
        results.sort(Comparator.comparing(RepResult::wonAmount).reversed().thenComparing(RepResult::currency, TEXT)
                .thenComparing(RepResult::ownerId, Ids.ORDER));
        return results;
    }

    List<FunnelStage> funnel(String tenantId, UUID pipelineId) {
        List<FunnelStage> stages = new ArrayList<>(db.read(TYPE, c -> db.list(c, "SELECT h.to_stage AS stage_key,"
                + " COUNT(DISTINCT h.opportunity_id) AS entered,"
                + " COUNT(DISTINCT CASE WHEN o.status = ? THEN h.opportunity_id END) AS won"
                + " FROM crm_opportunity o JOIN crm_opportunity_stage_change h"
                + " ON h.tenant_id = o.tenant_id AND h.opportunity_id = o.id"
                + " WHERE o.tenant_id = ? AND o.pipeline_id = ? GROUP BY h.to_stage",
                List.of(StageOutcome.WON, tenantId, pipelineId),
                r -> new FunnelStage(r.text("stage_key"), r.number("entered"), r.number("won")))));
        stages.sort(Comparator.comparing(FunnelStage::stageKey));
        return stages;
    }

    List<LeadSourceResult> byLeadSource(String tenantId, ReportPeriod period) {
        List<LeadSourceResult> results = new ArrayList<>(db.read(TYPE, c -> db.list(c, "SELECT lead_source, currency,"
                + " COUNT(CASE WHEN status = ? THEN 1 END) AS won,"
                + " COALESCE(SUM(CASE WHEN status = ? THEN amount END), 0) AS won_total,"
                + " COUNT(CASE WHEN status = ? THEN 1 END) AS lost,"
                + " COALESCE(SUM(CASE WHEN status = ? THEN amount END), 0) AS lost_total"
                + " FROM crm_opportunity WHERE tenant_id = ? AND status IN (?, ?)" + CLOSED_IN
                + " GROUP BY lead_source, currency", List.of(StageOutcome.WON, StageOutcome.WON, StageOutcome.LOST,
                StageOutcome.LOST, tenantId, StageOutcome.WON, StageOutcome.LOST, period.from(), period.to()),
                r -> new LeadSourceResult(r.text("lead_source"), r.text("currency"), r.number("won"),
                        r.decimal("won_total"), r.number("lost"), r.decimal("lost_total")))));
        results.sort(Comparator.comparing(LeadSourceResult::leadSource, TEXT)
                .thenComparing(LeadSourceResult::currency, TEXT));
        return results;
    }

    /**
     * One GROUP BY over the deals in the buckets' whole range. The bucket is a ladder of comparisons against the
     * bucket ends ({@code CASE WHEN closed_at < ? THEN 0 WHEN closed_at < ? THEN 1 ... END}), the buckets being
     * consecutive; won deals are placed by their close instant, open ones by their expected close day. The status
     * and category constants are written into the statement (fixed enum names, no input), so the text depends only on
     * the number of buckets.
     */
    List<ForecastCell> forecastCells(String tenantId, ForecastBuckets buckets) {
        List<Object> parameters = new ArrayList<>();
        String sql = forecastSql(buckets, parameters, tenantId);
        List<ForecastCell> cells = new ArrayList<>(db.read(TYPE, c -> db.list(c, sql, parameters,
                r -> new ForecastCell((int) r.number("bucket"), r.id("owner_id"),
                        ForecastCategory.valueOf(r.text("category")), r.text("currency"), r.number("deals"),
                        r.decimal("total"), r.decimal("weighted").movePointLeft(2)))));
        cells.sort(Comparator.comparingInt(ForecastCell::bucket).thenComparing(ForecastCell::ownerId, ID)
                .thenComparing(ForecastCell::category).thenComparing(ForecastCell::currency, TEXT));
        return cells;
    }

    /** The statement {@link #forecastCells} runs, its parameters added to {@code parameters}. */
    static String forecastSql(ForecastBuckets buckets, List<Object> parameters, String tenantId) {
        List<ForecastBucket> list = buckets.buckets();
        StringBuilder closed = new StringBuilder("CASE");
        StringBuilder expected = new StringBuilder("CASE");
        List<Object> closedEnds = new ArrayList<>();
        List<Object> expectedEnds = new ArrayList<>();
        for (int i = 0; i < list.size() - 1; i++) {
            closed.append(" WHEN closed_at < ? THEN ").append(i);
            closedEnds.add(list.get(i).to());
            expected.append(" WHEN expected_close_date < ? THEN ").append(i);
            expectedEnds.add(list.get(i).endDay());
        }
        int last = list.size() - 1;
        String closedBucket = last == 0 ? "0" : closed.append(" ELSE ").append(last).append(" END").toString();
        String expectedBucket = last == 0 ? "0" : expected.append(" ELSE ").append(last).append(" END").toString();
        parameters.addAll(closedEnds);
        parameters.addAll(expectedEnds);
        parameters.addAll(List.of(tenantId, buckets.from(), buckets.to(), buckets.firstDay(), buckets.endDay()));
        return "SELECT bucket, owner_id, category, currency, COUNT(*) AS deals, COALESCE(SUM(amount), 0) AS total,"
                + " COALESCE(SUM(amount * weight), 0) AS weighted FROM (SELECT CASE WHEN status = 'WON' THEN "
                + closedBucket + " ELSE " + expectedBucket + " END AS bucket, owner_id,"
                + " CASE WHEN status = 'WON' THEN 'CLOSED' ELSE forecast_category END AS category, currency, amount,"
                + " CASE WHEN status = 'WON' THEN 100 ELSE probability END AS weight FROM crm_opportunity"
                + " WHERE tenant_id = ? AND ((status = 'WON' AND closed_at >= ? AND closed_at < ?)"
                + " OR (status = 'OPEN' AND forecast_category <> 'OMITTED' AND expected_close_date >= ?"
                + " AND expected_close_date < ?))) f GROUP BY bucket, owner_id, category, currency";
    }
}
