package dev.crmkit.inmemory;

import dev.crmkit.model.Checks;
import dev.crmkit.model.DuplicateException;
import dev.crmkit.spi.loyalty.MembershipRecord;
import dev.crmkit.spi.loyalty.MembershipStore;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

final class InMemoryMembershipStore implements MembershipStore {
    private static final String TYPE = "membership";

    private final UnitOfWork unit;
    private final Table<MembershipRecord> table;

    InMemoryMembershipStore(UnitOfWork unit) {
        this.unit = unit;
        this.table = new Table<>(TYPE, unit);
    }

    @Override
    public MembershipRecord insert(MembershipRecord m) {
        Checks.required("membership", m);
        return unit.inTransaction(() -> {
            MembershipRecord stored = new MembershipRecord(m.tenantId(), m.id(), 1, m.createdAt(), m.updatedAt(),
                    m.programme(), m.customerId(), m.memberNumber(), m.status(), m.qualifyingPoints(),
                    m.redeemablePoints());
            table.checkInsertable(stored);
            if (number(m.tenantId(), m.memberNumber()).isPresent()) {
                throw new DuplicateException(TYPE, "memberNumber");
            }
            if (customer(m.tenantId(), m.programme(), m.customerId()).isPresent()) {
                throw new DuplicateException(TYPE, "customer");
            }
            return table.insert(stored);
        });
    }

    @Override
    public Optional<MembershipRecord> get(String tenantId, UUID id) {
        Checks.tenantId("tenantId", tenantId);
        Checks.id("id", id);
        return unit.inTransaction(() -> table.get(tenantId, id));
    }

    @Override
    public Optional<MembershipRecord> findByMemberNumber(String tenantId, String memberNumber) {
        Checks.tenantId("tenantId", tenantId);
        Checks.text("memberNumber", memberNumber, 32);
        return unit.inTransaction(() -> number(tenantId, memberNumber));
    }

    @Override
    public Optional<MembershipRecord> findByCustomer(String tenantId, String programme, UUID customerId) {
        Checks.tenantId("tenantId", tenantId);
        Checks.text("programme", programme, 64);
        Checks.id("customerId", customerId);
        return unit.inTransaction(() -> customer(tenantId, programme, customerId));
    }

    @Override
    public List<MembershipRecord> forCustomer(String tenantId, UUID customerId) {
        Checks.tenantId("tenantId", tenantId);
        Checks.id("customerId", customerId);
        return unit.inTransaction(() -> table.all(tenantId).stream().filter(m -> m.customerId().equals(customerId))
                .sorted(Comparator.comparing(MembershipRecord::programme)).toList());
    }

    private Optional<MembershipRecord> number(String tenantId, String memberNumber) {
        return table.all(tenantId).stream().filter(m -> m.memberNumber().equals(memberNumber)).findFirst();
    }

    private Optional<MembershipRecord> customer(String tenantId, String programme, UUID customerId) {
        return table.all(tenantId).stream()
                .filter(m -> m.programme().equals(programme) && m.customerId().equals(customerId)).findFirst();
    }

    @Override
    public MembershipRecord update(MembershipRecord m, long expectedVersion) {
        Checks.required("membership", m);
        return unit.inTransaction(() -> {
            MembershipRecord stored = table.expect(m.tenantId(), m.id(), expectedVersion);
            Optional<MembershipRecord> holder = customer(m.tenantId(), stored.programme(), m.customerId());
            if (holder.isPresent() && !holder.get().id().equals(m.id())) {
                throw new DuplicateException(TYPE, "customer");
            }
            MembershipRecord next = new MembershipRecord(stored.tenantId(), stored.id(), expectedVersion + 1,
                    stored.createdAt(), m.updatedAt(), stored.programme(), m.customerId(), stored.memberNumber(),
                    m.status(), m.qualifyingPoints(), m.redeemablePoints());
            table.put(next);
            return next;
        });
    }
}
