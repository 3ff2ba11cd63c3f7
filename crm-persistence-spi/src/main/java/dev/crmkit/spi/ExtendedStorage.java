package dev.crmkit.spi;

import dev.crmkit.model.Checks;
import dev.crmkit.spi.idempotency.IdempotencyStore;
import dev.crmkit.spi.outbox.OutboxStore;
import dev.crmkit.spi.scheduling.DueWorkStore;
import java.util.Optional;

/** A storage with one capability added to, or replaced in, another: see {@link Storage#with}. */
final class ExtendedStorage implements Storage {
    private final Storage base;
    private final Class<? extends StorageCapability> type;
    private final StorageCapability capability;

    ExtendedStorage(Storage base, Class<? extends StorageCapability> type, StorageCapability capability) {
        this.base = base;
        this.type = type;
        this.capability = capability;
    }

    @Override
    public TransactionRunner transactions() {
        return base.transactions();
    }

    @Override
    public OutboxStore outbox() {
        return base.outbox();
    }

    @Override
    public DueWorkStore dueWork() {
        return base.dueWork();
    }

    @Override
    public IdempotencyStore idempotency() {
        return base.idempotency();
    }

    @Override
    public <C extends StorageCapability> Optional<C> capability(Class<C> wanted) {
        Checks.required("type", wanted);
        if (wanted.equals(type)) {
            return Optional.of(wanted.cast(capability));
        }
        return base.capability(wanted);
    }
}
