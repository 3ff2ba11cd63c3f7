package dev.crmkit.core.module;

import dev.crmkit.core.common.IdGenerator;
import dev.crmkit.model.ValidationException;
import dev.crmkit.spi.Storage;
import dev.crmkit.spi.StorageCapability;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * What a domain's services and handlers are built from, the same for CRMKit's domains and a host's: the storage with
 * its capabilities, the clock, the id generator, the log domain events are recorded in, and CRM-wide settings.
 * Thread-safe; one per {@code Crm}.
 */
public interface DomainContext {
    /** The storage: its core (units, outbox, due work, idempotency keys) and its capabilities. */
    Storage storage();

    /**
     * A capability of the storage. {@code Crm} checked at build time that the capabilities each domain declares are
     * offered, so a domain asking for one of its own never fails here.
     *
     * @throws ValidationException ({@code storage}) naming the capability when the storage does not offer it
     */
    <C extends StorageCapability> C storage(Class<C> capability);

    /** The clock every timestamp comes from. */
    Clock clock();

    /** The current instant, at the microsecond precision storage keeps. */
    default Instant now() {
        return clock().instant().truncatedTo(ChronoUnit.MICROS);
    }

    /** The generator of new record ids. */
    IdGenerator ids();

    /** Where the current unit's domain events are recorded, into the transactional outbox. */
    EventLog events();

    /**
     * The ISO 3166 region national phone numbers are read in ({@code DE}), or {@code ZZ} for international numbers
     * only.
     */
    String defaultPhoneRegion();

    /** The parts every registered domain takes in a customer's data, in registration order. */
    List<CustomerDataPart> customerDataParts();
}
