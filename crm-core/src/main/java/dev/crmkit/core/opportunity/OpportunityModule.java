package dev.crmkit.core.opportunity;

import dev.crmkit.core.module.DomainModule;
import dev.crmkit.core.module.DomainSetup;
import dev.crmkit.spi.StorageCapability;
import dev.crmkit.spi.customer.CustomerStorage;
import dev.crmkit.spi.opportunity.OpportunityStorage;
import dev.crmkit.spi.team.TeamStorage;
import java.util.Map;
import java.util.Set;

/**
 * The opportunity domain as {@code Crm} composes it: offers {@link OpportunityService} per tenant, raises
 * {@link OpportunityStalled} through the scheduler ({@link OpportunityService#STALLED}), records the
 * {@link OpportunityEvent}s, and moves a merged customer's deals (and the merged person's contact roles on deals) to
 * the survivor. It checks deals' customers and owners in the customer and team stores. Registered by default.
 */
public final class OpportunityModule implements DomainModule {
    /** The domain's name. */
    public static final String NAME = "opportunity";

    /** The module; it has no settings. */
    public OpportunityModule() {
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
        return Set.of(OpportunityStorage.class, CustomerStorage.class, TeamStorage.class);
    }

    @Override
    public void install(DomainSetup setup) {
        setup.events(OpportunityEvent.class);
        setup.service(OpportunityService.class, tenant -> new StoredOpportunities(setup.context(), tenant.tenantId()));
        setup.dueWork(OpportunityService.STALLED, new StalledDealHandler(setup.context()));
        OpportunityStorage stores = setup.context().storage(OpportunityStorage.class);
        setup.customerDataPart(merge -> Map.of("opportunities",
                stores.opportunities().moveAll(merge.tenantId(), merge.mergedId(), merge.survivorId(), merge.at())));
    }
}
