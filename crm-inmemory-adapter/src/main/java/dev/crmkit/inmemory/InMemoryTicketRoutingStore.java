package dev.crmkit.inmemory;

import dev.crmkit.model.Checks;
import dev.crmkit.model.Page;
import dev.crmkit.model.PageRequest;
import dev.crmkit.model.ValidationException;
import dev.crmkit.model.ticket.TicketFilter;
import dev.crmkit.model.ticket.TicketState;
import dev.crmkit.spi.Ids;
import dev.crmkit.spi.StoredRecord;
import dev.crmkit.spi.ticket.AgentSlotRecord;
import dev.crmkit.spi.ticket.TicketRecord;
import dev.crmkit.spi.ticket.TicketRoutingStore;
import dev.crmkit.spi.ticket.TicketStore;
import dev.crmkit.spi.ticket.WaitingTicketRecord;
import java.time.Instant;
import java.util.Collection;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * Agents' routing slots (compare-and-set), the waiting queue in a {@link Table} keyed by ticket id, and open-ticket
 * counts read from the {@link TicketStore} it is given.
 */
final class InMemoryTicketRoutingStore implements TicketRoutingStore {
    private static final Set<TicketState> ACTIVE = EnumSet.of(TicketState.NEW, TicketState.OPEN,
            TicketState.WAITING_ON_CUSTOMER, TicketState.WAITING_ON_THIRD_PARTY);

    /** A queue entry as a table row: the ticket's id is the row's id. */
    private record Entry(String tenantId, UUID id, long version, Instant createdAt, Instant updatedAt, UUID teamId,
            UUID assigneeId)
            implements StoredRecord {
        WaitingTicketRecord waiting() {
            return new WaitingTicketRecord(tenantId, id, teamId, assigneeId, createdAt);
        }
    }

    private final UnitOfWork unit;
    private final Slots<AgentSlotRecord> slots;
    private final Table<Entry> queue;
    private final TicketStore tickets;

    InMemoryTicketRoutingStore(UnitOfWork unit, TicketStore tickets) {
        this.unit = unit;
        this.tickets = tickets;
        this.slots = new Slots<>("agent slot", unit, AgentSlotRecord::memberId, (s, id, version, createdAt) ->
                new AgentSlotRecord(s.tenantId(), id, version, createdAt, s.updatedAt(), s.memberId(),
                        s.lastRoutedAt(), s.activeTickets()));
        this.queue = new Table<>("waiting ticket", unit);
    }

    @Override
    public Optional<AgentSlotRecord> slot(String tenantId, UUID memberId) {
        Checks.tenantId("tenantId", tenantId);
        Checks.id("memberId", memberId);
        return unit.inTransaction(() -> slots.get(tenantId, memberId));
    }

    @Override
    public Map<UUID, AgentSlotRecord> slots(String tenantId, Collection<UUID> memberIds) {
        Checks.tenantId("tenantId", tenantId);
        Set<UUID> distinct = new LinkedHashSet<>(Checks.noNulls("memberIds", memberIds));
        if (distinct.size() > PageRequest.MAX_LIMIT) {
            throw new ValidationException("memberIds", "must hold at most " + PageRequest.MAX_LIMIT + " ids");
        }
        return unit.inTransaction(() -> {
            Map<UUID, AgentSlotRecord> found = new LinkedHashMap<>();
            distinct.forEach(id -> slots.get(tenantId, id).ifPresent(s -> found.put(id, s)));
            return found;
        });
    }

    @Override
    public void saveSlot(AgentSlotRecord slot, long expectedVersion) {
        Checks.required("slot", slot);
        unit.inTransaction(() -> slots.save(slot, expectedVersion));
    }

    @Override
    public Map<UUID, Integer> activeTicketCounts(String tenantId, Collection<UUID> assigneeIds) {
        Checks.tenantId("tenantId", tenantId);
        Set<UUID> distinct = new LinkedHashSet<>(Checks.noNulls("assigneeIds", assigneeIds));
        if (distinct.size() > PageRequest.MAX_LIMIT) {
            throw new ValidationException("assigneeIds", "must hold at most " + PageRequest.MAX_LIMIT + " ids");
        }
        return unit.inTransaction(() -> {
            Map<UUID, Integer> counts = new LinkedHashMap<>();
            for (UUID assignee : distinct) {
                int open = 0;
                PageRequest request = PageRequest.first(PageRequest.MAX_LIMIT);
                while (true) {
                    Page<TicketRecord> page = tickets.find(tenantId,
                            TicketFilter.all().assignedTo(assignee).inStates(ACTIVE), request);
                    open += page.items().size();
                    if (page.next().isEmpty()) {
                        break;
                    }
                    request = request.next(page.next().get());
                }
                if (open > 0) {
                    counts.put(assignee, open);
                }
            }
            return counts;
        });
    }

    @Override
    public boolean enqueue(WaitingTicketRecord waiting) {
        Checks.required("waiting", waiting);
        return unit.inTransaction(() -> {
            if (queue.get(waiting.tenantId(), waiting.ticketId()).isPresent()) {
                return false;
            }
            queue.put(new Entry(waiting.tenantId(), waiting.ticketId(), 1, waiting.waitingSince(),
                    waiting.waitingSince(), waiting.teamId(), waiting.assigneeId()));
            return true;
        });
    }

    @Override
    public boolean dequeue(String tenantId, UUID ticketId) {
        Checks.tenantId("tenantId", tenantId);
        Checks.id("ticketId", ticketId);
        return unit.inTransaction(() -> {
            boolean waiting = queue.get(tenantId, ticketId).isPresent();
            queue.remove(tenantId, ticketId);
            return waiting;
        });
    }

    @Override
    public Optional<WaitingTicketRecord> waitingTicket(String tenantId, UUID ticketId) {
        Checks.tenantId("tenantId", tenantId);
        Checks.id("ticketId", ticketId);
        return unit.inTransaction(() -> queue.get(tenantId, ticketId).map(Entry::waiting));
    }

    @Override
    public Page<WaitingTicketRecord> waiting(String tenantId, PageRequest page) {
        Checks.tenantId("tenantId", tenantId);
        Checks.required("page", page);
        return unit.inTransaction(() -> {
            Stream<WaitingTicketRecord> rows = queue.all(tenantId).stream().map(Entry::waiting).toList().stream();
            return Paging.page(rows, (a, b) -> Ids.ORDER.compare(a.ticketId(), b.ticketId()), page, 1,
                    w -> List.of(w.ticketId().toString()),
                    parts -> {
                        UUID after = Paging.id(parts.get(0));
                        return w -> Ids.ORDER.compare(w.ticketId(), after) > 0;
                    });
        });
    }
}
