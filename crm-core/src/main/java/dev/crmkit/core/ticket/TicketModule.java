package dev.crmkit.core.ticket;

import dev.crmkit.core.module.DomainModule;
import dev.crmkit.core.module.DomainSetup;
import dev.crmkit.model.Checks;
import dev.crmkit.spi.StorageCapability;
import dev.crmkit.spi.customer.CustomerStorage;
import dev.crmkit.spi.team.TeamStorage;
import dev.crmkit.spi.ticket.ServiceLevelStorage;
import dev.crmkit.spi.ticket.TicketStorage;
import java.util.Map;
import java.util.Set;

/**
 * The ticket domain as {@code Crm} composes it: offers {@link TicketService} per tenant, records the
 * {@link TicketEvent}s, and in a customer merge moves the merged customer's tickets (and the tickets the merged person
 * raised as an organization's contact person) to the survivor, reported as {@code tickets} in
 * {@code customer.merged}. It checks customers, contact persons and assignees in the customer and team stores.
 * Registered by default with {@link TicketSettings#defaults()}; register {@code new TicketModule(settings)} to give
 * tenants other reopen windows or {@link PriorityRule}s, and {@code new TicketModule(settings, escalation)} to give
 * them {@link EscalationPolicy escalation policies}. It handles the due work of escalations ({@code
 * ticket.escalation-due}): a milestone's breach is recorded when it happens ({@link TicketMilestoneBreached}) and the
 * tenant's {@link EscalationStep}s run near and at it, each once per milestone.
 */
public final class TicketModule implements DomainModule {
    /** The domain's name. */
    public static final String NAME = "ticket";

    private final TicketSettings settings;
    private final EscalationSettings escalation;

    /** The module with {@link TicketSettings#defaults()}. */
    public TicketModule() {
        this(TicketSettings.defaults());
    }

    /**
     * The module with these settings.
     *
     * @throws dev.crmkit.model.ValidationException ({@code settings}) when they are null
     */
    public TicketModule(TicketSettings settings) {
        this(settings, EscalationSettings.none());
    }

    /**
     * The module with these settings and these escalation policies and actions.
     *
     * @throws dev.crmkit.model.ValidationException ({@code settings}, {@code escalation}) when one is null
     */
    public TicketModule(TicketSettings settings, EscalationSettings escalation) {
        this.settings = Checks.required("settings", settings);
        this.escalation = Checks.required("escalation", escalation);
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
        return Set.of(TicketStorage.class, ServiceLevelStorage.class, CustomerStorage.class, TeamStorage.class);
    }

    @Override
    public void install(DomainSetup setup) {
        setup.events(TicketEvent.class);
        setup.events(ServiceLevelEvent.class);
        setup.events(EscalationEvent.class);
        setup.service(TicketService.class, tenant -> new StoredTickets(setup.context(), tenant.tenantId(), settings,
                escalation));
        setup.dueWork(Escalations.DUE, new EscalationDueHandler(setup.context(), settings, escalation));
        TicketStorage stores = setup.context().storage(TicketStorage.class);
        setup.customerDataPart(merge -> Map.of("tickets",
                stores.tickets().moveAll(merge.tenantId(), merge.mergedId(), merge.survivorId(), merge.at())));
    }
}
