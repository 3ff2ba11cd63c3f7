package dev.crmkit.inmemory;

import dev.crmkit.model.Checks;
import dev.crmkit.model.Page;
import dev.crmkit.model.PageRequest;
import dev.crmkit.model.ValidationException;
import dev.crmkit.model.customer.DuplicatePairStatus;
import dev.crmkit.spi.Ids;
import dev.crmkit.spi.customer.DuplicatePairRecord;
import dev.crmkit.spi.customer.DuplicatePairStore;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Suspected duplicate pairs in a {@link Table}; a pair of two customers is found by a scan of the tenant's pairs,
 * which the unit's one lock makes atomic with the insert that follows it.
 */
final class InMemoryDuplicatePairStore implements DuplicatePairStore {
    private static final Comparator<DuplicatePairRecord> QUEUE_ORDER = Comparator
            .comparingDouble((DuplicatePairRecord p) -> p.evidence().score()).reversed()
            .thenComparing(DuplicatePairRecord::id, Ids.ORDER);

    private final UnitOfWork unit;
    private final Table<DuplicatePairRecord> table;

    InMemoryDuplicatePairStore(UnitOfWork unit) {
        this.unit = unit;
        this.table = new Table<>("duplicate pair", unit);
    }

    @Override
    public Suspicion suspect(DuplicatePairRecord pair) {
        checkNew(pair);
        return unit.inTransaction(() -> {
            Optional<DuplicatePairRecord> stored = table.all(pair.tenantId()).stream()
                    .filter(p -> p.firstCustomerId().equals(pair.firstCustomerId())
                            && p.secondCustomerId().equals(pair.secondCustomerId()))
                    .findFirst();
            if (stored.isEmpty()) {
                return new Suspicion(table.insert(pair), Outcome.INSERTED);
            }
            DuplicatePairRecord existing = stored.get();
            if (existing.status() != DuplicatePairStatus.OPEN || existing.evidence().sameFindingAs(pair.evidence())) {
                return new Suspicion(existing, Outcome.UNCHANGED);
            }
            DuplicatePairRecord rescored = new DuplicatePairRecord(existing.tenantId(), existing.id(),
                    existing.version() + 1, existing.createdAt(), pair.updatedAt(), existing.firstCustomerId(),
                    existing.secondCustomerId(), pair.evidence(), existing.status(), existing.decision());
            table.put(rescored);
            return new Suspicion(rescored, Outcome.RESCORED);
        });
    }

    /** The checks of {@link #suspect} on the given record. */
    static void checkNew(DuplicatePairRecord pair) {
        Checks.required("pair", pair);
        if (pair.version() != 1) {
            throw new ValidationException("version", "must be 1 for a newly suspected pair");
        }
        if (pair.status() != DuplicatePairStatus.OPEN) {
            throw new ValidationException("status", "must be OPEN for a newly suspected pair");
        }
        if (pair.decision() != null) {
            throw new ValidationException("decision", "must be absent for a newly suspected pair");
        }
    }

    @Override
    public Optional<DuplicatePairRecord> get(String tenantId, UUID id) {
        Checks.tenantId("tenantId", tenantId);
        Checks.id("id", id);
        return unit.inTransaction(() -> table.get(tenantId, id));
    }

    @Override
    public DuplicatePairRecord update(DuplicatePairRecord pair, long expectedVersion) {
        Checks.required("pair", pair);
        return unit.inTransaction(() -> {
            DuplicatePairRecord stored = table.expect(pair.tenantId(), pair.id(), expectedVersion);
            if (!stored.firstCustomerId().equals(pair.firstCustomerId())
                    || !stored.secondCustomerId().equals(pair.secondCustomerId())) {
                throw new ValidationException("firstCustomerId", "must not change: a pair keeps its customers");
            }
            DuplicatePairRecord updated = new DuplicatePairRecord(stored.tenantId(), stored.id(), expectedVersion + 1,
                    stored.createdAt(), pair.updatedAt(), stored.firstCustomerId(), stored.secondCustomerId(),
                    pair.evidence(), pair.status(), pair.decision());
            table.put(updated);
            return updated;
        });
    }

    @Override
    public Page<DuplicatePairRecord> open(String tenantId, UUID customerId, PageRequest page) {
        Checks.tenantId("tenantId", tenantId);
        Checks.required("page", page);
        return unit.inTransaction(() -> Paging.page(table.all(tenantId).stream()
                        .filter(p -> p.status() == DuplicatePairStatus.OPEN)
                        .filter(p -> customerId == null || p.involves(customerId)),
                QUEUE_ORDER, page, 2,
                p -> List.of(Double.toString(p.evidence().score()), p.id().toString()),
                keys -> {
                    double score = score(keys.get(0));
                    UUID id = Paging.id(keys.get(1));
                    return p -> p.evidence().score() < score
                            || (p.evidence().score() == score && Ids.ORDER.compare(p.id(), id) > 0);
                }));
    }

    private static double score(String part) {
        try {
            return Double.parseDouble(part);
        } catch (NumberFormatException e) {
            throw new ValidationException("cursor", "is not a cursor this library issued");
        }
    }

    @Override
    public List<DuplicatePairRecord> among(String tenantId, Collection<UUID> customerIds) {
        Checks.tenantId("tenantId", tenantId);
        Set<UUID> ids = new HashSet<>(Checks.noNulls("customerIds", customerIds));
        if (ids.size() > MAX_IDS) {
            throw new ValidationException("customerIds", "must hold at most " + MAX_IDS + " ids");
        }
        return unit.inTransaction(() -> table.all(tenantId).stream()
                .filter(p -> ids.contains(p.firstCustomerId()) && ids.contains(p.secondCustomerId())).toList());
    }
}
