package dev.crmkit.tck;

import static dev.crmkit.tck.CustomerFixtures.OTHER_TENANT;
import static dev.crmkit.tck.CustomerFixtures.TENANT;
import static dev.crmkit.tck.OpportunityFixtures.change;
import static dev.crmkit.tck.OpportunityFixtures.closed;
import static dev.crmkit.tck.OpportunityFixtures.deal;
import static dev.crmkit.tck.OpportunityFixtures.moved;
import static dev.crmkit.tck.OpportunityFixtures.open;
import static org.assertj.core.api.Assertions.assertThat;

import dev.crmkit.model.opportunity.CurrencyTotal;
import dev.crmkit.model.opportunity.FunnelStage;
import dev.crmkit.model.opportunity.LeadSourceResult;
import dev.crmkit.model.opportunity.PipelineCell;
import dev.crmkit.model.opportunity.RepResult;
import dev.crmkit.model.opportunity.ReportPeriod;
import dev.crmkit.model.opportunity.SalesCycle;
import dev.crmkit.model.opportunity.StageOutcome;
import dev.crmkit.model.opportunity.WinRate;
import dev.crmkit.spi.opportunity.OpportunityRecord;
import dev.crmkit.spi.opportunity.OpportunityStore;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The sales reports of {@link OpportunityStore} against results computed by hand. */
public abstract class SalesReportContract extends ContractSupport {
    private static final Instant FROM = Instant.parse("2026-01-01T00:00:00Z");
    private static final Instant TO = Instant.parse("2026-04-01T00:00:00Z");
    private static final ReportPeriod Q1 = new ReportPeriod(FROM, TO);

    private final UUID pipeline = UUID.randomUUID();
    private final UUID ana = UUID.fromString("00000000-0000-7000-8000-00000000000a");
    private final UUID bo = UUID.fromString("00000000-0000-7000-8000-00000000000b");

    private OpportunityStore deals() {
        return opportunities();
    }

    private static Duration days(int n) {
        return Duration.ofDays(n);
    }

    /** Seven closed deals: six in the first quarter, one before it; and one of another tenant. */
    @BeforeEach
    void closedDeals() {
        Instant mid = Instant.parse("2026-02-15T12:00:00Z");
        deals().insert(closed(TENANT, pipeline, StageOutcome.WON, "1000.00", "EUR", ana, "web", mid, days(10)));
        deals().insert(closed(TENANT, pipeline, StageOutcome.WON, "500", "EUR", bo, "web", FROM, days(20)));
        deals().insert(closed(TENANT, pipeline, StageOutcome.WON, "300", "USD", ana, null, mid, days(30)));
        deals().insert(closed(TENANT, pipeline, StageOutcome.LOST, "200", "EUR", bo, "web", mid, days(3)));
        deals().insert(closed(TENANT, pipeline, StageOutcome.LOST, null, null, null, "fair", mid, days(1)));
        deals().insert(closed(TENANT, pipeline, StageOutcome.WON, "50", "EUR", null, "fair",
                TO.minusSeconds(1), days(5)));
        deals().insert(closed(TENANT, pipeline, StageOutcome.WON, "9999", "EUR", ana, "web", TO, days(2)));
        deals().insert(closed(OTHER_TENANT, pipeline, StageOutcome.WON, "7", "EUR", ana, "web", mid, days(1)));
    }

    @Test
    void win_rate_counts_the_deals_won_and_lost_in_the_period() {
        WinRate rate = deals().winRate(TENANT, Q1);

        assertThat(rate).isEqualTo(new WinRate(4, 2));
        assertThat(rate.rate()).contains(new BigDecimal("0.6667"));
        assertThat(deals().winRate(TENANT, new ReportPeriod(TO.plusSeconds(1), TO.plusSeconds(2))).rate()).isEmpty();
    }

    @Test
    void won_deal_sizes_sum_and_average_per_currency() {
        List<CurrencyTotal> sizes = deals().wonDealSizes(TENANT, Q1);

        assertThat(sizes).containsExactly(new CurrencyTotal("EUR", 3, new BigDecimal("1550")),
                new CurrencyTotal("USD", 1, new BigDecimal("300")));
        assertThat(sizes.get(0).average()).isEqualTo(new BigDecimal("516.6667"));
    }

    @Test
    void sales_cycle_sums_creation_to_close_of_the_won_deals() {
        SalesCycle cycle = deals().salesCycle(TENANT, Q1);

        assertThat(cycle).isEqualTo(new SalesCycle(4, 65L * 86_400));
        assertThat(cycle.averageDays()).isEqualTo(new BigDecimal("16.25"));
    }

    @Test
    void leaderboard_ranks_owners_by_won_amount_per_currency() {
        assertThat(deals().leaderboard(TENANT, Q1)).containsExactly(
                new RepResult(ana, "EUR", 1, new BigDecimal("1000")),
                new RepResult(bo, "EUR", 1, new BigDecimal("500")),
                new RepResult(ana, "USD", 1, new BigDecimal("300")));
    }

    @Test
    void lead_sources_count_and_sum_won_and_lost_deals() {
        assertThat(deals().byLeadSource(TENANT, Q1)).containsExactly(
                new LeadSourceResult(null, "USD", 1, new BigDecimal("300"), 0, BigDecimal.ZERO),
                new LeadSourceResult("fair", null, 0, BigDecimal.ZERO, 1, BigDecimal.ZERO),
                new LeadSourceResult("fair", "EUR", 1, new BigDecimal("50"), 0, BigDecimal.ZERO),
                new LeadSourceResult("web", "EUR", 2, new BigDecimal("1500"), 1, new BigDecimal("200")));
    }

    @Test
    void open_pipeline_groups_open_deals_by_stage_owner_and_currency_with_weighted_amounts() {
        deals().insert(open(TENANT, pipeline, "prospecting", 10, "100.00", "EUR", ana));
        deals().insert(open(TENANT, pipeline, "prospecting", 15, "250.50", "EUR", ana));
        deals().insert(open(TENANT, pipeline, "prospecting", 10, null, null, null));
        deals().insert(open(TENANT, pipeline, "proposal", 50, "1000", "USD", bo));
        deals().insert(open(TENANT, UUID.randomUUID(), "proposal", 50, "1000", "USD", bo));
        deals().insert(open(OTHER_TENANT, pipeline, "proposal", 50, "1000", "USD", bo));

        assertThat(deals().openPipeline(TENANT, pipeline)).containsExactly(
                new PipelineCell("proposal", bo, "USD", 1, new BigDecimal("1000"), new BigDecimal("500")),
                new PipelineCell("prospecting", null, null, 1, BigDecimal.ZERO, BigDecimal.ZERO),
                new PipelineCell("prospecting", ana, "EUR", 2, new BigDecimal("350.5"), new BigDecimal("47.575")));
        assertThat(deals().openPipeline(TENANT, UUID.randomUUID())).isEmpty();
    }

    @Test
    void funnel_counts_distinct_deals_entering_each_stage_and_those_won() {
        OpportunityRecord won = deals().insert(deal(TENANT, pipeline));
        OpportunityRecord working = deals().insert(deal(TENANT, pipeline));
        OpportunityRecord lost = deals().insert(deal(TENANT, pipeline));
        OpportunityRecord elsewhere = deals().insert(deal(TENANT, UUID.randomUUID()));
        Instant t = NOW;
        history(won, t, null, "prospecting", "proposal", "won");
        history(working, t, null, "prospecting", "proposal", "prospecting");
        history(lost, t, null, "prospecting", "lost");
        history(elsewhere, t, null, "prospecting", "won");
        deals().update(moved(won, "won", StageOutcome.WON, t.plusSeconds(9)), 1);
        deals().update(moved(lost, "lost", StageOutcome.LOST, t.plusSeconds(9)), 1);

        assertThat(deals().funnel(TENANT, pipeline)).containsExactly(new FunnelStage("lost", 1, 0),
                new FunnelStage("proposal", 2, 1), new FunnelStage("prospecting", 3, 1), new FunnelStage("won", 1, 1));
        assertThat(deals().funnel(OTHER_TENANT, pipeline)).isEmpty();
    }

    private void history(OpportunityRecord deal, Instant start, String first, String... stages) {
        String from = first;
        for (int i = 0; i < stages.length; i++) {
            deals().appendStageChange(change(deal.tenantId(), deal.id(), from, stages[i], start.plusSeconds(i)));
            from = stages[i];
        }
    }
}
