package dev.crmkit.jdbc;

import dev.crmkit.model.Checks;
import dev.crmkit.model.Cursor;
import dev.crmkit.model.Page;
import dev.crmkit.model.PageRequest;
import dev.crmkit.spi.customer.MatchKeyRecord;
import dev.crmkit.spi.customer.MatchKeyStore;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Match keys in {@code crm_match_key}, keyed by tenant, key and customer (so a lookup by key is an index range), with
 * a second index by customer for replacing one customer's keys.
 */
final class JdbcMatchKeyStore implements MatchKeyStore {
    private static final String TYPE = "match key";
    private static final String INSERT = "INSERT INTO crm_match_key (tenant_id, match_key, customer_id) VALUES (?, ?, ?)";
    private static final int CHUNK = 500;

    private final Database db;

    JdbcMatchKeyStore(Database db) {
        this.db = db;
    }

    @Override
    public void replace(String tenantId, UUID customerId, Set<String> keys) {
        Checks.id("customerId", customerId);
        replaceAll(tenantId, Map.of(customerId, checkKeys("keys", keys)));
    }

    @Override
    public void replaceAll(String tenantId, Map<UUID, Set<String>> keysByCustomer) {
        Map<UUID, Set<String>> checked = checkBatch(tenantId, keysByCustomer);
        if (checked.isEmpty()) {
            return;
        }
        db.write(TYPE, Map.of(), c -> {
            List<UUID> ids = new ArrayList<>(checked.keySet());
            for (int from = 0; from < ids.size(); from += CHUNK) {
                db.deleteOneOf(c, "crm_match_key", List.of("tenant_id"), List.of(tenantId), "customer_id",
                        ids.subList(from, Math.min(ids.size(), from + CHUNK)));
            }
            db.batch(c, INSERT, rows(tenantId, checked));
            return null;
        });
    }

    /**
     * The keys as plain inserts: a customer that already holds one of them violates the primary key, a
     * {@link dev.crmkit.model.DuplicateException}, and the call stores nothing.
     */
    @Override
    public void insertAll(String tenantId, Map<UUID, Set<String>> keysByCustomer) {
        Map<UUID, Set<String>> checked = checkBatch(tenantId, keysByCustomer);
        List<List<?>> rows = rows(tenantId, checked);
        if (rows.isEmpty()) {
            return;
        }
        db.write(TYPE, Map.of(), c -> {
            db.batch(c, INSERT, rows);
            return null;
        });
    }

    private static Map<UUID, Set<String>> checkBatch(String tenantId, Map<UUID, Set<String>> keysByCustomer) {
        Checks.tenantId("tenantId", tenantId);
        Checks.required("keysByCustomer", keysByCustomer);
        Checks.limit("keysByCustomer.size", Math.max(1, keysByCustomer.size()), MAX_KEYS);
        Map<UUID, Set<String>> checked = new LinkedHashMap<>();
        keysByCustomer.forEach((id, keys) -> {
            Checks.id("customerId", id);
            checked.put(id, checkKeys("keys[" + id + "]", keys));
        });
        return checked;
    }

    private static List<List<?>> rows(String tenantId, Map<UUID, Set<String>> keysByCustomer) {
        List<List<?>> rows = new ArrayList<>();
        keysByCustomer.forEach((id, keys) -> keys.forEach(key -> rows.add(List.of(tenantId, key, id))));
        return rows;
    }

    private static Set<String> checkKeys(String field, Set<String> keys) {
        Checks.noNulls(field, keys);
        Checks.limit(field + ".size", Math.max(1, keys.size()), MAX_KEYS);
        for (String key : keys) {
            Checks.text(field, key, MAX_KEY_LENGTH);
        }
        return Set.copyOf(keys);
    }

    @Override
    public Page<MatchKeyRecord> find(String tenantId, Collection<String> keys, PageRequest page) {
        Checks.tenantId("tenantId", tenantId);
        List<String> wanted = List.copyOf(new LinkedHashSet<>(Checks.noNulls("keys", keys)));
        Checks.limit("keys.size", Math.max(1, wanted.size()), MAX_KEYS);
        Checks.required("page", page);
        String afterKey = null;
        UUID afterId = null;
        if (page.after() != null) {
            List<String> parts = page.after().keys(2);
            afterKey = parts.get(0);
            afterId = JdbcInteractionStore.parseId(parts.get(1));
        }
        if (wanted.isEmpty()) {
            return Page.empty();
        }
        List<Object> parameters = new ArrayList<>();
        StringBuilder sql = new StringBuilder("SELECT k.match_key, k.customer_id FROM ")
                .append(db.oneOf("crm_match_key", "k", List.of("tenant_id"), List.of(tenantId),
                        "match_key", wanted, parameters));
        if (afterKey != null) {
            sql.append(" AND (k.match_key > ? OR (k.match_key = ? AND k.customer_id > ?))");
            parameters.add(afterKey);
            parameters.add(afterKey);
            parameters.add(afterId);
        }
        sql.append(" ORDER BY k.match_key, k.customer_id").append(Database.limit(page.limit()));
        return db.read(TYPE, c -> {
            List<MatchKeyRecord> items = db.list(c, sql.toString(), parameters,
                    r -> new MatchKeyRecord(tenantId, r.text("match_key"), r.id("customer_id")));
            Optional<Cursor> next = items.size() == page.limit()
                    ? Optional.of(Cursor.of(List.of(items.get(items.size() - 1).key(),
                            items.get(items.size() - 1).customerId().toString())))
                    : Optional.empty();
            return new Page<>(items, next);
        });
    }

    /**
     * One grouped read of the key index's range after {@code afterKey}: the primary key leads with tenant and key, so
     * the database groups in index order and stops after {@code limit} shared keys.
     */
    @Override
    public List<SharedKey> sharedKeys(String tenantId, String afterKey, int limit) {
        Checks.tenantId("tenantId", tenantId);
        if (afterKey != null) {
            Checks.text("afterKey", afterKey, MAX_KEY_LENGTH);
        }
        Checks.limit("limit", limit, MAX_KEYS);
        List<Object> parameters = new ArrayList<>();
        parameters.add(tenantId);
        StringBuilder sql = new StringBuilder("SELECT match_key, COUNT(*) AS holders FROM crm_match_key"
                + " WHERE tenant_id = ?");
        if (afterKey != null) {
            sql.append(" AND match_key > ?");
            parameters.add(afterKey);
        }
        sql.append(" GROUP BY match_key HAVING COUNT(*) > 1 ORDER BY match_key").append(Database.limit(limit));
        return db.read(TYPE, c -> db.list(c, sql.toString(), parameters,
                r -> new SharedKey(r.text("match_key"), (int) r.number("holders"))));
    }
}
