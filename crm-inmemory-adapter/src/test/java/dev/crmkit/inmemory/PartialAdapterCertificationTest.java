package dev.crmkit.inmemory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import dev.crmkit.spi.Storage;
import dev.crmkit.spi.TransactionRunner;
import dev.crmkit.spi.customer.ContactPointStore;
import dev.crmkit.spi.customer.CustomerStorage;
import dev.crmkit.spi.customer.CustomerStore;
import dev.crmkit.spi.customer.RelationshipStore;
import dev.crmkit.spi.customfield.CustomFieldDefinitionStore;
import dev.crmkit.spi.idempotency.IdempotencyStore;
import dev.crmkit.spi.forecast.ForecastStorage;
import dev.crmkit.spi.lead.LeadStorage;
import dev.crmkit.spi.loyalty.LoyaltyStorage;
import dev.crmkit.spi.message.MessageStorage;
import dev.crmkit.spi.opportunity.OpportunityStorage;
import dev.crmkit.spi.outbox.OutboxStore;
import dev.crmkit.spi.scheduling.DueWorkStore;
import dev.crmkit.spi.team.TeamStorage;
import dev.crmkit.spi.ticket.ServiceLevelStorage;
import dev.crmkit.spi.ticket.TicketStorage;
import dev.crmkit.spi.touchpoint.TouchPointStorage;
import dev.crmkit.tck.StorageContract;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;

/**
 * An adapter that offers only the required core and the customer capability certifies itself with the whole contract
 * suite: everything it offers passes, and every other capability is reported as skipped with a reason naming it.
 *
 * <p>This lives beside the in-memory adapter rather than in the TCK's own tests because it borrows the in-memory stores
 * (the TCK cannot depend on an adapter that depends on it), but it exercises nothing of the in-memory adapter beyond
 * what a third party's customer-only adapter would offer.
 */
class PartialAdapterCertificationTest {

    @Test
    void an_adapter_with_only_the_core_and_customers_passes_with_every_other_capability_skipped_by_name() {
        // when
        EngineExecutionResults results = EngineTestKit.engine("junit-jupiter")
                .selectors(selectClass(CustomersOnlyContract.class))
                .execute();

        // then
        assertThat(results.testEvents().failed().stream().map(e -> e.getTestDescriptor().getDisplayName()))
                .as("contract tests that failed").isEmpty();
        assertThat(results.testEvents().succeeded().count()).as("tests run on the core and customers")
                .isGreaterThan(100);
        Set<String> skipReasons = results.testEvents().aborted().stream()
                .map(PartialAdapterCertificationTest::reason).collect(Collectors.toSet());
        assertThat(skipReasons).containsExactlyInAnyOrder(
                "Assumption failed: the storage does not offer the TouchPointStorage capability",
                "Assumption failed: the storage does not offer the TeamStorage capability",
                "Assumption failed: the storage does not offer the LeadStorage capability",
                "Assumption failed: the storage does not offer the OpportunityStorage capability",
                "Assumption failed: the storage does not offer the MessageStorage capability",
                "Assumption failed: the storage does not offer the LoyaltyStorage capability",
                "Assumption failed: the storage does not offer the ForecastStorage capability",
                "Assumption failed: the storage does not offer the TicketStorage capability",
                "Assumption failed: the storage does not offer the ServiceLevelStorage capability",
                "Assumption failed: the storage does not offer the KnowledgeBaseStorage capability",
                "Assumption failed: the storage does not offer the SatisfactionStorage capability",
                "Assumption failed: the storage does not offer the ServiceReportStorage capability");
    }

    private static String reason(Event event) {
        return event.getPayload(TestExecutionResult.class).flatMap(TestExecutionResult::getThrowable)
                .map(Throwable::getMessage).orElse("");
    }

    /** The suite on the partial adapter; run through the engine above, not by Surefire on its own. */
    static class CustomersOnlyContract extends StorageContract {
        @Override
        protected Storage newStorage() {
            return new CustomersOnlyStorage(new InMemoryStorage());
        }
    }

    /** A third party's adapter as it would be: the required core and the customer capability, nothing else. */
    static final class CustomersOnlyStorage implements Storage, CustomerStorage {
        private final InMemoryStorage stores;

        CustomersOnlyStorage(InMemoryStorage stores) {
            this.stores = stores;
        }

        @Override
        public TransactionRunner transactions() {
            return stores.transactions();
        }

        @Override
        public OutboxStore outbox() {
            return stores.outbox();
        }

        @Override
        public DueWorkStore dueWork() {
            return stores.dueWork();
        }

        @Override
        public IdempotencyStore idempotency() {
            return stores.idempotency();
        }

        @Override
        public CustomerStore customers() {
            return stores.customers();
        }

        @Override
        public ContactPointStore contactPoints() {
            return stores.contactPoints();
        }

        @Override
        public dev.crmkit.spi.customer.MatchKeyStore matchKeys() {
            return stores.matchKeys();
        }

        @Override
        public dev.crmkit.spi.customer.DuplicatePairStore duplicatePairs() {
            return stores.duplicatePairs();
        }

        @Override
        public dev.crmkit.spi.customer.DuplicateJobStore duplicateJobs() {
            return stores.duplicateJobs();
        }

        @Override
        public RelationshipStore relationships() {
            return stores.relationships();
        }

        @Override
        public CustomFieldDefinitionStore customFieldDefinitions() {
            return stores.customFieldDefinitions();
        }
    }

    @Test
    void the_partial_adapter_offers_what_it_implements_and_nothing_more() {
        Storage partial = new CustomersOnlyStorage(new InMemoryStorage());

        assertThat(partial.offers(CustomerStorage.class)).isTrue();
        assertThat(List.of(TouchPointStorage.class, TeamStorage.class, LeadStorage.class, OpportunityStorage.class,
                MessageStorage.class, LoyaltyStorage.class, ForecastStorage.class, TicketStorage.class,
                ServiceLevelStorage.class)).noneMatch(partial::offers);
    }
}
