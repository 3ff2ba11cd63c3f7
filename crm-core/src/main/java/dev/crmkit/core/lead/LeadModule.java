package dev.crmkit.core.lead;

import dev.crmkit.core.customer.ContactValues;
import dev.crmkit.core.customer.CustomerService;
import dev.crmkit.core.module.DomainModule;
import dev.crmkit.core.module.DomainSetup;
import dev.crmkit.core.module.TenantServices;
import dev.crmkit.core.opportunity.OpenOpportunity;
import dev.crmkit.core.opportunity.OpportunityService;
import dev.crmkit.core.team.TeamMemberAvailabilityChanged;
import dev.crmkit.core.team.TeamService;
import dev.crmkit.model.Checks;
import dev.crmkit.model.ValidationException;
import dev.crmkit.model.team.Availability;
import dev.crmkit.spi.StorageCapability;
import dev.crmkit.spi.customer.CustomerStorage;
import dev.crmkit.spi.lead.LeadStorage;
import dev.crmkit.spi.team.TeamStorage;
import dev.crmkit.spi.touchpoint.TouchPointStorage;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The lead domain as {@code Crm} composes it: offers {@link LeadService} per tenant, raises
 * {@link LeadFirstContactOverdue} through the scheduler ({@link LeadService#FIRST_CONTACT_DUE}), records the
 * {@link LeadEvent}s, hands a deactivated team member's open leads to the rest of the team when
 * {@link TeamMemberAvailabilityChanged} says so, and repoints the leads linked to or converted into a merged customer.
 * Conversion opens deals through the opportunity domain when it is registered. Registered by default; register one
 * with other settings to replace it:
 *
 * <pre>{@code
 * Crm.builder().storage(storage)
 *         .module(LeadModule.builder().settings(LeadSettings.defaults().withDistribution(roundRobin)).build())
 *         .build();
 * }</pre>
 */
public final class LeadModule implements DomainModule {
    /** The domain's name. */
    public static final String NAME = "lead";

    private final LeadSettings settings;
    private final Map<String, LeadSettings> tenantSettings;

    /** The defaults: {@link LeadSettings#defaults()} for every tenant. */
    public LeadModule() {
        this(builder());
    }

    private LeadModule(Builder builder) {
        this.settings = builder.settings;
        this.tenantSettings = Map.copyOf(builder.tenantSettings);
    }

    /** A builder starting from the defaults. */
    public static Builder builder() {
        return new Builder();
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Set<String> requires() {
        return Set.of("customer", "team");
    }

    @Override
    public Set<Class<? extends StorageCapability>> storageCapabilities() {
        return Set.of(LeadStorage.class, CustomerStorage.class, TeamStorage.class, TouchPointStorage.class);
    }

    @Override
    public void install(DomainSetup setup) {
        // the tenants' trained models live in storage; this Crm keeps the last one it read and checks its version
        StoredLeadModels models = new StoredLeadModels(setup.context().storage(LeadStorage.class).leadModels());
        ContactValues contacts = ContactValues.forRegion(setup.context().defaultPhoneRegion());
        setup.events(LeadEvent.class);
        setup.events(LeadModelTrained.class);
        setup.service(LeadService.class, tenant -> new StoredLeads(setup.context(), tenant.tenantId(),
                tenantSettings.getOrDefault(tenant.tenantId(), settings), contacts,
                tenant.service(CustomerService.class), tenant.service(TeamService.class), models,
                opportunityOpener(tenant)));
        setup.dueWork(LeadService.FIRST_CONTACT_DUE, new FirstContactDueHandler(setup.context()));
        setup.on(TeamMemberAvailabilityChanged.class, LeadModule::redistributeWhenDeactivated);
        LeadStorage stores = setup.context().storage(LeadStorage.class);
        setup.customerDataPart(merge -> Map.of("leads",
                stores.leads().moveCustomer(merge.tenantId(), merge.mergedId(), merge.survivorId(), merge.at())));
    }

    /**
     * A deactivated member's open leads go to the rest of the team, after the deactivation committed; at least once,
     * which is safe because redistributing twice finds nothing left the second time. A member who is only away keeps
     * their leads.
     */
    static void redistributeWhenDeactivated(TeamMemberAvailabilityChanged event, TenantServices tenant) {
        if (event.availability() == Availability.DEACTIVATED) {
            tenant.service(LeadService.class).redistribute(event.memberId());
        }
    }

    /** Conversion opens its deal through the tenant's opportunity service, in the conversion's unit. */
    private static OpportunityOpener opportunityOpener(TenantServices tenant) {
        return (customerId, name, amount, ownerId, leadId, source, actor) -> {
            Optional<OpportunityService> opportunities = tenant.find(OpportunityService.class);
            if (opportunities.isEmpty()) {
                throw new ValidationException("opportunityName",
                        "cannot open a deal: the opportunity domain is not registered");
            }
            OpenOpportunity open = OpenOpportunity.of(customerId, name).ownedBy(ownerId).fromLead(leadId, source.name());
            return opportunities.get().open(amount == null ? open : open.withAmount(amount), actor).id();
        };
    }

    /** The settings of a {@link LeadModule}. */
    public static final class Builder {
        private LeadSettings settings = LeadSettings.defaults();
        private final Map<String, LeadSettings> tenantSettings = new HashMap<>();

        private Builder() {
        }

        /** How every tenant without settings of its own works its leads. */
        public Builder settings(LeadSettings settings) {
            this.settings = Checks.required("leadSettings", settings);
            return this;
        }

        /**
         * How one tenant works its leads, overriding the default settings.
         *
         * @throws ValidationException ({@code tenantId}, {@code leadSettings}) when one is malformed or null
         */
        public Builder settings(String tenantId, LeadSettings settings) {
            Checks.tenantId("tenantId", tenantId);
            this.tenantSettings.put(tenantId, Checks.required("leadSettings", settings));
            return this;
        }

        /** The module. */
        public LeadModule build() {
            return new LeadModule(this);
        }
    }
}
