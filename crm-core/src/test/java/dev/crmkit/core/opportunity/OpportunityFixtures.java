package dev.crmkit.core.opportunity;

import dev.crmkit.core.common.Actor;
import dev.crmkit.core.common.Money;
import dev.crmkit.core.port.PublishedEvent;
import dev.crmkit.core.team.MemberDetails;
import dev.crmkit.core.team.TeamService;
import dev.crmkit.core.touchpoint.TouchPointFixtures;
import dev.crmkit.model.opportunity.ForecastCategory;
import dev.crmkit.model.opportunity.PipelineStage;
import dev.crmkit.model.opportunity.ReopenRule;
import dev.crmkit.model.team.TeamRole;
import java.util.List;
import java.util.UUID;

/** The kernel of {@link TouchPointFixtures} with the opportunity service, a rep and a customer of the tenant. */
final class OpportunityFixtures {
    static final Actor ANA = Actor.user("ana-7");

    final TouchPointFixtures kernel = new TouchPointFixtures();
    final OpportunityService deals = kernel.tenant(TouchPointFixtures.TENANT).service(OpportunityService.class);
    final OpportunityService otherTenant = kernel.tenant(TouchPointFixtures.OTHER_TENANT)
            .service(OpportunityService.class);
    final UUID rep = kernel.tenant(TouchPointFixtures.TENANT).service(TeamService.class)
            .add(MemberDetails.of("ana-7", "Ana Souza", TeamRole.SALES_REP)).id();
    final UUID customer = kernel.organization("Globex Retail").id();

    /** Discovery 10 % (norm 7 days), demo 40 % (no norm), won, lost; with the given reopen rule. */
    static DefinePipeline shortPipeline(String name, ReopenRule rule) {
        return DefinePipeline.of(name, List.of(
                PipelineStage.open("discovery", "Discovery", 10, ForecastCategory.PIPELINE, 7),
                PipelineStage.open("demo", "Demo", 40, ForecastCategory.BEST_CASE, null),
                PipelineStage.won("won", "Won"),
                PipelineStage.lost("lost", "Lost"))).withReopenRule(rule);
    }

    /** A deal of the customer worth 1,000 EUR owned by the rep, in the default pipeline. */
    OpenOpportunity webShopDeal() {
        return OpenOpportunity.of(customer, "Web shop relaunch").ownedBy(rep).withAmount(Money.of("1000.00", "EUR"));
    }

    /** Relays the outbox and returns the pipeline and opportunity events published so far, in order. */
    List<PublishedEvent> dealEvents() {
        return kernel.publishAll().stream().filter(e -> e.aggregateType().equals(OpportunityEvent.OPPORTUNITY)
                || e.aggregateType().equals(OpportunityEvent.PIPELINE)).toList();
    }

    /** The types of {@link #dealEvents()}. */
    List<String> dealTypes() {
        return dealEvents().stream().map(PublishedEvent::type).toList();
    }

    long storedDeals() {
        return kernel.stores(dev.crmkit.spi.opportunity.OpportunityStorage.class).opportunities().find(TouchPointFixtures.TENANT,
                dev.crmkit.model.opportunity.OpportunityFilter.all(), dev.crmkit.model.PageRequest.first(1000))
                .items().size();
    }
}
