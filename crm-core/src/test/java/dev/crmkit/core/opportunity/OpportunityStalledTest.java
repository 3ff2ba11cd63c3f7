package dev.crmkit.core.opportunity;

import static dev.crmkit.core.opportunity.OpportunityFixtures.ANA;
import static org.assertj.core.api.Assertions.assertThat;

import dev.crmkit.core.port.PublishedEvent;
import dev.crmkit.core.scheduling.DueWork;
import dev.crmkit.core.scheduling.DueWorkScheduler;
import dev.crmkit.core.touchpoint.TouchPointFixtures;
import dev.crmkit.model.opportunity.ReopenRule;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class OpportunityStalledTest {
    private final OpportunityFixtures f = new OpportunityFixtures();
    private final OpportunityService deals = f.deals;
    private final DueWorkScheduler scheduler = f.kernel.crm.scheduler();
    private final Pipeline direct = deals.definePipeline(OpportunityFixtures.shortPipeline("Direct",
            ReopenRule.always()));

    private List<String> stalledTypes() {
        return f.dealTypes().stream().filter("opportunity.stalled"::equals).toList();
    }

    @Test
    void a_deal_that_outstays_its_stages_norm_raises_one_stalled_alert() {
        Opportunity deal = deals.open(f.webShopDeal().inPipeline(direct.id()), ANA);

        f.kernel.clock.advance(Duration.ofDays(7).minusSeconds(1));
        assertThat(scheduler.runDueWork().claimed()).as("inside the norm").isZero();
        f.kernel.clock.advance(Duration.ofSeconds(1));
        assertThat(scheduler.runDueWork()).isEqualTo(new DueWorkScheduler.Run(1, 1, 0));

        List<PublishedEvent> events = f.dealEvents();
        PublishedEvent alert = events.get(events.size() - 1);
        assertThat(alert.type()).isEqualTo("opportunity.stalled");
        OpportunityStalled stalled = JsonMapper.builder().build().readValue(alert.payload(), OpportunityStalled.class);
        assertThat(stalled).isEqualTo(new OpportunityStalled(TouchPointFixtures.TENANT, deal.id(), "discovery",
                deal.stageEnteredAt(), 7, f.rep, f.kernel.clock.instant()));
        f.kernel.clock.advance(Duration.ofDays(30));
        assertThat(scheduler.runDueWork().claimed()).as("once per stay").isZero();
    }

    @Test
    void a_stage_change_restarts_the_clock_and_a_stage_without_norm_never_stalls() {
        Opportunity deal = deals.open(f.webShopDeal().inPipeline(direct.id()), ANA);
        f.kernel.clock.advance(Duration.ofDays(6));
        deals.moveToStage(deal.id(), "demo", ANA);

        f.kernel.clock.advance(Duration.ofDays(400));

        assertThat(scheduler.runDueWork().claimed()).isZero();
        assertThat(stalledTypes()).isEmpty();

        deals.moveToStage(deal.id(), "discovery", ANA);
        f.kernel.clock.advance(Duration.ofDays(6));
        assertThat(scheduler.runDueWork().claimed()).as("a new stay has a new norm").isZero();
        f.kernel.clock.advance(Duration.ofDays(1));
        assertThat(scheduler.runDueWork().completed()).isEqualTo(1);
        assertThat(stalledTypes()).hasSize(1);
    }

    @Test
    void closing_cancels_the_alert_and_reopening_schedules_it_again() {
        Opportunity deal = deals.open(f.webShopDeal().inPipeline(direct.id()), ANA);
        deals.closeWon(deal.id(), "signed", ANA);
        f.kernel.clock.advance(Duration.ofDays(10));
        assertThat(scheduler.runDueWork().claimed()).isZero();

        deals.reopen(deal.id(), null, ANA);
        f.kernel.clock.advance(Duration.ofDays(7));

        assertThat(scheduler.runDueWork().completed()).isEqualTo(1);
        assertThat(stalledTypes()).hasSize(1);
    }

    @Test
    void stale_work_for_a_deal_that_moved_on_or_is_not_yet_over_its_norm_does_nothing() {
        Opportunity moved = deals.open(f.webShopDeal().inPipeline(direct.id()), ANA);
        deals.moveToStage(moved.id(), "demo", ANA);
        Opportunity fresh = deals.open(f.webShopDeal().inPipeline(direct.id()), ANA);
        var handler = new StalledDealHandler(f.kernel.context);

        for (Opportunity deal : List.of(moved, fresh)) {
            handler.handle(new DueWork(TouchPointFixtures.TENANT, UUID.randomUUID(), OpportunityService.STALLED,
                    deal.id().toString(), f.kernel.clock.instant(), "discovery", 1));
        }
        handler.handle(new DueWork(TouchPointFixtures.TENANT, UUID.randomUUID(), OpportunityService.STALLED,
                "not-an-id", f.kernel.clock.instant(), "discovery", 1));

        assertThat(stalledTypes()).isEmpty();
    }
}
