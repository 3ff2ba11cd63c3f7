package dev.crmkit.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.crmkit.model.NotFoundException;
import dev.crmkit.model.Page;
import dev.crmkit.model.PageRequest;
import dev.crmkit.model.ValidationException;
import dev.crmkit.model.ticket.TicketChannel;
import dev.crmkit.model.ticket.TicketContent;
import dev.crmkit.model.ticket.TicketFilter;
import dev.crmkit.model.ticket.TicketKind;
import dev.crmkit.model.ticket.TicketPriority;
import dev.crmkit.model.ticket.TicketState;
import dev.crmkit.spi.team.WorkingHoursRecord;
import dev.crmkit.spi.team.WorkingHoursStore;
import dev.crmkit.spi.ticket.AgentSlotRecord;
import dev.crmkit.spi.ticket.TicketRecord;
import dev.crmkit.spi.ticket.TicketRoutingStore;
import dev.crmkit.spi.ticket.TicketStore;
import dev.crmkit.spi.ticket.WaitingTicketRecord;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The SPI's default implementations of the reads added for routing, which an adapter written before them inherits:
 * they answer as the single reads they loop over, and refuse what the adapters refuse. Over map-backed stores that
 * implement only the methods every adapter has.
 */
class BatchReadDefaultsTest {
    private static final String TENANT = "t1";
    private static final Instant NOW = Instant.parse("2026-12-07T10:00:00Z");

    /** A store of slots and nothing else. */
    private static final class SlotsOnly implements TicketRoutingStore {
        final Map<UUID, AgentSlotRecord> slots = new HashMap<>();
        final List<UUID> asked = new ArrayList<>();

        @Override
        public Optional<AgentSlotRecord> slot(String tenantId, UUID memberId) {
            asked.add(memberId);
            return Optional.ofNullable(slots.get(memberId)).filter(s -> s.tenantId().equals(tenantId));
        }

        @Override
        public void saveSlot(AgentSlotRecord slot, long expectedVersion) {
            long stored = Optional.ofNullable(slots.get(slot.memberId())).map(AgentSlotRecord::version).orElse(0L);
            if (stored != expectedVersion) {
                throw new IllegalStateException("stale");
            }
            AgentSlotRecord kept = slots.getOrDefault(slot.memberId(), slot);
            slots.put(slot.memberId(), new AgentSlotRecord(slot.tenantId(), kept.id(), expectedVersion + 1,
                    kept.createdAt(), slot.updatedAt(), slot.memberId(), slot.lastRoutedAt(), slot.activeTickets()));
        }

        @Override
        public Map<UUID, Integer> activeTicketCounts(String tenantId, Collection<UUID> assigneeIds) {
            throw new UnsupportedOperationException();
        }

        @Override
        public boolean enqueue(WaitingTicketRecord waiting) {
            throw new UnsupportedOperationException();
        }

        @Override
        public boolean dequeue(String tenantId, UUID ticketId) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Optional<WaitingTicketRecord> waitingTicket(String tenantId, UUID ticketId) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Page<WaitingTicketRecord> waiting(String tenantId, PageRequest page) {
            throw new UnsupportedOperationException();
        }
    }

    /** A store of tickets that remembers which of its methods were called. */
    private static final class TicketsOnly implements TicketStore {
        final Map<UUID, TicketRecord> tickets = new HashMap<>();
        final List<String> calls = new ArrayList<>();

        @Override
        public TicketRecord insert(TicketRecord ticket) {
            tickets.put(ticket.id(), ticket);
            return ticket;
        }

        @Override
        public TicketRecord update(TicketRecord ticket, long expectedVersion) {
            calls.add("update at " + expectedVersion);
            return ticket;
        }

        @Override
        public void lock(String tenantId, UUID id) {
            calls.add("lock");
            get(tenantId, id).orElseThrow(() -> new NotFoundException("ticket", id));
        }

        @Override
        public Optional<TicketRecord> get(String tenantId, UUID id) {
            return Optional.ofNullable(tickets.get(id)).filter(t -> t.tenantId().equals(tenantId));
        }

        @Override
        public Page<TicketRecord> find(String tenantId, TicketFilter filter, PageRequest page) {
            throw new UnsupportedOperationException();
        }

        @Override
        public int moveAll(String tenantId, UUID fromCustomerId, UUID toCustomerId, Instant now) {
            throw new UnsupportedOperationException();
        }
    }

    private static TicketRecord ticket(String tenant) {
        return new TicketRecord(tenant, UUID.randomUUID(), 1, NOW, NOW, TicketKind.SERVICE_REQUEST,
                TicketChannel.EMAIL, UUID.randomUUID(), null, TicketPriority.NORMAL, null, TicketState.NEW,
                TicketContent.subject("Please change my plan"), null, null, null, null);
    }

    @Test
    void slots_by_default_reads_each_distinct_member_once_and_leaves_out_those_without_a_slot() {
        SlotsOnly store = new SlotsOnly();
        UUID ann = UUID.randomUUID();
        UUID bob = UUID.randomUUID();
        AgentSlotRecord annSlot = new AgentSlotRecord(TENANT, UUID.randomUUID(), 3, NOW, NOW, ann, NOW, 2);
        store.slots.put(ann, annSlot);

        Map<UUID, AgentSlotRecord> read = store.slots(TENANT, List.of(ann, bob, ann));

        assertThat(read).containsExactly(Map.entry(ann, annSlot));
        assertThat(store.asked).containsExactly(ann, bob);
        assertThat(store.slots("t2", List.of(ann))).isEmpty();
    }

    @Test
    void add_active_tickets_by_default_stores_a_first_slot_then_adds_over_the_version_read_never_below_zero() {
        SlotsOnly store = new SlotsOnly();
        UUID ann = UUID.randomUUID();
        UUID firstId = UUID.randomUUID();

        store.addActiveTickets(TENANT, ann, 2, firstId, NOW);
        store.addActiveTickets(TENANT, ann, -1, UUID.randomUUID(), NOW.plusSeconds(1));

        assertThat(store.slots.get(ann)).isEqualTo(new AgentSlotRecord(TENANT, firstId, 2, NOW, NOW.plusSeconds(1),
                ann, null, 1));
        store.addActiveTickets(TENANT, ann, -5, UUID.randomUUID(), NOW);
        assertThat(store.slots.get(ann).activeTickets()).isZero();
        assertThat(store.slots.get(ann).version()).isEqualTo(3);
    }

    @Test
    void slots_by_default_refuse_null_ids_and_more_than_a_page_naming_member_ids() {
        SlotsOnly store = new SlotsOnly();
        List<UUID> tooMany = new ArrayList<>();
        for (int i = 0; i <= PageRequest.MAX_LIMIT; i++) {
            tooMany.add(UUID.randomUUID());
        }

        assertThatThrownBy(() -> store.slots(TENANT, null)).isInstanceOfSatisfying(ValidationException.class,
                e -> assertThat(e.field()).isEqualTo("memberIds"));
        assertThatThrownBy(() -> store.slots(TENANT, tooMany)).isInstanceOfSatisfying(ValidationException.class,
                e -> assertThat(e.field()).isEqualTo("memberIds"));
        assertThat(store.asked).isEmpty();
    }

    @Test
    void working_hours_by_default_are_read_one_member_at_a_time_and_keyed_by_member() {
        Map<UUID, WorkingHoursRecord> stored = new HashMap<>();
        WorkingHoursStore store = new WorkingHoursStore() {
            @Override
            public WorkingHoursRecord save(WorkingHoursRecord hours, long expectedVersion) {
                throw new UnsupportedOperationException();
            }

            @Override
            public Optional<WorkingHoursRecord> get(String tenantId, UUID memberId) {
                return Optional.ofNullable(stored.get(memberId)).filter(h -> h.tenantId().equals(tenantId));
            }
        };
        UUID ann = UUID.randomUUID();
        WorkingHoursRecord annHours = new WorkingHoursRecord(TENANT, UUID.randomUUID(), 1, NOW, NOW, ann, "UTC",
                List.of());
        stored.put(ann, annHours);

        assertThat(store.getAll(TENANT, List.of(ann, UUID.randomUUID()))).containsExactly(Map.entry(ann, annHours));
        assertThatThrownBy(() -> store.getAll(TENANT, null)).isInstanceOfSatisfying(ValidationException.class,
                e -> assertThat(e.field()).isEqualTo("memberIds"));
    }

    @Test
    void lock_and_get_by_default_locks_then_reads_and_a_missing_ticket_is_not_found() {
        TicketsOnly store = new TicketsOnly();
        TicketRecord stored = store.insert(ticket(TENANT));

        assertThat(store.lockAndGet(TENANT, stored.id())).isEqualTo(stored);
        assertThat(store.calls).containsExactly("lock");
        assertThatThrownBy(() -> store.lockAndGet("t2", stored.id())).isInstanceOf(NotFoundException.class);
    }

    @Test
    void update_over_the_record_read_by_default_updates_at_its_version_and_refuses_another_ticket() {
        TicketsOnly store = new TicketsOnly();
        TicketRecord stored = store.insert(ticket(TENANT));
        TicketRecord other = store.insert(ticket(TENANT));

        store.update(stored, stored);

        assertThat(store.calls).containsExactly("update at 1");
        assertThatThrownBy(() -> store.update(stored, other)).isInstanceOfSatisfying(ValidationException.class,
                e -> assertThat(e.field()).isEqualTo("stored"));
        assertThatThrownBy(() -> store.update(stored, (TicketRecord) null))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("stored"));
        assertThat(store.calls).containsExactly("update at 1");
    }
}
