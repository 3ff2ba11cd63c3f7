package dev.crmkit.core.touchpoint;

import dev.crmkit.core.module.DomainModule;
import dev.crmkit.core.module.DomainSetup;
import dev.crmkit.spi.StorageCapability;
import dev.crmkit.spi.customer.CustomerStorage;
import dev.crmkit.spi.touchpoint.TouchPointStorage;
import java.util.Map;
import java.util.Set;

/**
 * The touch-point domain as {@code Crm} composes it: offers {@link TouchPointService} per tenant, turns due follow-ups
 * into {@link FollowUpDue} through the scheduler ({@link TouchPointService#FOLLOW_UP_DUE}), records the
 * {@link TouchPointEvent}s, and moves a merged customer's interactions and follow-ups to the survivor. Registered by
 * default.
 */
public final class TouchPointModule implements DomainModule {
    /** The domain's name. */
    public static final String NAME = "touchpoint";

    /** The module; it has no settings. */
    public TouchPointModule() {
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Set<String> requires() {
        return Set.of("customer");
    }

    @Override
    public Set<Class<? extends StorageCapability>> storageCapabilities() {
        return Set.of(CustomerStorage.class, TouchPointStorage.class);
    }

    @Override
    public void install(DomainSetup setup) {
        setup.events(TouchPointEvent.class);
        setup.service(TouchPointService.class, tenant -> new StoredTouchPoints(setup.context(), tenant.tenantId()));
        setup.dueWork(TouchPointService.FOLLOW_UP_DUE, new FollowUpDueHandler(setup.context()));
        TouchPointStorage stores = setup.context().storage(TouchPointStorage.class);
        setup.customerDataPart(merge -> Map.of(
                "interactions", stores.interactions().moveAll(merge.tenantId(), merge.mergedId(), merge.survivorId(),
                        merge.at()),
                "tasks", stores.tasks().moveAll(merge.tenantId(), merge.mergedId(), merge.survivorId(), merge.at())));
    }
}
