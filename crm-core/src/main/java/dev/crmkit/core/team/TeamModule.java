package dev.crmkit.core.team;

import dev.crmkit.core.customer.CustomerOwners;
import dev.crmkit.core.module.DomainModule;
import dev.crmkit.core.module.DomainSetup;
import dev.crmkit.spi.StorageCapability;
import dev.crmkit.spi.team.TeamStorage;
import java.util.Set;

/**
 * The team domain as {@code Crm} composes it: offers {@link TeamService} per tenant, answers the customer domain's
 * {@link CustomerOwners} (a customer's owner is a team member), and records the {@link TeamEvent}s. Registered by
 * default.
 */
public final class TeamModule implements DomainModule {
    /** The domain's name. */
    public static final String NAME = "team";

    /** The module; it has no settings. */
    public TeamModule() {
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Set<Class<? extends StorageCapability>> storageCapabilities() {
        return Set.of(TeamStorage.class);
    }

    @Override
    public void install(DomainSetup setup) {
        setup.events(TeamEvent.class);
        setup.service(TeamService.class, tenant -> new StoredTeams(setup.context(), tenant.tenantId()));
        // a customer's owner is a team member, deactivated ones included (their customers stay theirs until moved)
        TeamStorage teamStorage = setup.context().storage().capability(TeamStorage.class).orElseThrow();
        setup.service(CustomerOwners.class, tenant ->
                ownerId -> teamStorage.teamMembers().get(tenant.tenantId(), ownerId).isPresent());
    }
}
