package dev.crmkit.jdbc;

import dev.crmkit.model.ConflictException;
import dev.crmkit.model.DuplicateException;
import dev.crmkit.model.ValidationException;
import dev.crmkit.spi.StoredRecord;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A table of records kept one per key of a tenant (a tenant's SLA policy, a team's calendar, a member's hours) and
 * replaced whole by compare-and-set on the version. A first record is an {@code INSERT} that a racing first record
 * meets as a duplicate key; a later one an {@code UPDATE ... WHERE version = ?}, which the database re-checks against
 * the committed row, so of two racing changes exactly one is stored. The key columns lead the primary key after
 * {@code tenant_id}; {@code id} and {@code created_at} are never updated.
 *
 * @param <R> the record type
 */
final class JdbcSlots<R extends StoredRecord> {
    private final Database db;
    private final String type;
    private final String table;
    private final List<String> keyColumns;
    private final List<String> valueColumns;
    private final RowMapper<R> mapper;
    private final String columns;
    /** Whether a later record's compare-and-set runs without a savepoint in a unit CRMKit began. */
    private final boolean updatesWithoutSavepoint;

    /** Column names are fixed by the caller's code, never input. */
    JdbcSlots(Database db, String type, String table, List<String> keyColumns, List<String> valueColumns,
            RowMapper<R> mapper) {
        this(db, type, table, keyColumns, valueColumns, mapper, false);
    }

    /**
     * {@code updatesWithoutSavepoint}: a later record's {@code UPDATE} runs without a savepoint in a unit CRMKit began
     * ({@link Database#writeWithoutSavepoint}), for a table whose callers never recover from a failed one inside the
     * unit. A stale version changes no row and leaves the unit usable; a first record's {@code INSERT} keeps its
     * savepoint, so a racing first record is a conflict the unit survives.
     */
    JdbcSlots(Database db, String type, String table, List<String> keyColumns, List<String> valueColumns,
            RowMapper<R> mapper, boolean updatesWithoutSavepoint) {
        this.updatesWithoutSavepoint = updatesWithoutSavepoint;
        this.db = db;
        this.type = type;
        this.table = table;
        this.keyColumns = List.copyOf(keyColumns);
        this.valueColumns = List.copyOf(valueColumns);
        this.mapper = mapper;
        List<String> all = new ArrayList<>(List.of("tenant_id"));
        all.addAll(keyColumns);
        all.addAll(List.of("id", "version", "created_at", "updated_at"));
        all.addAll(valueColumns);
        this.columns = String.join(", ", all);
    }

    /**
     * Stores {@code record} under {@code key} (values for the key columns) with {@code values} (for the value
     * columns) over the stored version {@code expectedVersion} (0: none yet), and returns it as stored.
     */
    R save(R record, List<?> key, List<?> values, long expectedVersion) {
        store(record, key, values, expectedVersion);
        return get(record.tenantId(), key).orElseThrow();
    }

    /** {@link #save} without reading the record back: for a caller that knows what it stored. */
    void store(R record, List<?> key, List<?> values, long expectedVersion) {
        if (expectedVersion < 0) {
            throw new ValidationException("expectedVersion", "must be 0 (none yet) or more");
        }
        String described = record.tenantId() + "/" + key;
        if (expectedVersion == 0) {
            List<Object> parameters = new ArrayList<>();
            parameters.add(record.tenantId());
            parameters.addAll(key);
            parameters.addAll(java.util.Arrays.asList(record.id(), 1L, record.createdAt(), record.updatedAt()));
            parameters.addAll(values);
            try {
                db.write(type, Map.of(), c -> db.update(c, "INSERT INTO " + table + " (" + columns + ") VALUES "
                        + Database.placeholders(parameters.size()), parameters));
            } catch (DuplicateException e) {
                throw ConflictException.staleVersion(type, described, expectedVersion);
            }
        } else {
            StringBuilder sql = new StringBuilder("UPDATE " + table + " SET version = ?, updated_at = ?");
            List<Object> parameters = new ArrayList<>(List.of(expectedVersion + 1, record.updatedAt()));
            for (int i = 0; i < valueColumns.size(); i++) {
                sql.append(", ").append(valueColumns.get(i)).append(" = ?");
                parameters.add(values.get(i));
            }
            sql.append(where()).append(" AND version = ?");
            parameters.add(record.tenantId());
            parameters.addAll(key);
            parameters.add(expectedVersion);
            SqlWork<Integer> update = c -> {
                int changed = db.update(c, sql.toString(), parameters);
                if (changed == 0) {
                    // nothing written: the unit stays usable, with or without a savepoint
                    throw ConflictException.staleVersion(type, described, expectedVersion);
                }
                return changed;
            };
            if (updatesWithoutSavepoint) {
                db.writeWithoutSavepoint(type, Map.of(), update);
            } else {
                db.write(type, Map.of(), update);
            }
        }
    }

    /** The record stored under {@code key} in the tenant. */
    Optional<R> get(String tenantId, List<?> key) {
        List<Object> parameters = new ArrayList<>();
        parameters.add(tenantId);
        parameters.addAll(key);
        return db.read(type, c -> db.one(c, "SELECT " + columns + " FROM " + table + where(), parameters, mapper));
    }

    /**
     * The records stored in the tenant under any of {@code keys}, in one statement; only for a table keyed by one
     * column. Keys without a record have none in the list.
     */
    List<R> getAll(String tenantId, List<?> keys) {
        if (keyColumns.size() != 1) {
            throw new IllegalStateException(table + " is keyed by " + keyColumns.size() + " columns");
        }
        if (keys.isEmpty()) {
            return List.of();
        }
        List<Object> parameters = new ArrayList<>();
        parameters.add(tenantId);
        parameters.addAll(keys);
        return db.read(type, c -> db.list(c, "SELECT " + columns + " FROM " + table + " WHERE tenant_id = ? AND "
                + keyColumns.get(0) + " IN " + Database.placeholders(keys.size()), parameters, mapper));
    }

    private String where() {
        StringBuilder sql = new StringBuilder(" WHERE tenant_id = ?");
        keyColumns.forEach(k -> sql.append(" AND ").append(k).append(" = ?"));
        return sql.toString();
    }
}
