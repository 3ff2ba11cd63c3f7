package dev.crmkit.core.ticket;

import dev.crmkit.core.module.DomainModule;
import dev.crmkit.core.module.DomainSetup;
import dev.crmkit.core.team.TeamService;
import dev.crmkit.model.Checks;
import dev.crmkit.spi.StorageCapability;
import dev.crmkit.spi.team.TeamStorage;
import dev.crmkit.spi.ticket.ServiceLevelStorage;
import dev.crmkit.spi.ticket.TicketStorage;
import java.util.Set;

/**
 * Ticket routing as {@code Crm} composes it: offers {@link TicketRouting} per tenant and records the
 * {@link RoutingEvent}s. Built on the ticket domain (which assigns) and the team domain (who is available and at work).
 * Registered by default with {@link RoutingSettings#defaults()}; register {@code new TicketRoutingModule(settings)}
 * to give tenants {@link RoutingRule}s.
 */
public final class TicketRoutingModule implements DomainModule {
    /** The domain's name. */
    public static final String NAME = "ticket.routing";

    private final RoutingSettings settings;

    /** The module with {@link RoutingSettings#defaults()}. */
    public TicketRoutingModule() {
        this(RoutingSettings.defaults());
    }

    /**
     * The module with these settings.
     *
     * @throws dev.crmkit.model.ValidationException ({@code settings}) when they are null
     */
    public TicketRoutingModule(RoutingSettings settings) {
        this.settings = Checks.required("settings", settings);
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Set<String> requires() {
        return Set.of(TicketModule.NAME, "team");
    }

    @Override
    public Set<Class<? extends StorageCapability>> storageCapabilities() {
        return Set.of(TicketStorage.class, ServiceLevelStorage.class, TeamStorage.class);
    }

    @Override
    public void install(DomainSetup setup) {
        setup.events(RoutingEvent.class);
        setup.service(TicketRouting.class, tenant -> new StoredRouting(setup.context(), tenant.tenantId(), settings,
                // TicketModule registers the tenant's TicketService, always StoredTickets: routing assigns through it
                (StoredTickets) tenant.service(TicketService.class), tenant.service(TeamService.class)));
    }
}
