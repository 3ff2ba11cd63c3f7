package dev.crmkit.inmemory;

import dev.crmkit.model.Checks;
import dev.crmkit.spi.Storage;
import dev.crmkit.spi.TransactionRunner;
import dev.crmkit.spi.customer.ContactPointStore;
import dev.crmkit.spi.customer.CustomerStorage;
import dev.crmkit.spi.customer.CustomerStore;
import dev.crmkit.spi.customer.DuplicatePairStore;
import dev.crmkit.spi.customer.MatchKeyStore;
import dev.crmkit.spi.customer.RelationshipStore;
import dev.crmkit.spi.customfield.CustomFieldDefinitionStore;
import dev.crmkit.spi.forecast.ForecastStorage;
import dev.crmkit.spi.forecast.QuotaStore;
import dev.crmkit.spi.forecast.SnapshotStore;
import dev.crmkit.spi.forecast.SubmissionStore;
import dev.crmkit.spi.idempotency.IdempotencyStore;
import dev.crmkit.spi.lead.LeadModelStore;
import dev.crmkit.spi.lead.LeadStorage;
import dev.crmkit.spi.lead.LeadStore;
import dev.crmkit.spi.loyalty.AccrualStore;
import dev.crmkit.spi.loyalty.LedgerEntryRecord;
import dev.crmkit.spi.loyalty.LedgerReportStore;
import dev.crmkit.spi.loyalty.LedgerStore;
import dev.crmkit.spi.loyalty.LoyaltyStorage;
import dev.crmkit.spi.loyalty.MemberTierStore;
import dev.crmkit.spi.loyalty.MembershipRecord;
import dev.crmkit.spi.loyalty.MembershipStore;
import dev.crmkit.spi.loyalty.ProgrammeStore;
import dev.crmkit.spi.loyalty.PurchaseStore;
import dev.crmkit.spi.loyalty.RewardStore;
import dev.crmkit.spi.loyalty.TierSchemeStore;
import dev.crmkit.spi.message.MessageStorage;
import dev.crmkit.spi.message.MessageStore;
import dev.crmkit.spi.message.SendRateStore;
import dev.crmkit.spi.opportunity.OpportunityStorage;
import dev.crmkit.spi.opportunity.OpportunityStore;
import dev.crmkit.spi.opportunity.PipelineStore;
import dev.crmkit.spi.outbox.OutboxStore;
import dev.crmkit.spi.scheduling.DueWorkStore;
import dev.crmkit.spi.team.TeamMemberStore;
import dev.crmkit.spi.team.TeamStorage;
import dev.crmkit.spi.team.TeamStore;
import dev.crmkit.spi.team.WorkingHoursStore;
import dev.crmkit.spi.ticket.ArticleStore;
import dev.crmkit.spi.ticket.BusinessCalendarStore;
import dev.crmkit.spi.ticket.KnowledgeBaseStorage;
import dev.crmkit.spi.ticket.MilestoneStore;
import dev.crmkit.spi.ticket.SatisfactionStorage;
import dev.crmkit.spi.ticket.ServiceLevelStorage;
import dev.crmkit.spi.ticket.ServiceReportStorage;
import dev.crmkit.spi.ticket.ServiceReportStore;
import dev.crmkit.spi.ticket.SlaPolicyStore;
import dev.crmkit.spi.ticket.SurveyStore;
import dev.crmkit.spi.ticket.TicketRoutingStore;
import dev.crmkit.spi.ticket.TicketStorage;
import dev.crmkit.spi.ticket.TicketStore;
import dev.crmkit.spi.touchpoint.InteractionStore;
import dev.crmkit.spi.touchpoint.TaskStore;
import dev.crmkit.spi.touchpoint.TouchPointStorage;

/**
 * The whole storage contract in process memory, for tests, examples and prototypes: the core and every capability
 * of CRMKit's domains. It passes the same contract suite as the JDBC adapter, so core behaviour tested on it holds on
 * every database.
 *
 * <p>Units of work are serialized by one lock and rolled back from an undo log; data lives as long as this
 * object and is shared only within the process. Queries scan in memory, which suits tens of thousands of rows,
 * not millions.
 */
public final class InMemoryStorage implements Storage, CustomerStorage, TouchPointStorage, TeamStorage, LeadStorage,
        OpportunityStorage, MessageStorage, LoyaltyStorage, ForecastStorage, TicketStorage,
        ServiceLevelStorage, KnowledgeBaseStorage, SatisfactionStorage, ServiceReportStorage {
    private final UnitOfWork unit = new UnitOfWork();
    private final InMemoryCustomerStore customers = new InMemoryCustomerStore(unit);
    private final InMemoryContactPointStore contactPoints = new InMemoryContactPointStore(unit);
    private final InMemoryRelationshipStore relationships = new InMemoryRelationshipStore(unit);
    private final InMemoryMatchKeyStore matchKeys = new InMemoryMatchKeyStore(unit);
    private final InMemoryDuplicatePairStore duplicatePairs = new InMemoryDuplicatePairStore(unit);
    private final InMemoryDuplicateJobStore duplicateJobs = new InMemoryDuplicateJobStore(unit);
    private final InMemoryCustomFieldDefinitionStore customFields = new InMemoryCustomFieldDefinitionStore(unit);
    private final InMemoryInteractionStore interactions = new InMemoryInteractionStore(unit);
    private final InMemoryTaskStore tasks = new InMemoryTaskStore(unit);
    private final InMemoryTeamMemberStore teamMembers = new InMemoryTeamMemberStore(unit);
    private final InMemoryTeamStore teams = new InMemoryTeamStore(unit);
    private final InMemoryLeadStore leads = new InMemoryLeadStore(unit);
    private final InMemoryLeadModelStore leadModels = new InMemoryLeadModelStore(unit);
    private final InMemoryPipelineStore pipelines = new InMemoryPipelineStore(unit);
    private final InMemoryOpportunityStore opportunities = new InMemoryOpportunityStore(unit);
    private final InMemoryOutboxStore outbox = new InMemoryOutboxStore(unit);
    private final InMemoryDueWorkStore dueWork = new InMemoryDueWorkStore(unit);
    private final InMemoryIdempotencyStore idempotency = new InMemoryIdempotencyStore(unit);
    private final InMemoryMessageStore messages = new InMemoryMessageStore(unit);
    private final InMemorySendRateStore sendRates = new InMemorySendRateStore();
    private final InMemoryPurchaseStore purchases = new InMemoryPurchaseStore(unit);
    private final InMemoryMembershipStore memberships = new InMemoryMembershipStore(unit);
    private final InMemoryLedgerStore ledger = new InMemoryLedgerStore(unit);
    private final InMemoryProgrammeStore programmes = new InMemoryProgrammeStore(unit);
    private final InMemoryAccrualStore accruals = new InMemoryAccrualStore(unit);
    private final InMemoryTierSchemeStore tierSchemes = new InMemoryTierSchemeStore(unit);
    private final InMemoryMemberTierStore memberTiers = new InMemoryMemberTierStore(unit, ledger);
    private final InMemoryRewardStore rewards = new InMemoryRewardStore(unit);
    private final InMemoryLedgerReportStore ledgerReports = new InMemoryLedgerReportStore(unit, ledger, memberships,
            programmes);
    private final InMemoryQuotaStore quotas = new InMemoryQuotaStore(unit);
    private final InMemorySubmissionStore submissions = new InMemorySubmissionStore(unit);
    private final InMemorySnapshotStore snapshots = new InMemorySnapshotStore(unit);
    private final InMemoryTicketStore tickets = new InMemoryTicketStore(unit);
    private final InMemoryTicketRoutingStore routing = new InMemoryTicketRoutingStore(unit, tickets);
    private final InMemoryBusinessCalendarStore calendars = new InMemoryBusinessCalendarStore(unit);
    private final InMemorySlaPolicyStore slaPolicies = new InMemorySlaPolicyStore(unit);
    private final InMemoryMilestoneStore milestones = new InMemoryMilestoneStore(unit);
    private final InMemoryWorkingHoursStore workingHours = new InMemoryWorkingHoursStore(unit);
    private final InMemoryArticleStore articles = new InMemoryArticleStore(unit, tickets);
    private final InMemorySurveyStore surveys = new InMemorySurveyStore(unit);
    private final InMemoryServiceReportStore serviceReports = new InMemoryServiceReportStore(unit, tickets, milestones);

    /** An empty storage. */
    public InMemoryStorage() {
    }

    @Override
    public CustomerStore customers() {
        return customers;
    }

    @Override
    public ContactPointStore contactPoints() {
        return contactPoints;
    }

    @Override
    public MatchKeyStore matchKeys() {
        return matchKeys;
    }

    @Override
    public DuplicatePairStore duplicatePairs() {
        return duplicatePairs;
    }

    @Override
    public dev.crmkit.spi.customer.DuplicateJobStore duplicateJobs() {
        return duplicateJobs;
    }

    @Override
    public RelationshipStore relationships() {
        return relationships;
    }

    @Override
    public CustomFieldDefinitionStore customFieldDefinitions() {
        return customFields;
    }

    @Override
    public InteractionStore interactions() {
        return interactions;
    }

    @Override
    public TaskStore tasks() {
        return tasks;
    }

    @Override
    public TeamMemberStore teamMembers() {
        return teamMembers;
    }

    @Override
    public TeamStore teams() {
        return teams;
    }

    @Override
    public LeadStore leads() {
        return leads;
    }

    @Override
    public LeadModelStore leadModels() {
        return leadModels;
    }

    @Override
    public PipelineStore pipelines() {
        return pipelines;
    }

    @Override
    public OpportunityStore opportunities() {
        return opportunities;
    }

    @Override
    public MessageStore messages() {
        return messages;
    }

    @Override
    public SendRateStore sendRates() {
        return sendRates;
    }

    @Override
    public PurchaseStore purchases() {
        return purchases;
    }

    @Override
    public MembershipStore memberships() {
        return memberships;
    }

    @Override
    public LedgerStore ledger() {
        return ledger;
    }

    /** All or nothing: the entry's id and key are checked before the membership is updated and the entry appended. */
    @Override
    public void post(MembershipRecord membership, long expectedVersion, LedgerEntryRecord entry) {
        Checks.required("membership", membership);
        Checks.required("entry", entry);
        unit.inTransaction(() -> {
            ledger.checkAppendable(entry);
            memberships.update(membership, expectedVersion);
            return ledger.append(entry);
        });
    }

    @Override
    public ProgrammeStore programmes() {
        return programmes;
    }

    @Override
    public AccrualStore accruals() {
        return accruals;
    }

    @Override
    public TierSchemeStore tierSchemes() {
        return tierSchemes;
    }

    @Override
    public MemberTierStore memberTiers() {
        return memberTiers;
    }

    @Override
    public RewardStore rewards() {
        return rewards;
    }

    @Override
    public LedgerReportStore ledgerReports() {
        return ledgerReports;
    }

    @Override
    public QuotaStore quotas() {
        return quotas;
    }

    @Override
    public SubmissionStore submissions() {
        return submissions;
    }

    @Override
    public SnapshotStore snapshots() {
        return snapshots;
    }

    @Override
    public TicketStore tickets() {
        return tickets;
    }

    @Override
    public BusinessCalendarStore calendars() {
        return calendars;
    }

    @Override
    public SlaPolicyStore slaPolicies() {
        return slaPolicies;
    }

    @Override
    public MilestoneStore milestones() {
        return milestones;
    }

    @Override
    public TicketRoutingStore routing() {
        return routing;
    }

    @Override
    public WorkingHoursStore workingHours() {
        return workingHours;
    }

    @Override
    public ArticleStore articles() {
        return articles;
    }

    @Override
    public SurveyStore surveys() {
        return surveys;
    }

    @Override
    public ServiceReportStore serviceReports() {
        return serviceReports;
    }

    @Override
    public OutboxStore outbox() {
        return outbox;
    }

    @Override
    public DueWorkStore dueWork() {
        return dueWork;
    }

    @Override
    public IdempotencyStore idempotency() {
        return idempotency;
    }

    @Override
    public TransactionRunner transactions() {
        return unit;
    }
}
