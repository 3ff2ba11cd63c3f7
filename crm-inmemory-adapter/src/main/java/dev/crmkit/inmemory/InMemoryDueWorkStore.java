package dev.crmkit.inmemory;

import dev.crmkit.model.Checks;
import dev.crmkit.model.PageRequest;
import dev.crmkit.spi.Ids;
import dev.crmkit.spi.scheduling.DueWorkRecord;
import dev.crmkit.spi.scheduling.DueWorkStore;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

final class InMemoryDueWorkStore implements DueWorkStore {
    private record Key(String tenantId, String kind, String key) {
    }

    private static final Comparator<DueWorkRecord> EARLIEST_DUE = Comparator.comparing(DueWorkRecord::dueAt)
            .thenComparing(DueWorkRecord::id, Ids.ORDER);

    private final UnitOfWork unit;
    private final Map<Key, DueWorkRecord> work = new HashMap<>();

    InMemoryDueWorkStore(UnitOfWork unit) {
        this.unit = unit;
    }

    private static Key keyOf(DueWorkRecord w) {
        return new Key(w.tenantId(), w.kind(), w.key());
    }

    private void put(DueWorkRecord record) {
        Key key = keyOf(record);
        DueWorkRecord previous = work.put(key, record);
        unit.onRollback(() -> {
            if (previous == null) {
                work.remove(key);
            } else {
                work.put(key, previous);
            }
        });
    }

    private void remove(Key key) {
        DueWorkRecord previous = work.remove(key);
        if (previous != null) {
            unit.onRollback(() -> work.put(key, previous));
        }
    }

    @Override
    public DueWorkRecord schedule(DueWorkRecord w) {
        Checks.required("work", w);
        return unit.inTransaction(() -> {
            DueWorkRecord existing = work.get(keyOf(w));
            DueWorkRecord stored = new DueWorkRecord(w.tenantId(), existing == null ? w.id() : existing.id(), w.kind(),
                    w.key(), w.dueAt(), w.payload(), null, null, existing == null ? 0 : existing.attempts());
            put(stored);
            return stored;
        });
    }

    @Override
    public void scheduleAll(List<DueWorkRecord> pieces) {
        Checks.noNulls("work", pieces);
        if (pieces.stream().map(InMemoryDueWorkStore::keyOf).distinct().count() != pieces.size()) {
            throw new dev.crmkit.model.ValidationException("work", "names one kind and key of a tenant twice");
        }
        unit.inTransaction(() -> {
            pieces.forEach(this::schedule);
            return null;
        });
    }

    @Override
    public boolean cancel(String tenantId, String kind, String key) {
        Key k = new Key(Checks.tenantId("tenantId", tenantId), Checks.text("kind", kind, 100), Checks.text("key", key, 100));
        return unit.inTransaction(() -> {
            boolean present = work.containsKey(k);
            remove(k);
            return present;
        });
    }

    @Override
    public Optional<DueWorkRecord> find(String tenantId, String kind, String key) {
        Key k = new Key(Checks.tenantId("tenantId", tenantId), Checks.text("kind", kind, 100), Checks.text("key", key, 100));
        return unit.inTransaction(() -> Optional.ofNullable(work.get(k)));
    }

    @Override
    public List<DueWorkRecord> claimDue(String claimer, int limit, Duration lease, Instant now) {
        Checks.text("claimer", claimer, 100);
        Checks.limit("limit", limit, PageRequest.MAX_LIMIT);
        InMemoryOutboxStore.checkLease(lease);
        Instant at = Checks.instant("now", now);
        return unit.inTransaction(() -> {
            List<DueWorkRecord> due = work.values().stream()
                    .filter(w -> !w.dueAt().isAfter(at))
                    .filter(w -> w.leaseUntil() == null || !w.leaseUntil().isAfter(at))
                    .sorted(EARLIEST_DUE)
                    .limit(limit)
                    .toList();
            List<DueWorkRecord> claimed = new ArrayList<>();
            for (DueWorkRecord w : due) {
                DueWorkRecord held = new DueWorkRecord(w.tenantId(), w.id(), w.kind(), w.key(), w.dueAt(), w.payload(),
                        claimer, at.plus(lease), w.attempts() + 1);
                put(held);
                claimed.add(held);
            }
            return claimed;
        });
    }

    private Optional<DueWorkRecord> heldBy(String claimer, String tenantId, UUID id) {
        return work.values().stream()
                .filter(w -> w.tenantId().equals(tenantId) && w.id().equals(id) && claimer.equals(w.claimedBy()))
                .findFirst();
    }

    @Override
    public boolean complete(String claimer, String tenantId, UUID id) {
        Checks.text("claimer", claimer, 100);
        Checks.tenantId("tenantId", tenantId);
        Checks.id("id", id);
        return unit.inTransaction(() -> {
            Optional<DueWorkRecord> held = heldBy(claimer, tenantId, id);
            held.ifPresent(w -> remove(keyOf(w)));
            return held.isPresent();
        });
    }

    @Override
    public boolean retryLater(String claimer, String tenantId, UUID id, Instant retryAt) {
        Checks.text("claimer", claimer, 100);
        Checks.tenantId("tenantId", tenantId);
        Checks.id("id", id);
        Instant at = Checks.instant("retryAt", retryAt);
        return unit.inTransaction(() -> {
            Optional<DueWorkRecord> held = heldBy(claimer, tenantId, id);
            held.ifPresent(w -> put(new DueWorkRecord(w.tenantId(), w.id(), w.kind(), w.key(), at, w.payload(), null,
                    null, w.attempts())));
            return held.isPresent();
        });
    }
}
