package dev.crmkit.jdbc;

import dev.crmkit.model.Checks;
import dev.crmkit.model.StorageFailureException;
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
import dev.crmkit.spi.idempotency.IdempotencyStore;
import dev.crmkit.spi.lead.LeadModelStore;
import dev.crmkit.spi.lead.LeadStorage;
import dev.crmkit.spi.lead.LeadStore;
import dev.crmkit.spi.loyalty.AccrualStore;
import dev.crmkit.spi.loyalty.LedgerEntryRecord;
import dev.crmkit.spi.loyalty.MembershipRecord;
import dev.crmkit.spi.loyalty.PostingLookup;
import dev.crmkit.spi.loyalty.PostingTarget;
import dev.crmkit.spi.forecast.SnapshotStore;
import dev.crmkit.spi.forecast.SubmissionStore;
import dev.crmkit.spi.loyalty.LedgerReportStore;
import dev.crmkit.spi.loyalty.LedgerStore;
import dev.crmkit.spi.loyalty.LoyaltyStorage;
import dev.crmkit.spi.loyalty.MemberTierStore;
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
import dev.crmkit.spi.ticket.BusinessCalendarStore;
import dev.crmkit.spi.ticket.MilestoneStore;
import dev.crmkit.spi.ticket.ServiceLevelStorage;
import dev.crmkit.spi.ticket.SlaPolicyStore;
import dev.crmkit.spi.ticket.ArticleStore;
import dev.crmkit.spi.ticket.KnowledgeBaseStorage;
import dev.crmkit.spi.ticket.SatisfactionStorage;
import dev.crmkit.spi.ticket.ServiceReportStorage;
import dev.crmkit.spi.ticket.ServiceReportStore;
import dev.crmkit.spi.ticket.SurveyStore;
import dev.crmkit.spi.ticket.TicketStorage;
import dev.crmkit.spi.ticket.TicketRoutingStore;
import dev.crmkit.spi.ticket.TicketStore;
import dev.crmkit.spi.touchpoint.InteractionStore;
import dev.crmkit.spi.touchpoint.TaskStore;
import dev.crmkit.spi.touchpoint.TouchPointStorage;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * The storage contract in SQL, for H2, PostgreSQL and MariaDB: the core and every capability of CRMKit's domains.
 * Its migrations create the tables of every capability, whichever domains a host runs: an unused table costs
 * nothing, and enabling a domain later needs no schema change.
 *
 * <pre>{@code
 * Storage storage = JdbcStorage.builder().dataSource(pool).migrate(true).build();
 * }</pre>
 *
 * <p>By default CRMKit runs its own transactions over the {@link DataSource}: a unit holds one connection for
 * the calling thread, and store calls inside it join it. With {@link Builder#connectionSource} it joins the
 * host's transaction instead and never commits or rolls back (a call made while the host has no transaction open
 * runs in a transaction of its own); outbox and due-work claims still run in transactions of their own over the
 * data source, because other nodes must see them at once.
 */
public final class JdbcStorage implements Storage, CustomerStorage, TouchPointStorage, TeamStorage, LeadStorage,
        OpportunityStorage, MessageStorage, LoyaltyStorage, ForecastStorage, TicketStorage,
        ServiceLevelStorage, KnowledgeBaseStorage, SatisfactionStorage,
        ServiceReportStorage {
    private final Database database;
    private final CustomerStore customers;
    private final ContactPointStore contactPoints;
    private final RelationshipStore relationships;
    private final CustomFieldDefinitionStore customFieldDefinitions;
    private final MatchKeyStore matchKeys;
    private final DuplicatePairStore duplicatePairs;
    private final dev.crmkit.spi.customer.DuplicateJobStore duplicateJobs;
    private final InteractionStore interactions;
    private final TaskStore tasks;
    private final TeamMemberStore teamMembers;
    private final TeamStore teams;
    private final LeadStore leads;
    private final LeadModelStore leadModels;
    private final PipelineStore pipelines;
    private final OpportunityStore opportunities;
    private final OutboxStore outbox;
    private final DueWorkStore dueWork;
    private final IdempotencyStore idempotency;
    private final MessageStore messages;
    private final SendRateStore sendRates;
    private final PurchaseStore purchases;
    private final JdbcMembershipStore memberships;
    private final JdbcLedgerStore ledger;
    private final ProgrammeStore programmes;
    private final AccrualStore accruals;
    private final TierSchemeStore tierSchemes;
    private final MemberTierStore memberTiers;
    private final RewardStore rewards;
    private final LedgerReportStore ledgerReports;
    private final QuotaStore quotas;
    private final SubmissionStore submissions;
    private final SnapshotStore snapshots;
    private final TicketStore tickets;
    private final BusinessCalendarStore calendars;
    private final SlaPolicyStore slaPolicies;
    private final MilestoneStore milestones;
    private final TicketRoutingStore routing;
    private final WorkingHoursStore workingHours;
    private final ArticleStore articles;
    private final SurveyStore surveys;
    private final ServiceReportStore serviceReports;

    private JdbcStorage(Database database) {
        this.database = database;
        this.customers = new JdbcCustomerStore(database);
        this.contactPoints = new JdbcContactPointStore(database);
        this.relationships = new JdbcRelationshipStore(database);
        this.matchKeys = new JdbcMatchKeyStore(database);
        this.duplicatePairs = new JdbcDuplicatePairStore(database);
        this.duplicateJobs = new JdbcDuplicateJobStore(database);
        this.customFieldDefinitions = new JdbcCustomFieldDefinitionStore(database);
        this.interactions = new JdbcInteractionStore(database);
        this.tasks = new JdbcTaskStore(database);
        this.teamMembers = new JdbcTeamMemberStore(database);
        this.teams = new JdbcTeamStore(database);
        this.leads = new JdbcLeadStore(database);
        this.leadModels = new JdbcLeadModelStore(database);
        this.pipelines = new JdbcPipelineStore(database);
        this.opportunities = new JdbcOpportunityStore(database);
        this.outbox = new JdbcOutboxStore(database);
        this.dueWork = new JdbcDueWorkStore(database);
        this.idempotency = new JdbcIdempotencyStore(database);
        this.messages = new JdbcMessageStore(database);
        this.sendRates = new JdbcSendRateStore(database);
        this.purchases = new JdbcPurchaseStore(database);
        this.memberships = new JdbcMembershipStore(database);
        this.ledger = new JdbcLedgerStore(database);
        this.programmes = new JdbcProgrammeStore(database);
        this.accruals = new JdbcAccrualStore(database);
        this.tierSchemes = new JdbcTierSchemeStore(database);
        this.memberTiers = new JdbcMemberTierStore(database);
        this.rewards = new JdbcRewardStore(database);
        this.ledgerReports = new JdbcLedgerReportStore(database);
        this.quotas = new JdbcQuotaStore(database);
        this.submissions = new JdbcSubmissionStore(database);
        this.snapshots = new JdbcSnapshotStore(database);
        this.tickets = new JdbcTicketStore(database);
        this.calendars = new JdbcBusinessCalendarStore(database);
        this.slaPolicies = new JdbcSlaPolicyStore(database);
        this.milestones = new JdbcMilestoneStore(database);
        this.routing = new JdbcTicketRoutingStore(database);
        this.workingHours = new JdbcWorkingHoursStore(database);
        this.articles = new JdbcArticleStore(database);
        this.surveys = new JdbcSurveyStore(database);
        this.serviceReports = new JdbcServiceReportStore(database);
    }

    /** A builder; {@link Builder#dataSource} is required. */
    public static Builder builder() {
        return new Builder();
    }

    /** How many units the storage ran again after the database ended them before commit; for tests. */
    long unitsRunAgain() {
        return database.unitsRunAgain();
    }

    /** The dialect this storage speaks. */
    public Dialect dialect() {
        return database.dialect();
    }

    /**
     * Runs a host's read on the connection of the current unit, so it sees the unit's uncommitted writes; outside a
     * unit on a connection of its own. For the stores of a host's own domain ({@code Storage.with(...)}), over the
     * host's own tables in the same database.
     *
     * @param type what is read, for error messages ({@code "test drive"}); no personal data
     * @throws dev.crmkit.model.StorageFailureException when the database fails, with the SQLState but no SQL text
     */
    public <T> T read(String type, ConnectionWork<T> work) {
        Checks.text("type", type, 100);
        Checks.required("work", work);
        return database.read(type, work::run);
    }

    /**
     * Runs a host's write all or nothing, on the connection of the current unit (behind a savepoint, so a failed write
     * leaves the unit usable and unchanged), or outside a unit in a transaction of its own. It commits with CRMKit's
     * writes of the same unit: a host's domain keeps its rows and CRMKit's events together.
     *
     * @param type what is written, for error messages ({@code "test drive"}); no personal data
     * @throws dev.crmkit.model.DuplicateException when a unique constraint is violated
     * @throws dev.crmkit.model.StorageFailureException when the database fails otherwise
     */
    public <T> T write(String type, ConnectionWork<T> work) {
        Checks.text("type", type, 100);
        Checks.required("work", work);
        return database.write(type, Map.of(), work::run);
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
        return customFieldDefinitions;
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

    /** In one statement: the membership with its programme's expiry policy and tier scheme's stamp, outer-joined. */
    @Override
    public Optional<PostingTarget> postingTarget(String tenantId, UUID membershipId) {
        return memberships.postingTarget(tenantId, membershipId);
    }

    /**
     * In one statement: the membership with its programme's expiry policy, its tier scheme's stamp and the entry under
     * the key, outer-joined; only when the tenant has no such membership, the key is looked up alone.
     */
    @Override
    public PostingLookup postingLookup(String tenantId, UUID membershipId, String idempotencyKey) {
        return memberships.postingLookup(tenantId, membershipId, idempotencyKey, ledger);
    }

    /**
     * In one write: the membership's balances, then the entry; without a savepoint in a unit CRMKit began (a failure
     * after the update ends the unit), behind one in a host's transaction.
     */
    @Override
    public void post(MembershipRecord membership, long expectedVersion, LedgerEntryRecord entry) {
        ledger.post(memberships, membership, expectedVersion, entry);
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
        return database;
    }

    /** Configures a {@link JdbcStorage}. */
    public static final class Builder {
        private DataSource dataSource;
        private ConnectionSource connectionSource;
        private Dialect dialect;
        private boolean migrate;

        private Builder() {
        }

        /**
         * The database to use (required). In host-managed mode it still serves claims, migrations and dialect
         * detection, so it must reach the same database as the {@link #connectionSource}.
         */
        public Builder dataSource(DataSource dataSource) {
            this.dataSource = dataSource;
            return this;
        }

        /** Joins the host's transactions: every store call uses the host's connection for the current unit. */
        public Builder connectionSource(ConnectionSource connectionSource) {
            this.connectionSource = connectionSource;
            return this;
        }

        /** Overrides the dialect, which is otherwise detected from the database's metadata. */
        public Builder dialect(Dialect dialect) {
            this.dialect = dialect;
            return this;
        }

        /** Whether {@link #build()} runs the {@link SchemaMigrator} first; off by default. */
        public Builder migrate(boolean migrate) {
            this.migrate = migrate;
            return this;
        }

        /**
         * The storage. Its database must hold the schema of this release: migrated here ({@link #migrate}), or
         * before by the {@link SchemaMigrator} or Flyway; one query of {@code crm_schema_version} checks it.
         *
         * @throws IllegalStateException when no data source was given
         * @throws StorageFailureException when the database cannot be reached or migrated, or its CRMKit schema is
         *     missing, older than this code (the message says how to migrate) or newer (a later release migrated it)
         */
        public JdbcStorage build() {
            if (dataSource == null) {
                throw new IllegalStateException("JdbcStorage needs a dataSource");
            }
            Dialect chosen = dialect != null ? dialect : detect(dataSource);
            if (migrate) {
                new SchemaMigrator(dataSource, chosen).migrate();
            }
            SchemaVersion.requireCurrent(dataSource, chosen);
            return new JdbcStorage(new Database(dataSource, connectionSource, chosen));
        }

        private static Dialect detect(DataSource dataSource) {
            try (Connection connection = dataSource.getConnection()) {
                return Dialect.detect(connection.getMetaData());
            } catch (SQLException e) {
                throw new StorageFailureException("cannot detect the database dialect (SQLState "
                        + e.getSQLState() + ")", e);
            }
        }
    }
}
