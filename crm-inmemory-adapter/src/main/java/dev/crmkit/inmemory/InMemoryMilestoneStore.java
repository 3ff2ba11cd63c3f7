package dev.crmkit.inmemory;

import dev.crmkit.model.Checks;
import dev.crmkit.model.Page;
import dev.crmkit.model.PageRequest;
import dev.crmkit.model.ValidationException;
import dev.crmkit.spi.Ids;
import dev.crmkit.spi.ticket.MilestoneRecord;
import dev.crmkit.spi.ticket.MilestoneStore;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

/** The milestones of tickets, by id; the due ones found by scanning the tenant's rows. */
final class InMemoryMilestoneStore implements MilestoneStore {
    private static final Comparator<MilestoneRecord> BY_DUE = Comparator.comparing(MilestoneRecord::dueAt)
            .thenComparing(MilestoneRecord::id, Ids.ORDER);

    private final UnitOfWork unit;
    private final Table<MilestoneRecord> table;

    InMemoryMilestoneStore(UnitOfWork unit) {
        this.unit = unit;
        this.table = new Table<>("milestone", unit);
    }

    /** Every milestone of the tenant, for the service reports; call inside a unit. */
    java.util.Collection<MilestoneRecord> all(String tenantId) {
        return table.all(tenantId);
    }

    @Override
    public MilestoneRecord insert(MilestoneRecord milestone) {
        Checks.required("milestone", milestone);
        return unit.inTransaction(() -> table.insert(milestone));
    }

    /**
     * Every milestone checked before any is inserted, so a refused one leaves none of them stored, also in a unit
     * that catches the refusal and goes on (the unit undoes nothing then).
     */
    @Override
    public void insertAll(List<MilestoneRecord> milestones) {
        unit.inTransaction(() -> {
            Checks.noNulls("milestones", milestones);
            for (MilestoneRecord m : milestones) {
                table.checkInsertable(m);
            }
            MilestoneStore.super.insertAll(milestones);
            return null;
        });
    }

    @Override
    public MilestoneRecord update(MilestoneRecord m, long expectedVersion) {
        Checks.required("milestone", m);
        return unit.inTransaction(() -> {
            MilestoneRecord stored = table.expect(m.tenantId(), m.id(), expectedVersion);
            MilestoneRecord next = new MilestoneRecord(m.tenantId(), m.id(), expectedVersion + 1, stored.createdAt(),
                    m.updatedAt(), stored.ticketId(), stored.kind(), m.target(), m.elapsed(), m.runningSince(),
                    m.dueAt(), m.completedAt(), m.breached());
            table.put(next);
            return next;
        });
    }

    @Override
    public List<MilestoneRecord> ofTicket(String tenantId, UUID ticketId) {
        Checks.tenantId("tenantId", tenantId);
        Checks.id("ticketId", ticketId);
        return unit.inTransaction(() -> table.all(tenantId).stream().filter(m -> m.ticketId().equals(ticketId))
                .toList());
    }

    @Override
    public Page<MilestoneRecord> dueBefore(String tenantId, Instant before, PageRequest page) {
        Checks.tenantId("tenantId", tenantId);
        Checks.required("before", before);
        Checks.required("page", page);
        return unit.inTransaction(() -> Paging.page(
                table.all(tenantId).stream().filter(m -> !m.isCompleted() && m.dueAt() != null
                        && m.dueAt().isBefore(before)),
                BY_DUE, page, 2,
                m -> List.of(m.dueAt().toString(), m.id().toString()),
                keys -> {
                    Instant due;
                    try {
                        due = Instant.parse(keys.get(0));
                    } catch (DateTimeParseException e) {
                        throw new ValidationException("cursor", "is not a cursor this library issued");
                    }
                    UUID id = Paging.id(keys.get(1));
                    return m -> {
                        int c = m.dueAt().compareTo(due);
                        return c > 0 || (c == 0 && Ids.ORDER.compare(m.id(), id) > 0);
                    };
                }));
    }
}
