package dev.crmkit.core.module;

import dev.crmkit.spi.StorageCapability;
import java.util.Set;

/**
 * One domain of the CRM (customers, touch points, leads, a host's own test drives) as {@code Crm} composes it: the
 * storage capabilities it needs, the domains it builds on, and what it {@link #install installs} — its tenant-scoped
 * services, due-work handlers, event types and reactions, and its part in a customer's data (merging today; exporting
 * and erasing a person's data are the next parts).
 *
 * <p>{@code Crm.builder()} registers CRMKit's built-in domains by default (they are found with
 * {@link java.util.ServiceLoader}) and takes a host's own with {@code module(...)}; it checks before anything runs
 * that every required domain is registered and every storage capability offered, and names what is missing. No class
 * of CRMKit names all domains: a new domain adds files, it does not edit a hub.
 *
 * <pre>{@code
 * public final class TestDriveModule implements DomainModule {
 *     public String name() { return "dealer.test-drive"; }
 *     public Set<String> requires() { return Set.of("customer"); }
 *     public Set<Class<? extends StorageCapability>> storageCapabilities() { return Set.of(TestDriveStorage.class); }
 *     public void install(DomainSetup setup) {
 *         setup.events(TestDriveEvent.class);
 *         setup.service(TestDriveService.class, tenant -> new StoredTestDrives(setup.context(), tenant.tenantId()));
 *         setup.dueWork(TestDriveService.REMINDER_DUE, new ReminderHandler(setup.context()));
 *         setup.customerDataPart(new TestDriveMergePart(setup.context()));
 *     }
 * }
 * }</pre>
 *
 * <p>A module object holds its settings; what it builds in {@code install} belongs to that one {@code Crm}.
 */
public interface DomainModule {
    /**
     * The domain's name, unique among the registered domains: lower-case letters, digits, '-' and '.', 1 to 40
     * characters, such as {@code lead} or {@code dealer.test-drive}. Registering a module under the name of a built-in
     * one replaces the built-in one (with other settings, say).
     */
    String name();

    /** The names of the domains this one uses, which must be registered too; none by default. */
    default Set<String> requires() {
        return Set.of();
    }

    /** The storage capabilities this domain's stores come from, which the storage must offer; none by default. */
    default Set<Class<? extends StorageCapability>> storageCapabilities() {
        return Set.of();
    }

    /**
     * Contributes the domain to a {@code Crm} being built: called once per {@code Crm}, after the domains it requires
     * installed theirs. Register everything through {@code setup}; keep no reference to it afterwards except its
     * {@link DomainSetup#context() context}.
     */
    void install(DomainSetup setup);
}
