package dev.crmkit.spi;

import dev.crmkit.model.Checks;
import dev.crmkit.model.ValidationException;
import dev.crmkit.spi.idempotency.IdempotencyStore;
import dev.crmkit.spi.outbox.OutboxStore;
import dev.crmkit.spi.scheduling.DueWorkStore;
import java.util.Optional;

/**
 * One storage backend. Every adapter offers the required core: the {@link TransactionRunner} that groups store calls
 * into units, the transactional {@link OutboxStore outbox}, the {@link DueWorkStore due-work queue} and the
 * {@link IdempotencyStore idempotency keys}. Each domain's stores come as a {@link StorageCapability} the adapter may
 * offer or not: {@link dev.crmkit.spi.customer.CustomerStorage customers},
 * {@link dev.crmkit.spi.touchpoint.TouchPointStorage touch points}, {@link dev.crmkit.spi.team.TeamStorage the team},
 * {@link dev.crmkit.spi.lead.LeadStorage leads}, {@link dev.crmkit.spi.opportunity.OpportunityStorage opportunities},
 * and those of the domains that follow. Adding a capability to CRMKit breaks no existing adapter; an adapter that
 * does not offer it simply cannot run that domain.
 *
 * <p>The {@code crm-persistence-tck} suite checks the core and every capability offered.
 *
 * <p>Implementations are thread-safe and stateless between calls apart from their connections, so several
 * application nodes may share one database through their own {@code Storage} instances.
 */
public interface Storage {
    /** Groups store calls into units that commit together. */
    TransactionRunner transactions();

    /** Domain events written in the same unit as the change that caused them. */
    OutboxStore outbox();

    /** Work that falls due at a time, claimed with leases by any node. */
    DueWorkStore dueWork();

    /** The idempotency keys of commands a caller may retry. */
    IdempotencyStore idempotency();

    /**
     * The capability of the given type, when this storage offers it. The default finds a capability this storage
     * implements itself; an adapter that keeps its capabilities in separate objects overrides it. The same call
     * returns the same object every time.
     *
     * @throws ValidationException ({@code type}) when the type is null
     */
    default <C extends StorageCapability> Optional<C> capability(Class<C> type) {
        Checks.required("type", type);
        return type.isInstance(this) ? Optional.of(type.cast(this)) : Optional.empty();
    }

    /**
     * Whether this storage offers the capability.
     *
     * @throws ValidationException ({@code type}) when the type is null
     */
    default boolean offers(Class<? extends StorageCapability> type) {
        return capability(type).isPresent();
    }

    /**
     * This storage with one more capability, such as the stores of a host's own domain written over the same
     * database. The result shares this storage's core (units, outbox, due work, keys) and its other capabilities,
     * and hands out {@code capability} for {@code type} (replacing one this storage offers of that type).
     *
     * @throws ValidationException ({@code type}, {@code capability}) when one is null or the capability is not of
     *     the type
     */
    default <C extends StorageCapability> Storage with(Class<C> type, C capability) {
        Checks.required("type", type);
        Checks.required("capability", capability);
        if (!type.isInstance(capability)) {
            throw new ValidationException("capability", "must implement " + type.getSimpleName());
        }
        return new ExtendedStorage(this, type, capability);
    }
}
