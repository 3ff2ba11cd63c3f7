package dev.crmkit.core.ticket;

import dev.crmkit.core.module.DomainModule;
import dev.crmkit.core.module.DomainSetup;
import dev.crmkit.spi.StorageCapability;
import dev.crmkit.spi.ticket.ServiceLevelStorage;
import dev.crmkit.spi.ticket.ServiceReportStorage;
import dev.crmkit.spi.ticket.TicketStorage;
import java.util.Set;

/**
 * Customer service's reports as {@code Crm} composes them: offers {@link ServiceReports} per tenant. Reads the
 * tickets and their milestones; satisfaction and deflection when the storage keeps surveys and a knowledge base.
 * Records no events (it changes nothing). Registered by default.
 */
public final class ServiceReportModule implements DomainModule {
    /** The domain's name. */
    public static final String NAME = "ticket.reports";

    /** The module; it has no settings. */
    public ServiceReportModule() {
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Set<String> requires() {
        return Set.of(TicketModule.NAME);
    }

    @Override
    public Set<Class<? extends StorageCapability>> storageCapabilities() {
        return Set.of(ServiceReportStorage.class, TicketStorage.class, ServiceLevelStorage.class);
    }

    @Override
    public void install(DomainSetup setup) {
        setup.service(ServiceReports.class, tenant -> new StoredServiceReports(setup.context(), tenant.tenantId()));
    }
}
