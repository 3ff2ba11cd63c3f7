package dev.crmkit.inmemory;

import dev.crmkit.model.Checks;
import dev.crmkit.model.NotFoundException;
import dev.crmkit.model.Page;
import dev.crmkit.model.PageRequest;
import dev.crmkit.model.ticket.TicketFilter;
import dev.crmkit.spi.Ids;
import dev.crmkit.spi.ticket.TicketRecord;
import dev.crmkit.spi.ticket.TicketStore;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Tickets in a {@link Table}; a ticket's attachments and custom fields live in its record. */
final class InMemoryTicketStore implements TicketStore {
    private final UnitOfWork unit;
    private final Table<TicketRecord> table;

    InMemoryTicketStore(UnitOfWork unit) {
        this.unit = unit;
        this.table = new Table<>("ticket", unit);
    }

    /** Every ticket of the tenant, for the service reports; call inside a unit. */
    java.util.Collection<TicketRecord> all(String tenantId) {
        return table.all(tenantId);
    }

    @Override
    public TicketRecord insert(TicketRecord ticket) {
        Checks.required("ticket", ticket);
        return unit.inTransaction(() -> table.insert(ticket));
    }

    @Override
    public TicketRecord update(TicketRecord t, long expectedVersion) {
        Checks.required("ticket", t);
        return unit.inTransaction(() -> {
            TicketRecord stored = table.expect(t.tenantId(), t.id(), expectedVersion);
            TicketRecord next = new TicketRecord(t.tenantId(), t.id(), expectedVersion + 1, stored.createdAt(),
                    t.updatedAt(), t.kind(), t.channel(), t.customerId(), t.contactPersonId(), t.priority(),
                    t.assigneeId(), t.state(), t.content(), t.productReturn(), t.resolvedAt(), t.closedAt(),
                    t.mergedInto());
            table.put(next);
            return next;
        });
    }

    @Override
    public void lock(String tenantId, UUID id) {
        Checks.tenantId("tenantId", tenantId);
        Checks.id("id", id);
        unit.run(() -> table.lock(tenantId, id));
    }

    @Override
    public TicketRecord lockAndGet(String tenantId, UUID id) {
        Checks.tenantId("tenantId", tenantId);
        Checks.id("id", id);
        return unit.inTransaction(() -> {
            table.lock(tenantId, id);
            return table.get(tenantId, id).orElseThrow(() -> new NotFoundException("ticket", id));
        });
    }

    @Override
    public Optional<TicketRecord> get(String tenantId, UUID id) {
        Checks.tenantId("tenantId", tenantId);
        Checks.id("id", id);
        return unit.inTransaction(() -> table.get(tenantId, id));
    }

    @Override
    public Page<TicketRecord> find(String tenantId, TicketFilter filter, PageRequest page) {
        Checks.tenantId("tenantId", tenantId);
        Checks.required("filter", filter);
        Checks.required("page", page);
        return unit.inTransaction(() -> Paging.page(table.all(tenantId).stream().filter(filter::matches),
                (a, b) -> Ids.ORDER.compare(a.id(), b.id()), page, 1, t -> List.of(t.id().toString()),
                keys -> {
                    UUID after = Paging.id(keys.get(0));
                    return t -> Ids.ORDER.compare(t.id(), after) > 0;
                }));
    }

    @Override
    public int moveAll(String tenantId, UUID fromCustomerId, UUID toCustomerId, Instant now) {
        Checks.tenantId("tenantId", tenantId);
        Checks.id("fromCustomerId", fromCustomerId);
        Checks.id("toCustomerId", toCustomerId);
        Instant at = Checks.instant("now", now);
        return unit.inTransaction(() -> {
            List<TicketRecord> moving = table.all(tenantId).stream()
                    .filter(t -> t.customerId().equals(fromCustomerId) || fromCustomerId.equals(t.contactPersonId()))
                    .toList();
            for (TicketRecord t : moving) {
                UUID customer = t.customerId().equals(fromCustomerId) ? toCustomerId : t.customerId();
                UUID contact = fromCustomerId.equals(t.contactPersonId()) ? toCustomerId : t.contactPersonId();
                table.put(new TicketRecord(tenantId, t.id(), t.version() + 1, t.createdAt(), at, t.kind(),
                        t.channel(), customer, customer.equals(contact) ? null : contact, t.priority(),
                        t.assigneeId(), t.state(), t.content(), t.productReturn(), t.resolvedAt(), t.closedAt(),
                        t.mergedInto()));
            }
            return moving.size();
        });
    }
}
