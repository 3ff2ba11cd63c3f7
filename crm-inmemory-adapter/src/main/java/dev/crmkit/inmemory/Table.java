package dev.crmkit.inmemory;

import dev.crmkit.model.ConflictException;
import dev.crmkit.model.DuplicateException;
import dev.crmkit.model.NotFoundException;
import dev.crmkit.spi.Ids;
import dev.crmkit.spi.StoredRecord;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;

/**
 * The rows of one record type, per tenant, ordered by id in {@link Ids#ORDER}. Every change registers its undo
 * with the unit of work. Callers hold the unit's lock.
 */
final class Table<R extends StoredRecord> {
    private final String type;
    private final UnitOfWork unit;
    private final Map<String, NavigableMap<UUID, R>> tenants = new HashMap<>();

    Table(String type, UnitOfWork unit) {
        this.type = type;
        this.unit = unit;
    }

    NavigableMap<UUID, R> rows(String tenantId) {
        return tenants.computeIfAbsent(tenantId, t -> new TreeMap<>(Ids.ORDER));
    }

    Collection<R> all(String tenantId) {
        return rows(tenantId).values();
    }

    Optional<R> get(String tenantId, UUID id) {
        return Optional.ofNullable(rows(tenantId).get(id));
    }

    void checkInsertable(R record) {
        if (record.version() != 1) {
            throw new dev.crmkit.model.ValidationException("version", "must be 1 on insert");
        }
        if (rows(record.tenantId()).containsKey(record.id())) {
            throw new DuplicateException(type, "id");
        }
    }

    R insert(R record) {
        checkInsertable(record);
        put(record);
        return record;
    }

    /** Checks the stored version and returns the stored row. */
    R expect(String tenantId, UUID id, long expectedVersion) {
        R stored = rows(tenantId).get(id);
        if (stored == null) {
            throw new NotFoundException(type, id);
        }
        if (stored.version() != expectedVersion) {
            throw ConflictException.staleVersion(type, id, expectedVersion);
        }
        return stored;
    }

    /**
     * A row's lock for the caller's unit. Every unit holds the storage's one lock from start to end, so the row is
     * locked for the unit already, as every other row: this only checks that it exists.
     */
    void lock(String tenantId, UUID id) {
        if (!rows(tenantId).containsKey(id)) {
            throw new NotFoundException(type, id);
        }
    }

    /** Stores a row, new or replacing, with undo. */
    void put(R record) {
        NavigableMap<UUID, R> rows = rows(record.tenantId());
        R previous = rows.put(record.id(), record);
        unit.onRollback(() -> {
            if (previous == null) {
                rows.remove(record.id());
            } else {
                rows.put(record.id(), previous);
            }
        });
    }

    void remove(String tenantId, UUID id) {
        NavigableMap<UUID, R> rows = rows(tenantId);
        R previous = rows.remove(id);
        if (previous != null) {
            unit.onRollback(() -> rows.put(id, previous));
        }
    }
}
