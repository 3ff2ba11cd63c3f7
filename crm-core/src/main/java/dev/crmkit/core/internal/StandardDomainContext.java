package dev.crmkit.core.internal;

import dev.crmkit.core.common.IdGenerator;
import dev.crmkit.core.module.CustomerDataPart;
import dev.crmkit.core.module.DomainContext;
import dev.crmkit.core.module.EventLog;
import dev.crmkit.model.ValidationException;
import dev.crmkit.spi.Storage;
import dev.crmkit.spi.StorageCapability;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** The context every domain of one {@code Crm} is built from. */
final class StandardDomainContext implements DomainContext {
    private final Storage storage;
    private final Clock clock;
    private final IdGenerator ids;
    private final EventLog events;
    private final String defaultPhoneRegion;
    private final List<CustomerDataPart> customerDataParts = new CopyOnWriteArrayList<>();

    StandardDomainContext(Storage storage, Clock clock, IdGenerator ids, EventLog events, String defaultPhoneRegion) {
        this.storage = storage;
        this.clock = clock;
        this.ids = ids;
        this.events = events;
        this.defaultPhoneRegion = defaultPhoneRegion;
    }

    @Override
    public Storage storage() {
        return storage;
    }

    @Override
    public <C extends StorageCapability> C storage(Class<C> capability) {
        return storage.capability(capability).orElseThrow(() -> new ValidationException("storage",
                "offers no " + capability.getSimpleName() + " capability"));
    }

    @Override
    public Clock clock() {
        return clock;
    }

    @Override
    public IdGenerator ids() {
        return ids;
    }

    @Override
    public EventLog events() {
        return events;
    }

    @Override
    public String defaultPhoneRegion() {
        return defaultPhoneRegion;
    }

    @Override
    public List<CustomerDataPart> customerDataParts() {
        return List.copyOf(customerDataParts);
    }

    void addCustomerDataPart(CustomerDataPart part) {
        customerDataParts.add(part);
    }
}
