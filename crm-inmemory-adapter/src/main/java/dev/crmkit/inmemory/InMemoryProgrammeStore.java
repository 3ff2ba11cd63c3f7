package dev.crmkit.inmemory;

import dev.crmkit.model.Checks;
import dev.crmkit.model.DuplicateException;
import dev.crmkit.spi.loyalty.ProgrammeRecord;
import dev.crmkit.spi.loyalty.ProgrammeStore;
import java.util.Optional;
import java.util.UUID;

final class InMemoryProgrammeStore implements ProgrammeStore {
    private static final String TYPE = "programme";

    private final UnitOfWork unit;
    private final Table<ProgrammeRecord> table;

    InMemoryProgrammeStore(UnitOfWork unit) {
        this.unit = unit;
        this.table = new Table<>(TYPE, unit);
    }

    @Override
    public ProgrammeRecord insert(ProgrammeRecord p) {
        Checks.required("programme", p);
        return unit.inTransaction(() -> {
            ProgrammeRecord stored = new ProgrammeRecord(p.tenantId(), p.id(), 1, p.createdAt(), p.updatedAt(),
                    p.code(), p.currency(), p.qualifyingPerUnit(), p.redeemablePerUnit(), p.returnWindowDays(),
                    p.rules(), p.expiryKind(), p.expiryMonths());
            table.checkInsertable(stored);
            if (code(p.tenantId(), p.code()).isPresent()) {
                throw new DuplicateException(TYPE, "code");
            }
            return table.insert(stored);
        });
    }

    @Override
    public ProgrammeRecord update(ProgrammeRecord p, long expectedVersion) {
        Checks.required("programme", p);
        return unit.inTransaction(() -> {
            ProgrammeRecord stored = table.expect(p.tenantId(), p.id(), expectedVersion);
            ProgrammeRecord next = new ProgrammeRecord(stored.tenantId(), stored.id(), expectedVersion + 1,
                    stored.createdAt(), p.updatedAt(), stored.code(), p.currency(), p.qualifyingPerUnit(),
                    p.redeemablePerUnit(), p.returnWindowDays(), p.rules(), p.expiryKind(),
                    p.expiryMonths());
            table.put(next);
            return next;
        });
    }

    @Override
    public Optional<ProgrammeRecord> get(String tenantId, UUID id) {
        Checks.tenantId("tenantId", tenantId);
        Checks.id("id", id);
        return unit.inTransaction(() -> table.get(tenantId, id));
    }

    @Override
    public Optional<ProgrammeRecord> findByCode(String tenantId, String code) {
        Checks.tenantId("tenantId", tenantId);
        Checks.text("code", code, 64);
        return unit.inTransaction(() -> code(tenantId, code));
    }

    private Optional<ProgrammeRecord> code(String tenantId, String code) {
        return table.all(tenantId).stream().filter(p -> p.code().equals(code)).findFirst();
    }
}
