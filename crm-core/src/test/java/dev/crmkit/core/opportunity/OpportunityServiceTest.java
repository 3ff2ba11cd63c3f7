package dev.crmkit.core.opportunity;

import static dev.crmkit.core.opportunity.OpportunityFixtures.ANA;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.crmkit.core.common.Money;
import dev.crmkit.core.port.PublishedEvent;
import dev.crmkit.model.ConflictException;
import dev.crmkit.model.IllegalTransitionException;
import dev.crmkit.model.NotFoundException;
import dev.crmkit.model.PageRequest;
import dev.crmkit.model.ValidationException;
import dev.crmkit.model.opportunity.ContactRole;
import dev.crmkit.model.opportunity.ForecastCategory;
import dev.crmkit.model.opportunity.OpportunityContact;
import dev.crmkit.model.opportunity.OpportunityFilter;
import dev.crmkit.model.opportunity.ReopenRule;
import dev.crmkit.model.opportunity.StageOutcome;
import dev.crmkit.spi.opportunity.StageChangeRecord;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class OpportunityServiceTest {
    private final OpportunityFixtures f = new OpportunityFixtures();
    private final OpportunityService deals = f.deals;

    @Test
    void a_tenant_without_pipeline_opens_its_first_deal_in_the_built_in_sales_pipeline() {
        Opportunity deal = deals.open(f.webShopDeal(), ANA);

        Pipeline sales = deals.defaultPipeline();
        assertThat(sales.name()).isEqualTo("Sales");
        assertThat(sales.stages()).extracting(s -> s.key() + " " + s.probability()).containsExactly("prospecting 10",
                "qualification 20", "proposal 50", "negotiation 75", "closed-won 100", "closed-lost 0");
        assertThat(deal.pipelineId()).isEqualTo(sales.id());
        assertThat(deal.stageKey()).isEqualTo("prospecting");
        assertThat(deal.status()).isEqualTo(StageOutcome.OPEN);
        assertThat(deal.probability()).as("the stage's default").isEqualTo(10);
        assertThat(deal.forecastCategory()).isEqualTo(ForecastCategory.PIPELINE);
        assertThat(deal.amount()).isEqualTo(Money.of("1000", "EUR"));
        assertThat(deals.pipelines(PageRequest.first(10)).items()).hasSize(1);
        assertThat(deals.opportunity(deal.id())).isEqualTo(deal);
    }

    @Test
    void a_retried_open_with_the_same_key_returns_the_first_deal_as_it_stands_and_opens_nothing() {
        Opportunity first = deals.open(f.webShopDeal(), ANA, "deal-form-7");
        Opportunity moved = deals.moveToStage(first.id(), "qualification", ANA);
        long openedEvents = f.dealTypes().stream().filter("opportunity.opened"::equals).count();

        Opportunity again = deals.open(f.webShopDeal().withAmount(Money.of("5.00", "EUR")), ANA, "deal-form-7");

        assertThat(again).isEqualTo(deals.opportunity(first.id()));
        assertThat(again.stageKey()).isEqualTo(moved.stageKey());
        assertThat(f.storedDeals()).isEqualTo(1);
        assertThat(f.dealTypes().stream().filter("opportunity.opened"::equals).count()).isEqualTo(openedEvents);
        assertThat(deals.open(f.webShopDeal(), ANA, "deal-form-8").id()).isNotEqualTo(first.id());
    }

    @Test
    void a_key_used_for_another_customers_deal_is_a_conflict_and_a_bad_key_is_refused() {
        deals.open(f.webShopDeal(), ANA, "deal-form-7");
        UUID other = f.kernel.organization("Initech").id();

        assertThatThrownBy(() -> deals.open(OpenOpportunity.of(other, "Deal"), ANA, "deal-form-7"))
                .isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> deals.open(f.webShopDeal(), ANA, " "))
                .isInstanceOfSatisfying(ValidationException.class,
                        e -> assertThat(e.field()).isEqualTo("idempotencyKey"));
        assertThatThrownBy(() -> deals.open(f.webShopDeal(), ANA, "k".repeat(101)))
                .isInstanceOfSatisfying(ValidationException.class,
                        e -> assertThat(e.field()).isEqualTo("idempotencyKey"));
        assertThat(f.storedDeals()).isEqualTo(1);
    }

    @Test
    void line_items_set_the_amount_with_their_discounts() {
        Opportunity deal = deals.open(f.webShopDeal().withAmount(null).withLineItems(List.of(
                LineItem.of("licence-pro", "3", Money.of("199.99", "EUR")).withDiscount("10"),
                LineItem.of("onboarding", "1.5", Money.of("800", "EUR")))), ANA);

        // 3 x 199.99 = 599.97, less 10 % = 539.973 -> 539.97; 1.5 x 800 = 1200.00
        assertThat(deal.amount()).isEqualTo(Money.of("1739.97", "EUR"));
        assertThat(deal.lineItems()).extracting(LineItem::productRef).containsExactly("licence-pro", "onboarding");

        Opportunity revised = deals.revise(deal.id(), OpportunityDetails.of(deal)
                .withLineItems(List.of(LineItem.of("licence-pro", "10", Money.of("199.99", "EUR")))));
        assertThat(revised.amount()).isEqualTo(Money.of("1999.90", "EUR"));
        assertThat(revised.version()).isEqualTo(2);
    }

    @Test
    void details_are_stored_and_the_change_is_announced_without_the_deals_name() {
        UUID person = f.kernel.person("Dana Buyer").id();
        Opportunity deal = deals.open(f.webShopDeal().closingOn(LocalDate.of(2026, 6, 30))
                .withContacts(Set.of(new OpportunityContact(person, ContactRole.ECONOMIC_BUYER)))
                .withCompetitors(Set.of(" Initech ", "Umbrella")).fromLead(UUID.randomUUID(), "web-form"), ANA);

        Opportunity revised = deals.revise(deal.id(), OpportunityDetails.of(deal).withName("Web shop relaunch XL")
                .withProbability(35).withForecastCategory(ForecastCategory.BEST_CASE).withOwner(null));

        assertThat(deal.competitors()).containsExactly("Initech", "Umbrella");
        assertThat(deal.leadSource()).isEqualTo("web-form");
        assertThat(revised.name()).isEqualTo("Web shop relaunch XL");
        assertThat(revised.probability()).isEqualTo(35);
        assertThat(revised.ownerId()).isNull();
        assertThat(revised.contacts()).containsExactly(new OpportunityContact(person, ContactRole.ECONOMIC_BUYER));
        List<PublishedEvent> events = f.dealEvents();
        assertThat(events).extracting(PublishedEvent::type).containsSubsequence("pipeline.defined",
                "opportunity.opened", "opportunity.changed");
        assertThat(events).filteredOn(e -> e.aggregateType().equals("opportunity"))
                .allSatisfy(e -> assertThat(e.payload()).contains(deal.id().toString())
                        .doesNotContain("Web shop", "ana-7"));
    }

    @Test
    void stage_changes_set_the_stage_probability_and_are_kept_in_the_history_with_time_and_actor() {
        Pipeline pipeline = deals.definePipeline(OpportunityFixtures.shortPipeline("Direct", ReopenRule.never()));
        Opportunity deal = deals.open(f.webShopDeal().inPipeline(pipeline.id()), ANA);
        f.kernel.clock.advance(Duration.ofDays(2));

        Opportunity demo = deals.moveToStage(deal.id(), "demo", dev.crmkit.core.common.Actor.user("bo-3"));
        Opportunity same = deals.moveToStage(deal.id(), "demo", ANA);
        f.kernel.clock.advance(Duration.ofDays(1));
        Opportunity won = deals.closeWon(deal.id(), null, ANA);

        assertThat(demo.probability()).isEqualTo(40);
        assertThat(demo.forecastCategory()).isEqualTo(ForecastCategory.BEST_CASE);
        assertThat(same.version()).as("moving to the current stage changes nothing").isEqualTo(demo.version());
        assertThat(won.status()).isEqualTo(StageOutcome.WON);
        assertThat(won.probability()).isEqualTo(100);
        assertThat(won.closedAt()).isEqualTo(f.kernel.clock.instant());
        List<StageChangeRecord> history = deals.stageHistory(deal.id());
        assertThat(history).extracting(c -> c.fromStage() + ">" + c.toStage() + " by " + c.actor())
                .containsExactly("null>discovery by user:ana-7", "discovery>demo by user:bo-3",
                        "demo>won by user:ana-7");
        assertThat(history.get(1).changedAt()).isEqualTo(deal.createdAt().plus(Duration.ofDays(2)));
        assertThat(f.dealTypes()).containsExactly("pipeline.defined", "opportunity.opened",
                "opportunity.stage-changed", "opportunity.won");
    }

    @Test
    void a_lost_deal_needs_a_reason_and_a_closed_deal_cannot_move_or_close_again() {
        Opportunity deal = deals.open(f.webShopDeal(), ANA);

        assertThatThrownBy(() -> deals.closeLost(deal.id(), " ", ANA)).isInstanceOfSatisfying(
                dev.crmkit.model.ValidationException.class, e -> assertThat(e.field()).isEqualTo("reason"));
        assertThatThrownBy(() -> deals.closeLost(deal.id(), null, ANA))
                .isInstanceOf(dev.crmkit.model.ValidationException.class);
        Opportunity lost = deals.closeLost(deal.id(), "Went with a competitor", ANA);

        assertThat(lost.closeReason()).isEqualTo("Went with a competitor");
        assertThat(lost.status()).isEqualTo(StageOutcome.LOST);
        assertThatThrownBy(() -> deals.closeWon(deal.id(), null, ANA)).isInstanceOfSatisfying(
                IllegalTransitionException.class, e -> {
                    assertThat(e.from()).isEqualTo("LOST");
                    assertThat(e.to()).isEqualTo("WON");
                });
        assertThatThrownBy(() -> deals.moveToStage(deal.id(), "proposal", ANA))
                .isInstanceOfSatisfying(IllegalTransitionException.class, e -> assertThat(e.from()).isEqualTo("LOST"));
        assertThatThrownBy(() -> deals.moveToStage(deal.id(), "closed-won", ANA))
                .isInstanceOf(IllegalTransitionException.class);
        assertThat(f.dealTypes()).doesNotContain("opportunity.won").endsWith("opportunity.lost");
        assertThat(f.dealEvents().get(2).payload()).doesNotContain("competitor");
    }

    @Test
    void reopening_follows_the_pipelines_rule() {
        Pipeline never = deals.definePipeline(OpportunityFixtures.shortPipeline("Never", ReopenRule.never()));
        Pipeline month = deals.definePipeline(OpportunityFixtures.shortPipeline("Month", ReopenRule.withinDays(30)));
        Pipeline always = deals.definePipeline(OpportunityFixtures.shortPipeline("Always", ReopenRule.always()));
        UUID closedForGood = deals.closeWon(deals.open(f.webShopDeal().inPipeline(never.id()), ANA).id(), null,
                ANA).id();
        UUID recent = deals.closeLost(deals.open(f.webShopDeal().inPipeline(month.id()), ANA).id(), "budget", ANA).id();
        UUID late = deals.closeLost(deals.open(f.webShopDeal().inPipeline(month.id()), ANA).id(), "budget", ANA).id();
        UUID old = deals.closeWon(deals.open(f.webShopDeal().inPipeline(always.id()), ANA).id(), null, ANA).id();

        assertThatThrownBy(() -> deals.reopen(closedForGood, null, ANA)).isInstanceOf(IllegalTransitionException.class);
        f.kernel.clock.advance(Duration.ofDays(30));
        Opportunity reopened = deals.reopen(recent, "demo", ANA);
        f.kernel.clock.advance(Duration.ofSeconds(1));
        assertThatThrownBy(() -> deals.reopen(late, null, ANA)).isInstanceOfSatisfying(
                IllegalTransitionException.class, e -> assertThat(e.getMessage()).contains("WITHIN_DAYS 30"));
        f.kernel.clock.advance(Duration.ofDays(3650));
        Opportunity revived = deals.reopen(old, null, ANA);

        assertThat(reopened.status()).isEqualTo(StageOutcome.OPEN);
        assertThat(reopened.stageKey()).isEqualTo("demo");
        assertThat(reopened.closedAt()).isNull();
        assertThat(reopened.closeReason()).isNull();
        assertThat(revived.stageKey()).isEqualTo("discovery");
        assertThatThrownBy(() -> deals.reopen(revived.id(), null, ANA))
                .as("an open deal is not reopened").isInstanceOf(IllegalTransitionException.class);
        assertThat(deals.stageHistory(recent)).extracting(StageChangeRecord::toStage)
                .containsExactly("discovery", "lost", "demo");
        assertThat(f.dealTypes()).filteredOn("opportunity.reopened"::equals).hasSize(2);
    }

    @Test
    void unknown_deals_are_not_found_and_tenants_never_see_each_others_deals() {
        Opportunity deal = deals.open(f.webShopDeal(), ANA);

        assertThatThrownBy(() -> f.otherTenant.opportunity(deal.id())).isInstanceOf(NotFoundException.class);
        assertThat(f.otherTenant.opportunities(OpportunityFilter.all(), PageRequest.first(10)).items()).isEmpty();
        assertThat(f.otherTenant.stageHistory(deal.id())).isEmpty();
        assertThatThrownBy(() -> f.otherTenant.closeWon(deal.id(), null, ANA)).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> f.otherTenant.open(f.webShopDeal().ownedBy(null), ANA))
                .as("the customer belongs to another tenant").isInstanceOfSatisfying(
                        dev.crmkit.model.ValidationException.class, e -> assertThat(e.field()).isEqualTo("customerId"));
        assertThat(deals.opportunities(OpportunityFilter.all().ofCustomer(f.customer), PageRequest.first(10))
                .items()).containsExactly(deal);
        assertThat(deals.opportunity(deal.id()).status()).isEqualTo(StageOutcome.OPEN);
    }
}
