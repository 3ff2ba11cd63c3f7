package dev.crmkit.inmemory;

import dev.crmkit.model.Checks;
import dev.crmkit.spi.ticket.BusinessCalendarRecord;
import dev.crmkit.spi.ticket.BusinessCalendarStore;
import java.util.Optional;
import java.util.UUID;

/** Business-hours calendars, one per tenant and team (null: the tenant's default), replaced by compare-and-set. */
final class InMemoryBusinessCalendarStore implements BusinessCalendarStore {
    private final UnitOfWork unit;
    private final Slots<BusinessCalendarRecord> slots;

    InMemoryBusinessCalendarStore(UnitOfWork unit) {
        this.unit = unit;
        this.slots = new Slots<>("business calendar", unit, BusinessCalendarRecord::teamId,
                (c, id, version, createdAt) -> new BusinessCalendarRecord(c.tenantId(), id, version, createdAt,
                        c.updatedAt(), c.teamId(), c.zone(), c.hours(), c.holidays()));
    }

    @Override
    public BusinessCalendarRecord save(BusinessCalendarRecord calendar, long expectedVersion) {
        Checks.required("calendar", calendar);
        return unit.inTransaction(() -> slots.save(calendar, expectedVersion));
    }

    @Override
    public Optional<BusinessCalendarRecord> get(String tenantId, UUID teamId) {
        Checks.tenantId("tenantId", tenantId);
        return unit.inTransaction(() -> slots.get(tenantId, teamId));
    }
}
