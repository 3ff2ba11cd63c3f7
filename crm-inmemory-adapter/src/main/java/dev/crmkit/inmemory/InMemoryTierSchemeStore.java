package dev.crmkit.inmemory;

import dev.crmkit.model.Checks;
import dev.crmkit.model.DuplicateException;
import dev.crmkit.spi.loyalty.TierSchemeRecord;
import dev.crmkit.spi.loyalty.TierSchemeStore;
import java.util.Optional;

final class InMemoryTierSchemeStore implements TierSchemeStore {
    private static final String TYPE = "tier scheme";

    private final UnitOfWork unit;
    private final Table<TierSchemeRecord> table;

    InMemoryTierSchemeStore(UnitOfWork unit) {
        this.unit = unit;
        this.table = new Table<>(TYPE, unit);
    }

    @Override
    public TierSchemeRecord insert(TierSchemeRecord s) {
        Checks.required("scheme", s);
        return unit.inTransaction(() -> {
            TierSchemeRecord stored = new TierSchemeRecord(s.tenantId(), s.id(), 1, s.createdAt(), s.updatedAt(),
                    s.programme(), s.basis(), s.windowMonths(), s.tiers());
            table.checkInsertable(stored);
            if (programme(s.tenantId(), s.programme()).isPresent()) {
                throw new DuplicateException(TYPE, "programme");
            }
            return table.insert(stored);
        });
    }

    @Override
    public TierSchemeRecord update(TierSchemeRecord s, long expectedVersion) {
        Checks.required("scheme", s);
        return unit.inTransaction(() -> {
            TierSchemeRecord stored = table.expect(s.tenantId(), s.id(), expectedVersion);
            TierSchemeRecord next = new TierSchemeRecord(stored.tenantId(), stored.id(), expectedVersion + 1,
                    stored.createdAt(), s.updatedAt(), stored.programme(), s.basis(), s.windowMonths(), s.tiers());
            table.put(next);
            return next;
        });
    }

    @Override
    public Optional<TierSchemeRecord> findByProgramme(String tenantId, String programme) {
        Checks.tenantId("tenantId", tenantId);
        Checks.text("programme", programme, 64);
        return unit.inTransaction(() -> programme(tenantId, programme));
    }

    private Optional<TierSchemeRecord> programme(String tenantId, String programme) {
        return table.all(tenantId).stream().filter(s -> s.programme().equals(programme)).findFirst();
    }
}
