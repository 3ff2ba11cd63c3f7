package dev.crmkit.inmemory;

import dev.crmkit.model.Checks;
import dev.crmkit.model.DuplicateException;
import dev.crmkit.model.Page;
import dev.crmkit.model.PageRequest;
import dev.crmkit.spi.loyalty.RewardRecord;
import dev.crmkit.spi.loyalty.RewardStore;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

final class InMemoryRewardStore implements RewardStore {
    private static final String TYPE = "reward";

    private final UnitOfWork unit;
    private final Table<RewardRecord> table;

    InMemoryRewardStore(UnitOfWork unit) {
        this.unit = unit;
        this.table = new Table<>(TYPE, unit);
    }

    @Override
    public RewardRecord insert(RewardRecord r) {
        Checks.required("reward", r);
        return unit.inTransaction(() -> {
            RewardRecord stored = new RewardRecord(r.tenantId(), r.id(), 1, r.createdAt(), r.updatedAt(), r.code(),
                    r.name(), r.points(), r.validFrom(), r.validUntil(), r.stock());
            table.checkInsertable(stored);
            if (code(r.tenantId(), r.code()).isPresent()) {
                throw new DuplicateException(TYPE, "code");
            }
            return table.insert(stored);
        });
    }

    @Override
    public RewardRecord update(RewardRecord r, long expectedVersion) {
        Checks.required("reward", r);
        return unit.inTransaction(() -> {
            RewardRecord stored = table.expect(r.tenantId(), r.id(), expectedVersion);
            RewardRecord next = new RewardRecord(stored.tenantId(), stored.id(), expectedVersion + 1,
                    stored.createdAt(), r.updatedAt(), stored.code(), r.name(), r.points(), r.validFrom(),
                    r.validUntil(), r.stock());
            table.put(next);
            return next;
        });
    }

    @Override
    public Optional<RewardRecord> get(String tenantId, UUID id) {
        Checks.tenantId("tenantId", tenantId);
        Checks.id("id", id);
        return unit.inTransaction(() -> table.get(tenantId, id));
    }

    @Override
    public Optional<RewardRecord> findByCode(String tenantId, String code) {
        Checks.tenantId("tenantId", tenantId);
        Checks.text("code", code, 100);
        return unit.inTransaction(() -> code(tenantId, code));
    }

    @Override
    public Page<RewardRecord> page(String tenantId, PageRequest page) {
        Checks.tenantId("tenantId", tenantId);
        Checks.required("page", page);
        return unit.inTransaction(() -> Paging.page(table.all(tenantId).stream(),
                Comparator.comparing(RewardRecord::code), page, 1, r -> List.of(r.code()),
                keys -> r -> r.code().compareTo(keys.get(0)) > 0));
    }

    private Optional<RewardRecord> code(String tenantId, String code) {
        return table.all(tenantId).stream().filter(r -> r.code().equals(code)).findFirst();
    }
}
