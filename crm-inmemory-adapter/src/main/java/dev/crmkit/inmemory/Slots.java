package dev.crmkit.inmemory;

import dev.crmkit.model.ConflictException;
import dev.crmkit.model.ValidationException;
import dev.crmkit.spi.StoredRecord;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

/**
 * Records kept one per key of a tenant (a tenant's policy, a team's calendar, a member's hours) and replaced whole by
 * compare-and-set on the version: the stored record's {@code id} and {@code createdAt} stay, the version becomes
 * {@code expectedVersion + 1}. Callers hold the unit's lock.
 *
 * @param <R> the record type
 */
final class Slots<R extends StoredRecord> {
    /** Builds the record to store from the one given, with the id, version and creation time to keep. */
    @FunctionalInterface
    interface Restamp<R> {
        R with(R given, UUID id, long version, Instant createdAt);
    }

    private final String type;
    private final Table<R> table;
    private final Function<R, Object> keyOf;
    private final Restamp<R> restamp;

    Slots(String type, UnitOfWork unit, Function<R, Object> keyOf, Restamp<R> restamp) {
        this.type = type;
        this.table = new Table<>(type, unit);
        this.keyOf = keyOf;
        this.restamp = restamp;
    }

    /** The stored record of this key in the tenant. */
    Optional<R> get(String tenantId, Object key) {
        return table.all(tenantId).stream().filter(r -> java.util.Objects.equals(keyOf.apply(r), key)).findFirst();
    }

    /**
     * Stores {@code record} over the stored one at {@code expectedVersion} (0: none yet).
     *
     * @throws ValidationException ({@code expectedVersion}) when negative
     * @throws ConflictException (retryable) when the stored version differs
     */
    R save(R record, long expectedVersion) {
        if (expectedVersion < 0) {
            throw new ValidationException("expectedVersion", "must be 0 (none yet) or more");
        }
        Object key = keyOf.apply(record);
        Optional<R> stored = get(record.tenantId(), key);
        if (stored.map(StoredRecord::version).orElse(0L) != expectedVersion) {
            throw ConflictException.staleVersion(type, String.valueOf(key), expectedVersion);
        }
        R next = restamp.with(record, stored.map(StoredRecord::id).orElse(record.id()), expectedVersion + 1,
                stored.map(StoredRecord::createdAt).orElse(record.createdAt()));
        table.put(next);
        return next;
    }
}
