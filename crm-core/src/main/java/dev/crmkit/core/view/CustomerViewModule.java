package dev.crmkit.core.view;

import dev.crmkit.core.module.DomainModule;
import dev.crmkit.core.module.DomainSetup;
import dev.crmkit.spi.StorageCapability;
import dev.crmkit.spi.customer.CustomerStorage;
import dev.crmkit.spi.touchpoint.TouchPointStorage;
import java.util.Set;

/**
 * The customer 360-degree view as {@code Crm} composes it: offers {@link CustomerViewService} per tenant. It reads the
 * customer and touch-point stores, and the leads a customer came from when the storage offers the lead capability.
 * Registered by default.
 */
public final class CustomerViewModule implements DomainModule {
    /** The domain's name. */
    public static final String NAME = "customer-view";

    /** The module; it has no settings. */
    public CustomerViewModule() {
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Set<String> requires() {
        return Set.of("customer", "touchpoint");
    }

    @Override
    public Set<Class<? extends StorageCapability>> storageCapabilities() {
        return Set.of(CustomerStorage.class, TouchPointStorage.class);
    }

    @Override
    public void install(DomainSetup setup) {
        setup.service(CustomerViewService.class,
                tenant -> new StoredCustomerViews(setup.context(), tenant.tenantId()));
    }
}
