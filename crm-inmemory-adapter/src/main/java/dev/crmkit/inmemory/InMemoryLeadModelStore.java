package dev.crmkit.inmemory;

import dev.crmkit.model.Checks;
import dev.crmkit.model.ConflictException;
import dev.crmkit.model.ValidationException;
import dev.crmkit.spi.lead.LeadModelRecord;
import dev.crmkit.spi.lead.LeadModelStore;
import java.util.Optional;

/** The tenants' lead-scoring models: at most one row per tenant, replaced by compare-and-set on its version. */
final class InMemoryLeadModelStore implements LeadModelStore {
    private static final String TYPE = "lead model";

    private final UnitOfWork unit;
    private final Table<LeadModelRecord> table;

    InMemoryLeadModelStore(UnitOfWork unit) {
        this.unit = unit;
        this.table = new Table<>(TYPE, unit);
    }

    @Override
    public LeadModelRecord save(LeadModelRecord model, long expectedVersion) {
        Checks.required("model", model);
        if (expectedVersion < 0) {
            throw new ValidationException("expectedVersion", "must be 0 (no model yet) or more");
        }
        return unit.inTransaction(() -> {
            Optional<LeadModelRecord> stored = stored(model.tenantId());
            long found = stored.map(LeadModelRecord::version).orElse(0L);
            if (found != expectedVersion) {
                throw ConflictException.staleVersion(TYPE, model.tenantId(), expectedVersion);
            }
            LeadModelRecord next = new LeadModelRecord(model.tenantId(),
                    stored.map(LeadModelRecord::id).orElse(model.id()), expectedVersion + 1,
                    stored.map(LeadModelRecord::createdAt).orElse(model.createdAt()), model.updatedAt(), model.kind(),
                    model.body());
            table.put(next);
            return next;
        });
    }

    @Override
    public Optional<LeadModelRecord> current(String tenantId) {
        Checks.tenantId("tenantId", tenantId);
        return unit.inTransaction(() -> stored(tenantId));
    }

    @Override
    public long currentVersion(String tenantId) {
        Checks.tenantId("tenantId", tenantId);
        return unit.inTransaction(() -> stored(tenantId).map(LeadModelRecord::version).orElse(0L));
    }

    private Optional<LeadModelRecord> stored(String tenantId) {
        return table.all(tenantId).stream().findFirst();
    }
}
