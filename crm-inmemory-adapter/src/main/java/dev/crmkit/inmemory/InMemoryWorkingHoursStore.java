package dev.crmkit.inmemory;

import dev.crmkit.model.Checks;
import dev.crmkit.spi.team.WorkingHoursRecord;
import dev.crmkit.spi.team.WorkingHoursStore;
import java.util.Optional;
import java.util.UUID;

/** Team members' working hours, one per member, replaced by compare-and-set. */
final class InMemoryWorkingHoursStore implements WorkingHoursStore {
    private final UnitOfWork unit;
    private final Slots<WorkingHoursRecord> slots;

    InMemoryWorkingHoursStore(UnitOfWork unit) {
        this.unit = unit;
        this.slots = new Slots<>("working hours", unit, WorkingHoursRecord::memberId, (h, id, version, createdAt) ->
                new WorkingHoursRecord(h.tenantId(), id, version, createdAt, h.updatedAt(), h.memberId(), h.zone(),
                        h.hours()));
    }

    @Override
    public WorkingHoursRecord save(WorkingHoursRecord hours, long expectedVersion) {
        Checks.required("hours", hours);
        return unit.inTransaction(() -> slots.save(hours, expectedVersion));
    }

    @Override
    public Optional<WorkingHoursRecord> get(String tenantId, UUID memberId) {
        Checks.tenantId("tenantId", tenantId);
        Checks.id("memberId", memberId);
        return unit.inTransaction(() -> slots.get(tenantId, memberId));
    }
}
