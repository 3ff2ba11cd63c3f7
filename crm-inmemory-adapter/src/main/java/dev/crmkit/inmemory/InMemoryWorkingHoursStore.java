package dev.crmkit.inmemory;

import dev.crmkit.model.Checks;
import dev.crmkit.model.PageRequest;
import dev.crmkit.model.ValidationException;
import dev.crmkit.spi.team.WorkingHoursRecord;
import dev.crmkit.spi.team.WorkingHoursStore;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
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

    @Override
    public Map<UUID, WorkingHoursRecord> getAll(String tenantId, Collection<UUID> memberIds) {
        Checks.tenantId("tenantId", tenantId);
        Set<UUID> distinct = new LinkedHashSet<>(Checks.noNulls("memberIds", memberIds));
        if (distinct.size() > PageRequest.MAX_LIMIT) {
            throw new ValidationException("memberIds", "must hold at most " + PageRequest.MAX_LIMIT + " ids");
        }
        return unit.inTransaction(() -> {
            Map<UUID, WorkingHoursRecord> found = new LinkedHashMap<>();
            distinct.forEach(id -> slots.get(tenantId, id).ifPresent(h -> found.put(id, h)));
            return found;
        });
    }
}
