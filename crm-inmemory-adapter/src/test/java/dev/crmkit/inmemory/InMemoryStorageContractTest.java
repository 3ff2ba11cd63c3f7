package dev.crmkit.inmemory;

import dev.crmkit.spi.Storage;
import dev.crmkit.tck.StorageContract;

/** The in-memory adapter against the whole storage contract. */
class InMemoryStorageContractTest extends StorageContract {
    @Override
    protected Storage newStorage() {
        return new InMemoryStorage();
    }
}
