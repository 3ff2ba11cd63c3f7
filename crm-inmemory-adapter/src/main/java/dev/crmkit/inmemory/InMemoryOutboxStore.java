package dev.crmkit.inmemory;

import dev.crmkit.model.Checks;
import dev.crmkit.model.DuplicateException;
import dev.crmkit.model.PageRequest;
import dev.crmkit.spi.outbox.OutboxEvent;
import dev.crmkit.spi.outbox.OutboxStore;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

final class InMemoryOutboxStore implements OutboxStore {
    /** One outbox row: the event and its delivery state. */
    private record Entry(OutboxEvent event, String claimedBy, Instant leaseUntil, Instant deliveredAt) {
        boolean heldBy(String claimer, Instant now) {
            return claimedBy != null && claimedBy.equals(claimer) && leaseUntil.isAfter(now);
        }

        boolean heldByAnyone(Instant now) {
            return claimedBy != null && leaseUntil.isAfter(now);
        }
    }

    private record Aggregate(String type, String id) {
    }

    private final UnitOfWork unit;
    private final NavigableMap<Long, Entry> bySequence = new TreeMap<>();
    private final Map<UUID, Long> sequenceById = new HashMap<>();
    private long lastSequence;

    InMemoryOutboxStore(UnitOfWork unit) {
        this.unit = unit;
    }

    @Override
    public void append(List<OutboxEvent> events) {
        Checks.noNulls("events", events);
        unit.run(() -> {
            // every id checked before any event is appended: a unit that catches the duplicate and goes on keeps none
            // of the batch
            Set<UUID> ids = new HashSet<>();
            for (OutboxEvent e : events) {
                if (sequenceById.containsKey(e.id()) || !ids.add(e.id())) {
                    throw new DuplicateException("outbox event", "id");
                }
            }
            for (OutboxEvent e : events) {
                long sequence = ++lastSequence;
                OutboxEvent stored = new OutboxEvent(e.tenantId(), e.id(), e.aggregateType(), e.aggregateId(),
                        e.type(), e.schemaVersion(), e.payload(), e.occurredAt(), sequence);
                put(new Entry(stored, null, null, null));
                sequenceById.put(e.id(), sequence);
                unit.onRollback(() -> sequenceById.remove(e.id()));
            }
        });
    }

    private void put(Entry entry) {
        long sequence = entry.event().sequence();
        Entry previous = bySequence.put(sequence, entry);
        unit.onRollback(() -> {
            if (previous == null) {
                bySequence.remove(sequence);
            } else {
                bySequence.put(sequence, previous);
            }
        });
    }

    private void remove(long sequence) {
        Entry previous = bySequence.remove(sequence);
        sequenceById.remove(previous.event().id());
        unit.onRollback(() -> {
            bySequence.put(sequence, previous);
            sequenceById.put(previous.event().id(), sequence);
        });
    }

    @Override
    public List<OutboxEvent> claim(String claimer, int limit, Duration lease, Instant now) {
        Checks.text("claimer", claimer, 100);
        Checks.limit("limit", limit, PageRequest.MAX_LIMIT);
        checkLease(lease);
        Instant at = Checks.instant("now", now);
        return unit.inTransaction(() -> {
            List<OutboxEvent> claimed = new ArrayList<>();
            Set<Aggregate> blocked = new HashSet<>();
            for (Entry entry : new ArrayList<>(bySequence.values())) {
                if (claimed.size() == limit) {
                    break;
                }
                if (entry.deliveredAt() != null) {
                    continue;
                }
                OutboxEvent e = entry.event();
                Aggregate aggregate = new Aggregate(e.aggregateType(), e.aggregateId());
                if (blocked.contains(aggregate)) {
                    continue;
                }
                if (entry.heldByAnyone(at)) {
                    blocked.add(aggregate);
                    continue;
                }
                put(new Entry(e, claimer, at.plus(lease), null));
                claimed.add(e);
            }
            return claimed;
        });
    }

    static void checkLease(Duration lease) {
        Checks.required("lease", lease);
        if (lease.isNegative() || lease.isZero()) {
            throw new dev.crmkit.model.ValidationException("lease", "must be positive");
        }
    }

    @Override
    public int markDelivered(String claimer, List<UUID> eventIds, Instant now) {
        Checks.text("claimer", claimer, 100);
        Checks.noNulls("eventIds", eventIds);
        Instant at = Checks.instant("now", now);
        return unit.inTransaction(() -> {
            int marked = 0;
            for (UUID id : new HashSet<>(eventIds)) {
                Long sequence = sequenceById.get(id);
                Entry entry = sequence == null ? null : bySequence.get(sequence);
                if (entry != null && entry.deliveredAt() == null && claimer.equals(entry.claimedBy())) {
                    put(new Entry(entry.event(), entry.claimedBy(), entry.leaseUntil(), at));
                    marked++;
                }
            }
            return marked;
        });
    }

    @Override
    public int release(String claimer, List<UUID> eventIds) {
        Checks.text("claimer", claimer, 100);
        Checks.noNulls("eventIds", eventIds);
        return unit.inTransaction(() -> {
            int released = 0;
            for (UUID id : new HashSet<>(eventIds)) {
                Long sequence = sequenceById.get(id);
                Entry entry = sequence == null ? null : bySequence.get(sequence);
                if (entry != null && entry.deliveredAt() == null && claimer.equals(entry.claimedBy())) {
                    put(new Entry(entry.event(), null, null, null));
                    released++;
                }
            }
            return released;
        });
    }

    @Override
    public long countUndelivered() {
        return unit.inTransaction(() -> bySequence.values().stream().filter(e -> e.deliveredAt() == null).count());
    }

    @Override
    public int purgeDelivered(Instant before) {
        Instant cutoff = Checks.instant("before", before);
        return unit.inTransaction(() -> {
            List<Long> purge = new ArrayList<>();
            bySequence.forEach((sequence, e) -> {
                if (e.deliveredAt() != null && e.deliveredAt().isBefore(cutoff)) {
                    purge.add(sequence);
                }
            });
            purge.forEach(this::remove);
            return purge.size();
        });
    }

    /** Whether the claimer still holds the event; for tests of the adapter itself. */
    boolean holds(String claimer, UUID id, Instant now) {
        Long sequence = sequenceById.get(id);
        return sequence != null && bySequence.get(sequence).heldBy(claimer, now);
    }
}
