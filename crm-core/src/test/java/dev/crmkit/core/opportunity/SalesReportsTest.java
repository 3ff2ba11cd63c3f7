package dev.crmkit.core.opportunity;

import static dev.crmkit.core.opportunity.OpportunityFixtures.ANA;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.crmkit.core.common.Money;
import dev.crmkit.core.team.MemberDetails;
import dev.crmkit.core.team.TeamService;
import dev.crmkit.core.touchpoint.TouchPointFixtures;
import dev.crmkit.model.NotFoundException;
import dev.crmkit.model.opportunity.CurrencyTotal;
import dev.crmkit.model.opportunity.FunnelStage;
import dev.crmkit.model.opportunity.LeadSourceResult;
import dev.crmkit.model.opportunity.PipelineCell;
import dev.crmkit.model.opportunity.ReopenRule;
import dev.crmkit.model.opportunity.RepResult;
import dev.crmkit.model.opportunity.ReportPeriod;
import dev.crmkit.model.opportunity.SalesCycle;
import dev.crmkit.model.opportunity.WinRate;
import dev.crmkit.model.team.TeamRole;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class SalesReportsTest {
    private final OpportunityFixtures f = new OpportunityFixtures();
    private final OpportunityService deals = f.deals;
    private final UUID bo = f.kernel.tenant(TouchPointFixtures.TENANT).service(TeamService.class)
            .add(MemberDetails.of("bo-3", "Bo", TeamRole.SALES_REP)).id();
    private final Pipeline direct = deals.definePipeline(OpportunityFixtures.shortPipeline("Direct",
            ReopenRule.always()));
    private final ReportPeriod firstWeek = new ReportPeriod(TouchPointFixtures.START,
            TouchPointFixtures.START.plus(Duration.ofDays(7)));

    private Opportunity open(UUID owner, String amount, String source) {
        return deals.open(OpenOpportunity.of(f.customer, "Deal").inPipeline(direct.id()).ownedBy(owner)
                .withAmount(Money.of(amount, "EUR")).fromLead(null, source), ANA);
    }

    @Test
    void reports_follow_the_deals_through_their_lifecycle() {
        Opportunity big = open(f.rep, "5000", "web-form");
        Opportunity small = open(bo, "800", "web-form");
        Opportunity lost = open(bo, "300", "trade-fair");
        Opportunity working = open(f.rep, "1200", null);
        deals.moveToStage(big.id(), "demo", ANA);
        deals.moveToStage(working.id(), "demo", ANA);
        f.kernel.clock.advance(Duration.ofDays(2));
        deals.closeWon(big.id(), null, ANA);
        f.kernel.clock.advance(Duration.ofDays(2));
        deals.closeWon(small.id(), null, ANA);
        deals.closeLost(lost.id(), "No budget", ANA);
        Opportunity reopened = deals.reopen(deals.closeLost(open(bo, "50", null).id(), "gone", ANA).id(), null, ANA);

        SalesReports reports = deals.reports();

        assertThat(reports.winRate(firstWeek)).isEqualTo(new WinRate(2, 1));
        assertThat(reports.averageDealSize(firstWeek)).singleElement().satisfies(size -> {
            assertThat(size).isEqualTo(new CurrencyTotal("EUR", 2, new BigDecimal("5800")));
            assertThat(size.average()).isEqualByComparingTo("2900");
        });
        assertThat(reports.salesCycle(firstWeek)).isEqualTo(new SalesCycle(2, 6 * 86_400));
        assertThat(reports.salesCycle(firstWeek).averageDays()).isEqualByComparingTo("3");
        assertThat(reports.leaderboard(firstWeek)).containsExactly(
                new RepResult(f.rep, "EUR", 1, new BigDecimal("5000")),
                new RepResult(bo, "EUR", 1, new BigDecimal("800")));
        assertThat(reports.byLeadSource(firstWeek)).containsExactly(
                new LeadSourceResult("trade-fair", "EUR", 0, BigDecimal.ZERO, 1, new BigDecimal("300")),
                new LeadSourceResult("web-form", "EUR", 2, new BigDecimal("5800"), 0, BigDecimal.ZERO));
        assertThat(reports.pipelineByStageAndOwner(direct.id())).as("in the pipeline's stage order").containsExactly(
                new PipelineCell("discovery", bo, "EUR", 1, new BigDecimal("50"), new BigDecimal("5")),
                new PipelineCell("demo", f.rep, "EUR", 1, new BigDecimal("1200"), new BigDecimal("480")));
        assertThat(reports.funnel(direct.id())).containsExactly(new FunnelStage("discovery", 5, 2),
                new FunnelStage("demo", 2, 1), new FunnelStage("won", 2, 2), new FunnelStage("lost", 2, 0));
        assertThat(reopened.stageKey()).isEqualTo("discovery");
        assertThat(f.otherTenant.reports().winRate(firstWeek)).isEqualTo(new WinRate(0, 0));
        assertThatThrownBy(() -> f.otherTenant.reports().funnel(direct.id())).isInstanceOf(NotFoundException.class);
    }
}
