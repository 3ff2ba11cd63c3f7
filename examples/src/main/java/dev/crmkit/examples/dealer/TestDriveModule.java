package dev.crmkit.examples.dealer;

import dev.crmkit.core.customer.CustomerService;
import dev.crmkit.core.module.DomainModule;
import dev.crmkit.core.module.DomainSetup;
import dev.crmkit.spi.StorageCapability;
import java.util.Map;
import java.util.Set;

/**
 * The dealer's test drives as a CRMKit domain: registered with {@code Crm.builder().module(new TestDriveModule())}
 * beside the built-in ones, over a storage that offers {@link TestDriveStorage}. It brings its tenant service, its
 * events, the reminder the day before a drive, and its part in a customer merge; nothing in CRMKit names it.
 */
public final class TestDriveModule implements DomainModule {
    /** The domain's name: the host's prefix keeps it apart from CRMKit's and other vendors' domains. */
    public static final String NAME = "dealer.test-drive";

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
        return Set.of(TestDriveStorage.class);
    }

    @Override
    public void install(DomainSetup setup) {
        setup.events(TestDriveEvent.class);
        setup.service(TestDriveService.class, tenant -> new StoredTestDrives(setup.context(),
                tenant.service(CustomerService.class), tenant.tenantId()));
        setup.dueWork(TestDriveService.REMINDER_DUE, new ReminderHandler(setup.context()));
        TestDriveStore drives = setup.context().storage(TestDriveStorage.class).testDrives();
        setup.customerDataPart(merge -> Map.of("testDrives",
                drives.moveAll(merge.tenantId(), merge.mergedId(), merge.survivorId(), merge.at())));
    }
}
