package dev.crmkit.jdbc;

import dev.crmkit.model.Checks;
import dev.crmkit.model.DuplicateException;
import dev.crmkit.spi.idempotency.IdempotencyKey;
import dev.crmkit.spi.idempotency.IdempotencyStore;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/** Idempotency keys in {@code crm_idempotency_key}, primary key (tenant, scope, key). */
final class JdbcIdempotencyStore implements IdempotencyStore {
    private static final String TYPE = "idempotency key";
    private static final int CHUNK = 500;

    private final Database db;

    JdbcIdempotencyStore(Database db) {
        this.db = db;
    }

    @Override
    public void recordAll(List<IdempotencyKey> keys) {
        Checks.noNulls("keys", keys);
        if (keys.isEmpty()) {
            return;
        }
        List<List<?>> rows = new ArrayList<>();
        for (IdempotencyKey k : keys) {
            rows.add(List.of(k.tenantId(), k.scope(), k.key(), k.targetId(), k.recordedAt()));
        }
        try {
            db.write(TYPE, Map.of(), c -> {
                db.batch(c, "INSERT INTO crm_idempotency_key (tenant_id, scope, idempotency_key, target_id,"
                        + " recorded_at) VALUES (?, ?, ?, ?, ?)", rows);
                return null;
            });
        } catch (DuplicateException e) {
            // the key is the table's primary key: the only unique violation it can raise
            throw new DuplicateException(TYPE, "idempotencyKey");
        }
    }

    @Override
    public List<IdempotencyKey> findAll(String tenantId, String scope, Collection<String> keys) {
        Checks.tenantId("tenantId", tenantId);
        Checks.text("scope", scope, 64);
        List<String> wanted = List.copyOf(new LinkedHashSet<>(Checks.noNulls("keys", keys)));
        Checks.limit("keys.size", Math.max(1, wanted.size()), MAX_LOOKUP);
        if (wanted.isEmpty()) {
            return List.of();
        }
        return db.read(TYPE, c -> {
            List<IdempotencyKey> found = new ArrayList<>();
            for (int from = 0; from < wanted.size(); from += CHUNK) {
                List<Object> parameters = new ArrayList<>();
                String sql = "SELECT k.tenant_id, k.scope, k.idempotency_key, k.target_id, k.recorded_at FROM "
                        + db.oneOf("crm_idempotency_key", "k", List.of("tenant_id", "scope"), List.of(tenantId, scope),
                                "idempotency_key", wanted.subList(from, Math.min(wanted.size(), from + CHUNK)),
                                parameters);
                found.addAll(db.list(c, sql, parameters, r -> new IdempotencyKey(r.text("tenant_id"), r.text("scope"),
                        r.text("idempotency_key"), r.id("target_id"), r.instant("recorded_at"))));
            }
            return found;
        });
    }
}
