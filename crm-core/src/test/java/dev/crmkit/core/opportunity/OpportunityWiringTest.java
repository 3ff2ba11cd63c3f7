package dev.crmkit.core.opportunity;

import static dev.crmkit.core.opportunity.OpportunityFixtures.ANA;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.crmkit.core.Crm;
import dev.crmkit.core.TenantCrm;
import dev.crmkit.core.common.Money;
import dev.crmkit.core.port.RecordingEventListener;
import dev.crmkit.core.touchpoint.MutableClock;
import dev.crmkit.core.touchpoint.TouchPointFixtures;
import dev.crmkit.inmemory.InMemoryStorage;
import dev.crmkit.model.ValidationException;
import dev.crmkit.model.customer.LifecycleStage;
import dev.crmkit.model.customer.PartyKind;
import dev.crmkit.spi.customer.CustomerRecord;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class OpportunityWiringTest {
    private final InMemoryStorage storage = new InMemoryStorage();
    private final MutableClock clock = new MutableClock(TouchPointFixtures.START);
    private final RecordingEventListener listener = new RecordingEventListener();
    private final Crm crm = Crm.builder().storage(storage).clock(clock).listener(listener).build();
    private final TenantCrm acme = crm.tenant("acme");
    private final UUID customer = UUID.randomUUID();

    OpportunityWiringTest() {
        storage.customers().insert(new CustomerRecord("acme", customer, 1, clock.instant(), clock.instant(),
                PartyKind.ORGANIZATION, "Initech", null, null, null, null, null, LifecycleStage.CUSTOMER,
                null, Set.of(), Map.of(), null));
    }

    @Test
    void crm_runs_the_stalled_alert_of_a_deal_opened_through_the_tenant_handle() {
        Opportunity deal = acme.service(OpportunityService.class).open(OpenOpportunity.of(customer, "Renewal")
                .withAmount(Money.of("10", "EUR")), ANA);

        clock.advance(Duration.ofDays(14));
        crm.scheduler().runDueWork();
        crm.relay().relayOnce();

        assertThat(listener.received()).extracting(e -> e.type() + " " + e.aggregateId()).contains(
                "opportunity.opened " + deal.id(), "opportunity.stalled " + deal.id());
    }

    @Test
    void open_joins_the_callers_transaction_so_a_failing_caller_leaves_no_deal() {
        assertThatThrownBy(() -> storage.transactions().run(() -> {
            acme.service(OpportunityService.class).open(OpenOpportunity.of(customer, "From a lead").fromLead(UUID.randomUUID(), "web"),
                    ANA);
            throw new IllegalStateException("lead conversion failed afterwards");
        })).isInstanceOf(IllegalStateException.class);

        assertThat(acme.service(OpportunityService.class).opportunities(dev.crmkit.model.opportunity.OpportunityFilter.all(),
                dev.crmkit.model.PageRequest.first(10)).items()).isEmpty();
        assertThat(acme.service(OpportunityService.class).pipelines(dev.crmkit.model.PageRequest.first(10)).items()).isEmpty();
        assertThat(crm.relay().relayOnce().claimed()).as("no event left in the outbox").isZero();
        clock.advance(Duration.ofDays(30));
        assertThat(crm.scheduler().runDueWork().claimed()).as("no stalled alert scheduled").isZero();
    }

    @Test
    void a_rejected_open_caught_inside_the_callers_transaction_writes_nothing_not_even_the_default_pipeline() {
        storage.transactions().run(() -> assertThatThrownBy(() -> acme.service(OpportunityService.class).open(
                OpenOpportunity.of(customer, "Deal").inStage("no-such-stage"), ANA))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("stageKey")));

        assertThat(acme.service(OpportunityService.class).pipelines(dev.crmkit.model.PageRequest.first(10)).items()).isEmpty();
        assertThat(crm.relay().relayOnce().claimed()).isZero();
    }
}
