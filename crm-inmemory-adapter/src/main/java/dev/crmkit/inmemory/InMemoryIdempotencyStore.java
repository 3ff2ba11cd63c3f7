package dev.crmkit.inmemory;

import dev.crmkit.model.Checks;
import dev.crmkit.model.DuplicateException;
import dev.crmkit.spi.idempotency.IdempotencyKey;
import dev.crmkit.spi.idempotency.IdempotencyStore;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/** Idempotency keys in a map by tenant, scope and key; recorded keys are taken back when the unit rolls back. */
final class InMemoryIdempotencyStore implements IdempotencyStore {
    private record Slot(String tenantId, String scope, String key) {
        static Slot of(IdempotencyKey k) {
            return new Slot(k.tenantId(), k.scope(), k.key());
        }
    }

    private final UnitOfWork unit;
    private final Map<Slot, IdempotencyKey> keys = new HashMap<>();

    InMemoryIdempotencyStore(UnitOfWork unit) {
        this.unit = unit;
    }

    @Override
    public void recordAll(List<IdempotencyKey> recorded) {
        Checks.noNulls("keys", recorded);
        unit.inTransaction(() -> {
            Set<Slot> seen = new HashSet<>();
            for (IdempotencyKey k : recorded) {
                if (!seen.add(Slot.of(k)) || keys.containsKey(Slot.of(k))) {
                    throw new DuplicateException("idempotency key", "idempotencyKey");
                }
            }
            for (IdempotencyKey k : recorded) {
                keys.put(Slot.of(k), k);
                unit.onRollback(() -> keys.remove(Slot.of(k)));
            }
            return null;
        });
    }

    @Override
    public List<IdempotencyKey> findAll(String tenantId, String scope, Collection<String> wanted) {
        Checks.tenantId("tenantId", tenantId);
        Checks.text("scope", scope, 64);
        Set<String> distinct = new HashSet<>(Checks.noNulls("keys", wanted));
        Checks.limit("keys.size", Math.max(1, distinct.size()), MAX_LOOKUP);
        return unit.inTransaction(() -> distinct.stream().map(k -> keys.get(new Slot(tenantId, scope, k)))
                .filter(Objects::nonNull).toList());
    }
}
