package dev.crmkit.core.customfield;

import dev.crmkit.core.module.DomainModule;
import dev.crmkit.core.module.DomainSetup;
import dev.crmkit.spi.StorageCapability;
import dev.crmkit.spi.customer.CustomerStorage;
import java.util.Set;

/**
 * The custom-field domain as {@code Crm} composes it: offers {@link CustomFieldService} per tenant and records the
 * {@link CustomFieldEvent}s. Its definitions live in the customer capability's store. Registered by default.
 */
public final class CustomFieldModule implements DomainModule {
    /** The domain's name. */
    public static final String NAME = "customfield";

    /** The module; it has no settings. */
    public CustomFieldModule() {
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Set<Class<? extends StorageCapability>> storageCapabilities() {
        return Set.of(CustomerStorage.class);
    }

    @Override
    public void install(DomainSetup setup) {
        setup.events(CustomFieldEvent.class);
        setup.service(CustomFieldService.class,
                tenant -> new DefaultCustomFieldService(setup.context(), tenant.tenantId()));
    }
}
