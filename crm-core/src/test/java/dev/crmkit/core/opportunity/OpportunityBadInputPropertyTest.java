package dev.crmkit.core.opportunity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.strings;

import dev.crmkit.core.common.Actor;
import dev.crmkit.core.common.Money;
import dev.crmkit.core.touchpoint.TouchPointFixtures;
import dev.crmkit.model.CrmException;
import dev.crmkit.model.PageRequest;
import dev.crmkit.model.opportunity.ContactRole;
import dev.crmkit.model.opportunity.ForecastCategory;
import dev.crmkit.model.opportunity.OpportunityContact;
import dev.crmkit.model.opportunity.OpportunityFilter;
import dev.crmkit.model.opportunity.PipelineStage;
import dev.crmkit.model.opportunity.ReportPeriod;
import dev.crmkit.spi.opportunity.OpportunityRecord;
import dev.crmkit.spi.opportunity.OpportunityStorage;
import dev.crmkit.spi.opportunity.PipelineRecord;
import dev.crmkit.spi.opportunity.StageChangeRecord;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/**
 * Garbage thrown at every public method of {@link OpportunityService} (and its reports) is rejected with a
 * {@link CrmException} subtype, never another runtime error, and a rejected call leaves the deals, their stage
 * histories, the pipelines and the outbox as they were.
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class OpportunityBadInputPropertyTest {
    private static final String HUGE = "x".repeat(100_000);

    private final OpportunityFixtures fixtures = new OpportunityFixtures();
    private final OpportunityService deals = fixtures.deals;
    private final UUID deal = deals.open(fixtures.webShopDeal(), OpportunityFixtures.ANA).id();
    private final UUID pipeline = deals.defaultPipeline().id();

    record Garbage(String text, String other, UUID id, Integer number) {
    }

    private static Gen<String> nastyStrings() {
        Gen<String> nasty = Generate.pick(Arrays.asList(null, "", " ", "\t\n", HUGE, "\uD800", "a\u0000b", "-1",
                "1e9", "0.001", "99999999999999999999", "EUR", "eur", "ZZZ", "XXX", "discovery", "won", "lost",
                "qualification", "\uD83D\uDE00", "' OR 1=1 --"));
        return nasty.mix(strings().allPossible().ofLengthBetween(0, 40), 30);
    }

    private Gen<UUID> ids() {
        return Generate.pick(Arrays.asList(null, UUID.randomUUID(), new UUID(0, 0), deal, pipeline, fixtures.customer,
                fixtures.rep));
    }

    private Gen<Garbage> garbage() {
        return nastyStrings().zip(nastyStrings(), ids(),
                Generate.pick(Arrays.asList(null, -1, 0, 5, 101, Integer.MAX_VALUE, Integer.MIN_VALUE)), Garbage::new);
    }

    private static Money money(String amount, String currency) {
        return Money.of(amount, currency);
    }

    private static Actor actor(String text) {
        return text == null ? null : Actor.user(text);
    }

    private List<Consumer<Garbage>> calls() {
        List<Consumer<Garbage>> calls = new ArrayList<>();
        calls.add(g -> deals.open(new OpenOpportunity(g.id(), g.text(), g.id(), g.other(), g.id(), null, g.number(),
                ForecastCategory.PIPELINE, null, List.of(), Set.of(), Set.of(), g.id(), g.other()), actor(g.text())));
        calls.add(g -> deals.open(OpenOpportunity.of(fixtures.customer, g.text()).withAmount(money(g.other(), "EUR")),
                OpportunityFixtures.ANA));
        calls.add(g -> deals.open(OpenOpportunity.of(fixtures.customer, "Deal").withAmount(money("10", g.text())),
                OpportunityFixtures.ANA));
        calls.add(g -> deals.open(OpenOpportunity.of(fixtures.customer, "Deal").withLineItems(List.of(
                LineItem.of(g.text(), g.other(), Money.of("10", "EUR")))), OpportunityFixtures.ANA));
        calls.add(g -> deals.open(OpenOpportunity.of(fixtures.customer, "Deal")
                .withProbability(g.number() == null ? 0 : g.number())
                .withCompetitors(g.text() == null ? null : Set.of(g.text()))
                .withContacts(g.id() == null ? null : Set.of(new OpportunityContact(g.id(), ContactRole.CHAMPION)))
                .inStage(g.other()), OpportunityFixtures.ANA));
        calls.add(g -> deals.open(null, OpportunityFixtures.ANA));
        calls.add(g -> deals.open(fixtures.webShopDeal(), OpportunityFixtures.ANA, g.text()));
        calls.add(g -> deals.open(OpenOpportunity.of(g.id(), g.other()), OpportunityFixtures.ANA, "deal-form-1"));
        calls.add(g -> deals.revise(g.id(), new OpportunityDetails(g.text(), g.id(), null,
                g.number() == null ? 0 : g.number(), ForecastCategory.COMMIT,
                g.other() == null ? null : LocalDate.of(2026, 1, 1), List.of(), Set.of(), Set.of())));
        calls.add(g -> deals.revise(deal, g.text() == null ? null : new OpportunityDetails(g.text(), fixtures.rep,
                money(g.other(), "EUR"), 10, ForecastCategory.PIPELINE, null, List.of(), Set.of(), Set.of())));
        calls.add(g -> deals.moveToStage(g.id(), g.text(), actor(g.other())));
        calls.add(g -> deals.moveToStage(deal, g.text(), OpportunityFixtures.ANA));
        calls.add(g -> deals.closeWon(g.id(), g.text(), actor(g.other())));
        calls.add(g -> deals.closeLost(g.id(), g.text(), actor(g.other())));
        calls.add(g -> deals.reopen(g.id(), g.text(), actor(g.other())));
        calls.add(g -> deals.opportunity(g.id()));
        calls.add(g -> deals.opportunities(g.text() == null ? null : OpportunityFilter.all().ofCustomer(g.id()),
                g.other() == null ? null : PageRequest.first(10)));
        calls.add(g -> deals.stageHistory(g.id()));
        calls.add(g -> deals.pipeline(g.id()));
        calls.add(g -> deals.pipelines(g.text() == null ? null : PageRequest.first(10)));
        calls.add(g -> deals.definePipeline(DefinePipeline.of(g.text(), List.of(
                PipelineStage.open(g.other(), g.text(), g.number() == null ? 0 : g.number(), ForecastCategory.PIPELINE,
                        g.number()), PipelineStage.won("won", "Won"), PipelineStage.lost("lost", "Lost")))));
        calls.add(g -> deals.definePipeline(g.text() == null ? null : DefinePipeline.of(g.text(), List.of())));
        calls.add(g -> deals.redefinePipeline(g.id(), DefinePipeline.of(g.text(), List.of(
                PipelineStage.open("discovery", g.other(), 10, ForecastCategory.PIPELINE, null),
                PipelineStage.won("won", "Won"), PipelineStage.lost("lost", "Lost")))));
        calls.add(g -> deals.reports().winRate(g.text() == null ? null
                : new ReportPeriod(Instant.now(), g.other() == null ? Instant.EPOCH : Instant.now())));
        calls.add(g -> deals.reports().averageDealSize(g.text() == null ? null : new ReportPeriod(Instant.EPOCH,
                Instant.now())));
        calls.add(g -> deals.reports().pipelineByStageAndOwner(g.id()));
        calls.add(g -> deals.reports().funnel(g.id()));
        calls.add(g -> deals.reports().leaderboard(null));
        return calls;
    }

    record Snapshot(List<OpportunityRecord> deals, List<StageChangeRecord> history, List<PipelineRecord> pipelines,
            long outbox) {
    }

    private Snapshot snapshot() {
        var storage = fixtures.kernel.storage;
        var deals = fixtures.kernel.stores(OpportunityStorage.class);
        return new Snapshot(deals.opportunities().find(TouchPointFixtures.TENANT, OpportunityFilter.all(),
                PageRequest.first(1000)).items(), deals.opportunities().stageHistory(TouchPointFixtures.TENANT, deal),
                deals.pipelines().list(TouchPointFixtures.TENANT, PageRequest.first(1000)).items(),
                storage.outbox().countUndelivered());
    }

    @Test
    void garbage_yields_only_crm_exceptions_and_leaves_storage_unchanged() {
        List<Consumer<Garbage>> calls = calls();
        qt().withExamples(1000).forAll(integers().between(0, calls.size() - 1), garbage()).checkAssert((index, g) -> {
            Snapshot before = snapshot();
            try {
                calls.get(index).accept(g);
            } catch (CrmException rejected) {
                assertThat(snapshot()).as("storage after rejected call %d", index).isEqualTo(before);
                assertThat(rejected.getMessage()).doesNotContain(HUGE.substring(0, 50));
            }
        });
    }
}
