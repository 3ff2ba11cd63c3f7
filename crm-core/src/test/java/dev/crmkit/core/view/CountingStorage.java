package dev.crmkit.core.view;

import dev.crmkit.inmemory.InMemoryStorage;
import dev.crmkit.spi.Storage;
import dev.crmkit.spi.TransactionRunner;
import dev.crmkit.spi.customer.ContactPointStore;
import dev.crmkit.spi.customer.CustomerStorage;
import dev.crmkit.spi.customer.CustomerStore;
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
import dev.crmkit.spi.ticket.ArticleStore;
import dev.crmkit.spi.ticket.KnowledgeBaseStorage;
import dev.crmkit.spi.ticket.TicketStorage;
import dev.crmkit.spi.ticket.TicketStore;
import dev.crmkit.spi.touchpoint.InteractionStore;
import dev.crmkit.spi.touchpoint.TaskStore;
import dev.crmkit.spi.touchpoint.TouchPointStorage;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;

/**
 * A decorator over a real storage that passes every store call through and writes down its name
 * ({@code interactions.timeline}), so a test can prove how many queries a read costs. Not a mock: the answers are
 * the real storage's.
 */
final class CountingStorage implements Storage, CustomerStorage, TouchPointStorage, TeamStorage, LeadStorage,
        OpportunityStorage, MessageStorage, LoyaltyStorage, ForecastStorage, TicketStorage,
        dev.crmkit.spi.ticket.ServiceLevelStorage, KnowledgeBaseStorage,
        dev.crmkit.spi.ticket.SatisfactionStorage, dev.crmkit.spi.ticket.ServiceReportStorage {
    private final InMemoryStorage real;
    private final List<String> calls = new ArrayList<>();

    CountingStorage(InMemoryStorage real) {
        this.real = real;
    }

    /** The store calls made since the last reset, in order. */
    synchronized List<String> calls() {
        return List.copyOf(calls);
    }

    synchronized void reset() {
        calls.clear();
    }

    private synchronized void count(String call) {
        calls.add(call);
    }

    @SuppressWarnings("unchecked")
    private <T> T counted(String store, Class<T> type, T target) {
        InvocationHandler handler = (proxy, method, args) -> {
            if (method.getDeclaringClass() == Object.class) {
                return method.invoke(target, args);
            }
            count(store + "." + method.getName());
            try {
                return method.invoke(target, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        };
        return (T) Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, handler);
    }

    @Override
    public PurchaseStore purchases() {
        return counted("purchases", PurchaseStore.class, real.purchases());
    }

    @Override
    public MembershipStore memberships() {
        return counted("memberships", MembershipStore.class, real.memberships());
    }

    @Override
    public LedgerStore ledger() {
        return counted("ledger", LedgerStore.class, real.ledger());
    }

    @Override
    public ProgrammeStore programmes() {
        return counted("programmes", ProgrammeStore.class, real.programmes());
    }

    @Override
    public AccrualStore accruals() {
        return counted("accruals", AccrualStore.class, real.accruals());
    }

    @Override
    public TierSchemeStore tierSchemes() {
        return counted("tierSchemes", TierSchemeStore.class, real.tierSchemes());
    }

    @Override
    public MemberTierStore memberTiers() {
        return counted("memberTiers", MemberTierStore.class, real.memberTiers());
    }

    @Override
    public RewardStore rewards() {
        return counted("rewards", RewardStore.class, real.rewards());
    }

    @Override
    public LedgerReportStore ledgerReports() {
        return counted("ledgerReports", LedgerReportStore.class, real.ledgerReports());
    }

    @Override
    public QuotaStore quotas() {
        return counted("quotas", QuotaStore.class, real.quotas());
    }

    @Override
    public SubmissionStore submissions() {
        return counted("submissions", SubmissionStore.class, real.submissions());
    }

    @Override
    public SnapshotStore snapshots() {
        return counted("snapshots", SnapshotStore.class, real.snapshots());
    }

    @Override
    public TicketStore tickets() {
        return counted("tickets", TicketStore.class, real.tickets());
    }

    @Override
    public dev.crmkit.spi.ticket.BusinessCalendarStore calendars() {
        return counted("calendars", dev.crmkit.spi.ticket.BusinessCalendarStore.class, real.calendars());
    }

    @Override
    public dev.crmkit.spi.ticket.SlaPolicyStore slaPolicies() {
        return counted("slaPolicies", dev.crmkit.spi.ticket.SlaPolicyStore.class, real.slaPolicies());
    }

    @Override
    public dev.crmkit.spi.ticket.MilestoneStore milestones() {
        return counted("milestones", dev.crmkit.spi.ticket.MilestoneStore.class, real.milestones());
    }

    @Override
    public dev.crmkit.spi.ticket.TicketRoutingStore routing() {
        return counted("routing", dev.crmkit.spi.ticket.TicketRoutingStore.class, real.routing());
    }

    @Override
    public ArticleStore articles() {
        return counted("articles", ArticleStore.class, real.articles());
    }

    @Override
    public dev.crmkit.spi.ticket.SurveyStore surveys() {
        return counted("surveys", dev.crmkit.spi.ticket.SurveyStore.class, real.surveys());
    }

    @Override
    public dev.crmkit.spi.ticket.ServiceReportStore serviceReports() {
        return counted("serviceReports", dev.crmkit.spi.ticket.ServiceReportStore.class, real.serviceReports());
    }

    @Override
    public MessageStore messages() {
        return counted("messages", MessageStore.class, real.messages());
    }

    @Override
    public SendRateStore sendRates() {
        return counted("sendRates", SendRateStore.class, real.sendRates());
    }

    @Override
    public CustomerStore customers() {
        return counted("customers", CustomerStore.class, real.customers());
    }

    @Override
    public ContactPointStore contactPoints() {
        return counted("contactPoints", ContactPointStore.class, real.contactPoints());
    }

    @Override
    public dev.crmkit.spi.customer.MatchKeyStore matchKeys() {
        return counted("matchKeys", dev.crmkit.spi.customer.MatchKeyStore.class, real.matchKeys());
    }

    @Override
    public dev.crmkit.spi.customer.DuplicatePairStore duplicatePairs() {
        return counted("duplicatePairs", dev.crmkit.spi.customer.DuplicatePairStore.class, real.duplicatePairs());
    }

    @Override
    public RelationshipStore relationships() {
        return counted("relationships", RelationshipStore.class, real.relationships());
    }

    @Override
    public CustomFieldDefinitionStore customFieldDefinitions() {
        return counted("customFieldDefinitions", CustomFieldDefinitionStore.class, real.customFieldDefinitions());
    }

    @Override
    public InteractionStore interactions() {
        return counted("interactions", InteractionStore.class, real.interactions());
    }

    @Override
    public TaskStore tasks() {
        return counted("tasks", TaskStore.class, real.tasks());
    }

    @Override
    public TeamMemberStore teamMembers() {
        return counted("teamMembers", TeamMemberStore.class, real.teamMembers());
    }

    @Override
    public TeamStore teams() {
        return counted("teams", TeamStore.class, real.teams());
    }

    @Override
    public dev.crmkit.spi.team.WorkingHoursStore workingHours() {
        return counted("workingHours", dev.crmkit.spi.team.WorkingHoursStore.class, real.workingHours());
    }

    @Override
    public LeadStore leads() {
        return counted("leads", LeadStore.class, real.leads());
    }

    @Override
    public LeadModelStore leadModels() {
        return counted("leadModels", LeadModelStore.class, real.leadModels());
    }

    @Override
    public PipelineStore pipelines() {
        return counted("pipelines", PipelineStore.class, real.pipelines());
    }

    @Override
    public OpportunityStore opportunities() {
        return counted("opportunities", OpportunityStore.class, real.opportunities());
    }

    @Override
    public OutboxStore outbox() {
        return counted("outbox", OutboxStore.class, real.outbox());
    }

    @Override
    public DueWorkStore dueWork() {
        return counted("dueWork", DueWorkStore.class, real.dueWork());
    }

    @Override
    public IdempotencyStore idempotency() {
        return counted("idempotency", IdempotencyStore.class, real.idempotency());
    }

    @Override
    public TransactionRunner transactions() {
        return real.transactions();
    }
}
