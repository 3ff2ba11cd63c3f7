package dev.crmkit.tck;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.crmkit.spi.Storage;
import dev.crmkit.spi.StorageCapability;
import dev.crmkit.spi.customer.ContactPointStore;
import dev.crmkit.spi.customer.CustomerStorage;
import dev.crmkit.spi.customer.CustomerStore;
import dev.crmkit.spi.customer.RelationshipStore;
import dev.crmkit.spi.customfield.CustomFieldDefinitionStore;
import dev.crmkit.spi.lead.LeadModelStore;
import dev.crmkit.spi.lead.LeadStorage;
import dev.crmkit.spi.lead.LeadStore;
import dev.crmkit.spi.message.MessageStorage;
import dev.crmkit.spi.message.MessageStore;
import dev.crmkit.spi.opportunity.OpportunityStorage;
import dev.crmkit.spi.opportunity.OpportunityStore;
import dev.crmkit.spi.opportunity.PipelineStore;
import dev.crmkit.spi.team.TeamMemberStore;
import dev.crmkit.spi.team.TeamStorage;
import dev.crmkit.spi.team.TeamStore;
import dev.crmkit.spi.touchpoint.InteractionStore;
import dev.crmkit.spi.touchpoint.TaskStore;
import dev.crmkit.spi.touchpoint.TouchPointStorage;
import java.time.Instant;

/**
 * What every part of the contract suite shares: the storage under test, fresh and empty for each test, the fixed
 * instants tests write (microsecond precision, as every backend stores), and the stores of each capability.
 *
 * <p>A store is reached through its capability: when the storage under test does not offer it, the test that asks
 * for it is skipped with an assumption naming the capability, never passed silently.
 */
public abstract class ContractSupport {
    /** A fixed instant tests use as "now" so results do not depend on the machine's clock. */
    protected static final Instant NOW = Instant.parse("2026-03-01T09:30:00.123456Z");

    /** The storage under test: fresh and empty at the start of every test. */
    protected abstract Storage storage();

    /**
     * The capability of the storage under test; skips the calling test, naming the capability, when the storage
     * does not offer it.
     */
    protected <C extends StorageCapability> C capability(Class<C> type) {
        return require(storage(), type);
    }

    /** The capability of {@code storage}; skips the calling test, naming the capability, when it is not offered. */
    static <C extends StorageCapability> C require(Storage storage, Class<C> type) {
        assumeTrue(storage.offers(type), () -> notOffered(type));
        return storage.capability(type).orElseThrow();
    }

    /** The assumption message of a capability the storage under test does not offer. */
    static String notOffered(Class<? extends StorageCapability> type) {
        return "the storage does not offer the " + type.getSimpleName() + " capability";
    }

    /** The customer store of the {@link CustomerStorage} capability. */
    protected CustomerStore customers() {
        return capability(CustomerStorage.class).customers();
    }

    /** The contact point store of the {@link CustomerStorage} capability. */
    protected ContactPointStore contactPoints() {
        return capability(CustomerStorage.class).contactPoints();
    }

    /** The relationship store of the {@link CustomerStorage} capability. */
    protected RelationshipStore relationships() {
        return capability(CustomerStorage.class).relationships();
    }

    /** The custom field definition store of the {@link CustomerStorage} capability. */
    protected CustomFieldDefinitionStore customFieldDefinitions() {
        return capability(CustomerStorage.class).customFieldDefinitions();
    }

    /** The interaction store of the {@link TouchPointStorage} capability. */
    protected InteractionStore interactions() {
        return capability(TouchPointStorage.class).interactions();
    }

    /** The task store of the {@link TouchPointStorage} capability. */
    protected TaskStore tasks() {
        return capability(TouchPointStorage.class).tasks();
    }

    /** The team member store of the {@link TeamStorage} capability. */
    protected TeamMemberStore teamMembers() {
        return capability(TeamStorage.class).teamMembers();
    }

    /** The team store of the {@link TeamStorage} capability. */
    protected TeamStore teams() {
        return capability(TeamStorage.class).teams();
    }

    /** The lead store of the {@link LeadStorage} capability. */
    protected LeadStore leads() {
        return capability(LeadStorage.class).leads();
    }

    /** The lead model store of the {@link LeadStorage} capability. */
    protected LeadModelStore leadModels() {
        return capability(LeadStorage.class).leadModels();
    }

    /** The pipeline store of the {@link OpportunityStorage} capability. */
    protected PipelineStore pipelines() {
        return capability(OpportunityStorage.class).pipelines();
    }

    /** The opportunity store of the {@link OpportunityStorage} capability. */
    protected OpportunityStore opportunities() {
        return capability(OpportunityStorage.class).opportunities();
    }

    /** The message store of the {@link MessageStorage} capability. */
    protected MessageStore messages() {
        return capability(MessageStorage.class).messages();
    }
}
