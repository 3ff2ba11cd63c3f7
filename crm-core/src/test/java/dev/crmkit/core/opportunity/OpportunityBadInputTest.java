package dev.crmkit.core.opportunity;

import static dev.crmkit.core.opportunity.OpportunityFixtures.ANA;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.crmkit.core.common.Money;
import dev.crmkit.model.PageRequest;
import dev.crmkit.model.ValidationException;
import dev.crmkit.model.opportunity.ContactRole;
import dev.crmkit.model.opportunity.ForecastCategory;
import dev.crmkit.model.opportunity.OpportunityContact;
import dev.crmkit.model.opportunity.PipelineStage;
import dev.crmkit.model.opportunity.ReopenRule;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class OpportunityBadInputTest {
    private final OpportunityFixtures f = new OpportunityFixtures();
    private final OpportunityService deals = f.deals;

    private void assertRejected(String field, Supplier<?> command) {
        assertThatThrownBy(command::get).as(field)
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo(field));
    }

    @Test
    void bad_deals_are_rejected_naming_the_field_and_leave_nothing_behind() {
        UUID organization = f.kernel.organization("Not a person").id();
        UUID foreignRep = UUID.randomUUID();
        Map<String, OpenOpportunity> bad = Map.ofEntries(
                Map.entry("name", OpenOpportunity.of(f.customer, " ")),
                Map.entry("customerId", OpenOpportunity.of(UUID.randomUUID(), "Deal")),
                Map.entry("ownerId", f.webShopDeal().ownedBy(foreignRep)),
                Map.entry("amount", f.webShopDeal().withAmount(Money.of("-1", "EUR"))),
                Map.entry("probability", f.webShopDeal().withProbability(101)),
                Map.entry("pipelineId", f.webShopDeal().inPipeline(UUID.randomUUID())),
                Map.entry("stageKey", f.webShopDeal().inStage("closed-won")),
                Map.entry("contacts[].personId", f.webShopDeal().withContacts(
                        Set.of(new OpportunityContact(organization, ContactRole.CHAMPION)))),
                Map.entry("competitors[]", f.webShopDeal().withCompetitors(Set.of(" "))),
                Map.entry("leadSource", f.webShopDeal().fromLead(null, "x".repeat(65))),
                Map.entry("lineItems[1].unitPrice", f.webShopDeal().withAmount(null).withLineItems(List.of(
                        LineItem.of("a", "1", Money.of("10", "EUR")), LineItem.of("b", "1", Money.of("10", "USD"))))));

        bad.forEach((field, command) -> assertRejected(field, () -> deals.open(command, ANA)));
        assertRejected("amount", () -> deals.open(f.webShopDeal().withLineItems(List.of(
                LineItem.of("a", "2", Money.of("10", "EUR")))), ANA));

        assertThat(f.storedDeals()).isZero();
        assertThat(deals.pipelines(PageRequest.first(10)).items()).as("no default pipeline left behind").isEmpty();
        assertThat(f.dealTypes()).isEmpty();
    }

    @Test
    void a_revision_naming_an_unknown_owner_or_contact_is_rejected_and_changes_nothing() {
        Opportunity deal = deals.open(f.webShopDeal(), ANA);
        UUID organization = f.kernel.organization("Not a person").id();

        assertRejected("ownerId", () -> deals.revise(deal.id(), OpportunityDetails.of(deal)
                .withOwner(UUID.randomUUID())));
        assertRejected("contacts[].personId", () -> deals.revise(deal.id(), OpportunityDetails.of(deal)
                .withContacts(Set.of(new OpportunityContact(organization, ContactRole.CHAMPION)))));

        assertThat(deals.opportunity(deal.id())).isEqualTo(deal);
        assertThat(f.dealTypes()).doesNotContain("opportunity.changed");
    }

    @Test
    void line_item_values_are_checked_where_they_are_made() {
        assertRejected("quantity", () -> LineItem.of("sku", "0", Money.of("1", "EUR")));
        assertRejected("quantity", () -> LineItem.of("sku", "1.00001", Money.of("1", "EUR")));
        assertRejected("discountPercent", () -> LineItem.of("sku", "1", Money.of("1", "EUR")).withDiscount("100.5"));
        assertRejected("productRef", () -> LineItem.of(" ", "1", Money.of("1", "EUR")));
        assertRejected("unitPrice", () -> LineItem.of("sku", "1", Money.of("-1", "EUR")));
    }

    @Test
    void bad_pipelines_are_rejected_and_stages_in_use_stay() {
        PipelineStage open = PipelineStage.open("a", "A", 10, ForecastCategory.PIPELINE, null);
        assertRejected("stages", () -> deals.definePipeline(DefinePipeline.of("No lost stage",
                List.of(open, PipelineStage.won("w", "W")))));
        assertRejected("stages[3].key", () -> deals.definePipeline(DefinePipeline.of("Twice",
                List.of(open, PipelineStage.won("w", "W"), PipelineStage.lost("l", "L"), open))));
        assertRejected("key", () -> PipelineStage.open("Not Lower", "X", 10, ForecastCategory.PIPELINE, null));
        assertRejected("normDays", () -> new PipelineStage("w", "W", 100, ForecastCategory.CLOSED,
                dev.crmkit.model.opportunity.StageOutcome.WON, 3));
        assertRejected("reopenRule.days", () -> ReopenRule.withinDays(0));
        assertThat(deals.pipelines(PageRequest.first(10)).items()).isEmpty();

        Pipeline pipeline = deals.definePipeline(OpportunityFixtures.shortPipeline("Direct", ReopenRule.never()));
        deals.moveToStage(deals.open(f.webShopDeal().inPipeline(pipeline.id()), ANA).id(), "demo", ANA);
        DefinePipeline withoutDemo = DefinePipeline.of("Direct", List.of(pipeline.stages().get(0),
                pipeline.stages().get(2), pipeline.stages().get(3)));
        assertRejected("stages", () -> deals.redefinePipeline(pipeline.id(), withoutDemo));
        DefinePipeline withoutDiscovery = DefinePipeline.of("Direct 2", pipeline.stages().subList(1, 4));

        Pipeline redefined = deals.redefinePipeline(pipeline.id(), withoutDiscovery);

        assertThat(redefined.version()).isEqualTo(2);
        assertThat(redefined.stages()).extracting(PipelineStage::key).containsExactly("demo", "won", "lost");
        assertThat(deals.pipeline(pipeline.id())).isEqualTo(redefined);
    }
}
