package dev.crmkit.core.opportunity;

import static dev.crmkit.core.opportunity.OpportunityFixtures.ANA;
import static org.assertj.core.api.Assertions.assertThat;

import dev.crmkit.model.opportunity.ForecastCategory;
import dev.crmkit.model.opportunity.PipelineStage;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

/** A deal's and a pipeline's text follow the one text rule ({@code dev.crmkit.core.common.Text}). */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class OpportunityTextTest {
    private final OpportunityFixtures f = new OpportunityFixtures();
    private final OpportunityService deals = f.deals;

    @Test
    void a_pipeline_and_its_stage_names_are_stored_stripped() {
        // when
        Pipeline pipeline = deals.definePipeline(DefinePipeline.of("  Direct sales ", List.of(
                PipelineStage.open("discovery", " Discovery\n", 10, ForecastCategory.PIPELINE, 7),
                PipelineStage.won("won", "Won "), PipelineStage.lost("lost", " Lost"))));

        // then
        Pipeline stored = deals.pipeline(pipeline.id());
        assertThat(stored.name()).isEqualTo("Direct sales");
        assertThat(stored.stages()).extracting(PipelineStage::name).containsExactly("Discovery", "Won", "Lost");
    }

    @Test
    void a_deal_name_and_competitors_are_stored_stripped() {
        // when
        Opportunity deal = deals.open(OpenOpportunity.of(f.customer, "  Web shop relaunch ").ownedBy(f.rep)
                .withCompetitors(Set.of(" Initech ")), ANA);

        // then
        Opportunity stored = deals.opportunity(deal.id());
        assertThat(stored.name()).isEqualTo("Web shop relaunch");
        assertThat(stored.competitors()).containsExactly("Initech");
    }

    @Test
    void a_blank_reason_for_a_won_deal_counts_as_none_and_a_lost_reason_is_stored_stripped() {
        // given
        Opportunity first = deals.open(f.webShopDeal(), ANA);
        Opportunity second = deals.open(f.webShopDeal(), ANA);

        // when
        Opportunity won = deals.closeWon(first.id(), "   ", ANA);
        Opportunity lost = deals.closeLost(second.id(), " Went with a competitor\n", ANA);

        // then
        assertThat(won.closeReason()).isNull();
        assertThat(lost.closeReason()).isEqualTo("Went with a competitor");
    }
}
