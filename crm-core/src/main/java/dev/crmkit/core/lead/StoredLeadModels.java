package dev.crmkit.core.lead;

import dev.crmkit.spi.lead.LeadModelRecord;
import dev.crmkit.spi.lead.LeadModelStore;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The tenants' trained predictive models as storage holds them ({@link LeadModelStore}), so every node scores with the
 * same model and a restart changes nothing. A node keeps the last model it read per tenant and checks its version
 * with one short read ({@link LeadModelStore#currentVersion}) each time it is asked, so a model another node trained
 * is used from the next scoring unit on. Thread-safe.
 */
final class StoredLeadModels {
    private final LeadModelStore store;
    private final Map<String, Versioned> read = new ConcurrentHashMap<>();

    private record Versioned(long version, NaiveBayesLeadModel model) {
    }

    StoredLeadModels(LeadModelStore store) {
        this.store = store;
    }

    /** The tenant's current model, read again only when its stored version is not the one held; empty if none. */
    Optional<NaiveBayesLeadModel> current(String tenantId) {
        long version = store.currentVersion(tenantId);
        if (version == 0) {
            return Optional.empty();
        }
        Versioned held = read.get(tenantId);
        if (held != null && held.version() == version) {
            return Optional.of(held.model());
        }
        Optional<LeadModelRecord> stored = store.current(tenantId);
        if (stored.isEmpty()) {
            return Optional.empty();
        }
        Versioned fresh = new Versioned(stored.get().version(), NaiveBayesLeadModel.decode(stored.get().body()));
        read.put(tenantId, fresh);
        return Optional.of(fresh.model());
    }

    /** The version of the tenant's current model, 0 when it has none. */
    long currentVersion(String tenantId) {
        return store.currentVersion(tenantId);
    }

    /**
     * Stores a newly trained model over {@code basedOn}, the version the training started from. It is not held here:
     * the unit may still roll back, and the next {@link #current} reads what committed.
     *
     * @throws dev.crmkit.model.ConflictException when another training stored a model since
     */
    LeadModelRecord save(LeadModelRecord model, long basedOn) {
        return store.save(model, basedOn);
    }
}
