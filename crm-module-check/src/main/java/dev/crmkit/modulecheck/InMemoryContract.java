package dev.crmkit.modulecheck;

import dev.crmkit.inmemory.InMemoryStorage;
import dev.crmkit.spi.Storage;
import dev.crmkit.tck.StorageContract;

/** The storage contract suite on the in-memory adapter, as an adapter author on the module path extends it. */
class InMemoryContract extends StorageContract {
    @Override
    protected Storage newStorage() {
        return new InMemoryStorage();
    }
}
