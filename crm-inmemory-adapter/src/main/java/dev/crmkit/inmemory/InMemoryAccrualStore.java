package dev.crmkit.inmemory;

import dev.crmkit.model.Checks;
import dev.crmkit.model.DuplicateException;
import dev.crmkit.spi.loyalty.AccrualRecord;
import dev.crmkit.spi.loyalty.AccrualStore;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

final class InMemoryAccrualStore implements AccrualStore {
    private static final String TYPE = "accrual";

    private final UnitOfWork unit;
    private final Table<AccrualRecord> table;

    InMemoryAccrualStore(UnitOfWork unit) {
        this.unit = unit;
        this.table = new Table<>(TYPE, unit);
    }

    @Override
    public AccrualRecord insert(AccrualRecord a) {
        Checks.required("accrual", a);
        return unit.inTransaction(() -> {
            AccrualRecord stored = new AccrualRecord(a.tenantId(), a.id(), 1, a.createdAt(), a.updatedAt(),
                    a.membershipId(), a.purchaseId(), a.status(), a.availableAt(), a.lines());
            table.checkInsertable(stored);
            if (table.all(a.tenantId()).stream().anyMatch(o -> o.purchaseId().equals(a.purchaseId())
                    && o.membershipId().equals(a.membershipId()))) {
                throw new DuplicateException(TYPE, "purchase");
            }
            return table.insert(stored);
        });
    }

    @Override
    public Optional<AccrualRecord> get(String tenantId, UUID id) {
        Checks.tenantId("tenantId", tenantId);
        Checks.id("id", id);
        return unit.inTransaction(() -> table.get(tenantId, id));
    }

    @Override
    public List<AccrualRecord> forPurchase(String tenantId, UUID purchaseId) {
        Checks.tenantId("tenantId", tenantId);
        Checks.id("purchaseId", purchaseId);
        return unit.inTransaction(() -> table.rows(tenantId).values().stream()
                .filter(a -> a.purchaseId().equals(purchaseId)).toList());
    }

    @Override
    public AccrualRecord update(AccrualRecord a, long expectedVersion) {
        Checks.required("accrual", a);
        return unit.inTransaction(() -> {
            AccrualRecord stored = table.expect(a.tenantId(), a.id(), expectedVersion);
            AccrualRecord next = new AccrualRecord(stored.tenantId(), stored.id(), expectedVersion + 1,
                    stored.createdAt(), a.updatedAt(), stored.membershipId(), stored.purchaseId(), a.status(),
                    stored.availableAt(), stored.lines());
            table.put(next);
            return next;
        });
    }
}
