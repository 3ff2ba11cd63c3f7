package dev.crmkit.tck;

import dev.crmkit.spi.Storage;
import dev.crmkit.spi.StorageCapability;
import dev.crmkit.spi.customer.CustomerStorage;
import dev.crmkit.spi.forecast.ForecastStorage;
import dev.crmkit.spi.lead.LeadStorage;
import dev.crmkit.spi.loyalty.LoyaltyStorage;
import dev.crmkit.spi.message.MessageStorage;
import dev.crmkit.spi.opportunity.OpportunityStorage;
import dev.crmkit.spi.team.TeamStorage;
import dev.crmkit.spi.ticket.KnowledgeBaseStorage;
import dev.crmkit.spi.ticket.SatisfactionStorage;
import dev.crmkit.spi.ticket.ServiceReportStorage;
import dev.crmkit.spi.ticket.ServiceLevelStorage;
import dev.crmkit.spi.ticket.TicketStorage;
import dev.crmkit.spi.touchpoint.TouchPointStorage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Nested;

/**
 * The storage contract suite. An adapter certifies itself by extending this class in its own tests and
 * supplying a fresh, empty {@link Storage} for every test:
 *
 * <pre>{@code
 * class MyStorageContractTest extends StorageContract {
 *     protected Storage newStorage() { return MyStorage.inFreshSchema(); }
 * }
 * }</pre>
 *
 * <p>The suite is grouped by capability: the required {@link Core} first, then one {@code @Nested} group per
 * {@link StorageCapability}, each holding a public {@code @Nested} class per store or property, so a report shows
 * which store broke which promise. An adapter that does not offer a capability sees that capability's group
 * skipped, with an assumption naming the capability; a test in another group that needs the stores of a capability
 * the adapter lacks is skipped the same way. Properties (round trip, paging, tenant isolation, criteria) are
 * generated with QuickTheories.
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
public abstract class StorageContract {
    private Storage current;

    /** A storage with no data at all, for one test. Called once before every test. */
    protected abstract Storage newStorage();

    /** Releases what {@link #newStorage()} opened; the default does nothing. */
    protected void closeStorage(Storage storage) {
    }

    @BeforeEach
    void openStorage() {
        current = newStorage();
    }

    @AfterEach
    void releaseStorage() {
        if (current != null) {
            closeStorage(current);
        }
    }

    Storage current() {
        return current;
    }

    /** Skips the tests of a group whose capability the storage under test does not offer. */
    void requireCapability(Class<? extends StorageCapability> type) {
        ContractSupport.require(current, type);
    }

    /** The contracts of the required core: units, outbox, due work and idempotency keys. */
    @Nested
    public class Core {
        /** The contract of {@link CapabilityContract}. */
        @Nested
        public class Capabilities extends CapabilityContract {
            @Override
            protected Storage storage() {
                return current();
            }
        }

        /** The contract of {@link IdempotencyStoreContract}. */
        @Nested
        public class Idempotency_keys extends IdempotencyStoreContract {
            @Override
            protected Storage storage() {
                return current();
            }
        }

        /** The contract of {@link OutboxStoreContract}. */
        @Nested
        public class Outbox extends OutboxStoreContract {
            @Override
            protected Storage storage() {
                return current();
            }
        }

        /** The contract of {@link DueWorkStoreContract}. */
        @Nested
        public class Due_work extends DueWorkStoreContract {
            @Override
            protected Storage storage() {
                return current();
            }
        }

        /** The contract of {@link TransactionContract}. */
        @Nested
        public class Transactions extends TransactionContract {
            @Override
            protected Storage storage() {
                return current();
            }
        }
    }

    /** The contracts of the {@link CustomerStorage} capability. */
    @Nested
    public class Customer_capability {
        @BeforeEach
        void requireTheCapability() {
            requireCapability(CustomerStorage.class);
        }

        /** The contract of {@link CustomerStoreContract}. */
        @Nested
        public class Customers extends CustomerStoreContract {
            @Override
            protected Storage storage() {
                return current();
            }
        }

        /** The contract of {@link CustomerPagingProperties}. */
        @Nested
        public class Customer_paging extends CustomerPagingProperties {
            @Override
            protected Storage storage() {
                return current();
            }
        }

        /** The contract of {@link CriteriaProperties}. */
        @Nested
        public class Criteria extends CriteriaProperties {
            @Override
            protected Storage storage() {
                return current();
            }
        }

        /** The contract of {@link BatchLookupContract}. */
        @Nested
        public class Batch_lookups extends BatchLookupContract {
            @Override
            protected Storage storage() {
                return current();
            }
        }

        /** The contract of {@link ContactPointStoreContract}. */
        @Nested
        public class Contact_points extends ContactPointStoreContract {
            @Override
            protected Storage storage() {
                return current();
            }
        }

        /** The contract of {@link DuplicatePairStoreContract}. */
        @Nested
        public class Duplicate_pairs extends DuplicatePairStoreContract {
            @Override
            protected Storage storage() {
                return current();
            }
        }

        /** The contract of {@link DuplicateJobStoreContract}. */
        @Nested
        public class Duplicate_jobs extends DuplicateJobStoreContract {
            @Override
            protected Storage storage() {
                return current();
            }
        }

        /** The contract of {@link MatchKeyStoreContract}. */
        @Nested
        public class Match_keys extends MatchKeyStoreContract {
            @Override
            protected Storage storage() {
                return current();
            }
        }

        /** The contract of {@link RelationshipStoreContract}. */
        @Nested
        public class Relationships extends RelationshipStoreContract {
            @Override
            protected Storage storage() {
                return current();
            }
        }

        /** The contract of {@link CustomFieldDefinitionStoreContract}. */
        @Nested
        public class Custom_field_definitions extends CustomFieldDefinitionStoreContract {
            @Override
            protected Storage storage() {
                return current();
            }
        }

        /** The contract of {@link TenantIsolationProperties}. */
        @Nested
        public class Tenant_isolation extends TenantIsolationProperties {
            @Override
            protected Storage storage() {
                return current();
            }
        }
    }

    /** The contracts of the {@link TouchPointStorage} capability. */
    @Nested
    public class Touch_point_capability {
        @BeforeEach
        void requireTheCapability() {
            requireCapability(TouchPointStorage.class);
        }

        /** The contract of {@link InteractionStoreContract}. */
        @Nested
        public class Interactions extends InteractionStoreContract {
            @Override
            protected Storage storage() {
                return current();
            }
        }

        /** The contract of {@link TimelinePagingProperties}. */
        @Nested
        public class Timeline_paging extends TimelinePagingProperties {
            @Override
            protected Storage storage() {
                return current();
            }
        }

        /** The contract of {@link TaskStoreContract}. */
        @Nested
        public class Tasks extends TaskStoreContract {
            @Override
            protected Storage storage() {
                return current();
            }
        }
    }

    /** The contracts of the {@link TeamStorage} capability. */
    @Nested
    public class Team_capability {
        @BeforeEach
        void requireTheCapability() {
            requireCapability(TeamStorage.class);
        }

        /** The contract of {@link TeamMemberStoreContract}. */
        @Nested
        public class Team_members extends TeamMemberStoreContract {
            @Override
            protected Storage storage() {
                return current();
            }
        }

        /** The contract of {@link TeamStoreContract}. */
        @Nested
        public class Teams extends TeamStoreContract {
            @Override
            protected Storage storage() {
                return current();
            }
        }

        /** The contract of {@link WorkingHoursStoreContract}. */
        @Nested
        public class Working_hours extends WorkingHoursStoreContract {
            @Override
            protected Storage storage() {
                return current();
            }
        }

        /** The contract of {@link TeamFilterProperties}. */
        @Nested
        public class Team_filters extends TeamFilterProperties {
            @Override
            protected Storage storage() {
                return current();
            }
        }
    }

    /** The contracts of the {@link LeadStorage} capability. */
    @Nested
    public class Lead_capability {
        @BeforeEach
        void requireTheCapability() {
            requireCapability(LeadStorage.class);
        }

        /** The contract of {@link LeadStoreContract}. */
        @Nested
        public class Leads extends LeadStoreContract {
            @Override
            protected Storage storage() {
                return current();
            }
        }

        /** The contract of {@link LeadLoadContract}. */
        @Nested
        public class Lead_load extends LeadLoadContract {
            @Override
            protected Storage storage() {
                return current();
            }
        }

        /** The contract of {@link LeadLoadProperties}. */
        @Nested
        public class Lead_load_properties extends LeadLoadProperties {
            @Override
            protected Storage storage() {
                return current();
            }
        }

        /** The contract of {@link LeadFilterProperties}. */
        @Nested
        public class Lead_filters extends LeadFilterProperties {
            @Override
            protected Storage storage() {
                return current();
            }
        }

        /** The contract of {@link CaptureLookupContract}. */
        @Nested
        public class Capture_lookups extends CaptureLookupContract {
            @Override
            protected Storage storage() {
                return current();
            }
        }

        /** The contract of {@link LeadModelStoreContract}. */
        @Nested
        public class Lead_models extends LeadModelStoreContract {
            @Override
            protected Storage storage() {
                return current();
            }
        }
    }

    /** The contracts of the {@link OpportunityStorage} capability. */
    @Nested
    public class Opportunity_capability {
        @BeforeEach
        void requireTheCapability() {
            requireCapability(OpportunityStorage.class);
        }

        /** The contract of {@link PipelineStoreContract}. */
        @Nested
        public class Pipelines extends PipelineStoreContract {
            @Override
            protected Storage storage() {
                return current();
            }
        }

        /** The contract of {@link OpportunityStoreContract}. */
        @Nested
        public class Opportunities extends OpportunityStoreContract {
            @Override
            protected Storage storage() {
                return current();
            }
        }

        /** The contract of {@link OpportunityFilterProperties}. */
        @Nested
        public class Opportunity_filters extends OpportunityFilterProperties {
            @Override
            protected Storage storage() {
                return current();
            }
        }

        /** The contract of {@link SalesReportContract}. */
        @Nested
        public class Sales_reports extends SalesReportContract {
            @Override
            protected Storage storage() {
                return current();
            }
        }

        /** The contract of {@link SalesReportProperties}. */
        @Nested
        public class Sales_report_properties extends SalesReportProperties {
            @Override
            protected Storage storage() {
                return current();
            }
        }

        /** The contract of {@link PipelineForecastContract}. */
        @Nested
        public class Pipeline_forecast extends PipelineForecastContract {
            @Override
            protected Storage storage() {
                return current();
            }
        }
    }

    /** The contracts of the {@link MessageStorage} capability. */
    @Nested
    public class Message_capability {
        @BeforeEach
        void requireTheCapability() {
            requireCapability(MessageStorage.class);
        }

        /** The contract of {@link MessageStoreContract}. */
        @Nested
        public class Messages extends MessageStoreContract {
            @Override
            protected Storage storage() {
                return current();
            }
        }

        /** The contract of {@link MessagePagingProperties}. */
        @Nested
        public class Message_paging extends MessagePagingProperties {
            @Override
            protected Storage storage() {
                return current();
            }
        }

        /** The contract of {@link SendRateStoreContract}. */
        @Nested
        public class Send_rates extends SendRateStoreContract {
            @Override
            protected Storage storage() {
                return current();
            }
        }
    }

    /** The contracts of the {@link ForecastStorage} capability. */
    @Nested
    public class Forecast_capability {
        @BeforeEach
        void requireTheCapability() {
            requireCapability(ForecastStorage.class);
        }

        /** The contract of {@link QuotaStoreContract}. */
        @Nested
        public class Quotas extends QuotaStoreContract {
            @Override
            protected Storage storage() {
                return current();
            }
        }

        /** The contract of {@link SubmissionStoreContract}. */
        @Nested
        public class Submissions extends SubmissionStoreContract {
            @Override
            protected Storage storage() {
                return current();
            }
        }

        /** The contract of {@link SnapshotStoreContract}. */
        @Nested
        public class Snapshots extends SnapshotStoreContract {
            @Override
            protected Storage storage() {
                return current();
            }
        }
    }

    /** The contracts of the {@link LoyaltyStorage} capability. */
    @Nested
    public class Loyalty_capability {
        @BeforeEach
        void requireTheCapability() {
            requireCapability(LoyaltyStorage.class);
        }

        /** The contract of {@link PurchaseStoreContract}. */
        @Nested
        public class Purchases extends PurchaseStoreContract {
            @Override
            protected Storage storage() {
                return current();
            }
        }

        /** The contract of {@link LedgerStoreContract}. */
        @Nested
        public class Memberships_and_ledger extends LedgerStoreContract {
            @Override
            protected Storage storage() {
                return current();
            }
        }

        /** The contract of {@link PostingContract}. */
        @Nested
        public class Postings extends PostingContract {
            @Override
            protected Storage storage() {
                return current();
            }
        }

        /** The contract of {@link AccrualStoreContract}. */
        @Nested
        public class Accruals extends AccrualStoreContract {
            @Override
            protected Storage storage() {
                return current();
            }
        }

        /** The contract of {@link ProgrammeStoreContract}. */
        @Nested
        public class Programmes extends ProgrammeStoreContract {
            @Override
            protected Storage storage() {
                return current();
            }
        }

        /** The contract of {@link TierStoreContract}. */
        @Nested
        public class Tiers extends TierStoreContract {
            @Override
            protected Storage storage() {
                return current();
            }
        }

        /** The contract of {@link RewardStoreContract}. */
        @Nested
        public class Rewards extends RewardStoreContract {
            @Override
            protected Storage storage() {
                return current();
            }
        }

        /** The contract of {@link LedgerReportContract}. */
        @Nested
        public class Ledger_reports extends LedgerReportContract {
            @Override
            protected Storage storage() {
                return current();
            }
        }
    }

    /** The contracts of the {@link TicketStorage} capability. */
    @Nested
    public class Ticket_capability {
        @BeforeEach
        void requireTheCapability() {
            requireCapability(TicketStorage.class);
        }

        /** The contract of {@link TicketStoreContract}. */
        @Nested
        public class Tickets extends TicketStoreContract {
            @Override
            protected Storage storage() {
                return current();
            }
        }
    }

    /** The contracts of the {@link ServiceLevelStorage} capability. */
    @Nested
    public class Service_level_capability {
        @BeforeEach
        void requireTheCapability() {
            requireCapability(ServiceLevelStorage.class);
        }

        /** The contract of {@link BusinessCalendarStoreContract}. */
        @Nested
        public class Business_calendars extends BusinessCalendarStoreContract {
            @Override
            protected Storage storage() {
                return current();
            }
        }

        /** The contract of {@link SlaPolicyStoreContract}. */
        @Nested
        public class Sla_policies extends SlaPolicyStoreContract {
            @Override
            protected Storage storage() {
                return current();
            }
        }

        /** The contract of {@link MilestoneStoreContract}. */
        @Nested
        public class Milestones extends MilestoneStoreContract {
            @Override
            protected Storage storage() {
                return current();
            }
        }

        /** The contract of {@link TicketRoutingStoreContract}. */
        @Nested
        public class Ticket_routing extends TicketRoutingStoreContract {
            @Override
            protected Storage storage() {
                return current();
            }
        }

        /** The contract of {@link TicketUnitContract}. */
        @Nested
        public class Ticket_writes_in_a_unit extends TicketUnitContract {
            @Override
            protected Storage storage() {
                return current();
            }
        }
    }

    /** The contracts of the {@link KnowledgeBaseStorage} capability. */
    @Nested
    public class Knowledge_base_capability {
        @BeforeEach
        void requireTheCapability() {
            requireCapability(KnowledgeBaseStorage.class);
            requireCapability(TicketStorage.class);
        }

        /** The contract of {@link ArticleStoreContract}. */
        @Nested
        public class Articles extends ArticleStoreContract {
            @Override
            protected Storage storage() {
                return current();
            }
        }
    }

    /** The contracts of the {@link SatisfactionStorage} capability. */
    @Nested
    public class Satisfaction_capability {
        @BeforeEach
        void requireTheCapability() {
            requireCapability(SatisfactionStorage.class);
        }

        /** The contract of {@link SurveyStoreContract}. */
        @Nested
        public class Surveys extends SurveyStoreContract {
            @Override
            protected Storage storage() {
                return current();
            }
        }
    }

    /** The contracts of the {@link ServiceReportStorage} capability. */
    @Nested
    public class Service_report_capability {
        @BeforeEach
        void requireTheCapability() {
            requireCapability(ServiceReportStorage.class);
            requireCapability(TicketStorage.class);
            requireCapability(ServiceLevelStorage.class);
        }

        /** The contract of {@link ServiceReportStoreContract}. */
        @Nested
        public class Service_reports extends ServiceReportStoreContract {
            @Override
            protected Storage storage() {
                return current();
            }
        }
    }
}
