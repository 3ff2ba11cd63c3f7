package dev.crmkit.tck;

import static dev.crmkit.tck.CustomerFixtures.OTHER_TENANT;
import static dev.crmkit.tck.CustomerFixtures.TENANT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.crmkit.model.ConflictException;
import dev.crmkit.model.Page;
import dev.crmkit.model.PageRequest;
import dev.crmkit.model.ValidationException;
import dev.crmkit.model.ticket.TicketState;
import dev.crmkit.spi.Ids;
import dev.crmkit.spi.ticket.AgentSlotRecord;
import dev.crmkit.spi.ticket.ServiceLevelStorage;
import dev.crmkit.spi.ticket.TicketRecord;
import dev.crmkit.spi.ticket.TicketRoutingStore;
import dev.crmkit.spi.ticket.TicketStorage;
import dev.crmkit.spi.ticket.WaitingTicketRecord;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The promises of {@link TicketRoutingStore}, {@link AgentSlotRecord} and {@link WaitingTicketRecord}. */
public abstract class TicketRoutingStoreContract extends ContractSupport {
    private TicketRoutingStore routing() {
        return capability(ServiceLevelStorage.class).routing();
    }

    private static AgentSlotRecord slot(String tenant, UUID memberId, int minutesLater) {
        return new AgentSlotRecord(tenant, UUID.randomUUID(), 1, NOW, NOW.plusSeconds(60L * minutesLater), memberId,
                NOW.plusSeconds(60L * minutesLater), minutesLater);
    }

    private AgentSlotRecord saved(AgentSlotRecord slot, long expectedVersion) {
        routing().saveSlot(slot, expectedVersion);
        return routing().slot(slot.tenantId(), slot.memberId()).orElseThrow();
    }

    @Test
    void a_slot_reads_back_equal_only_in_its_tenant_and_is_replaced_by_compare_and_set_keeping_id_and_created_at() {
        UUID member = UUID.randomUUID();
        assertThat(routing().slot(TENANT, member)).isEmpty();

        AgentSlotRecord given = slot(TENANT, member, 0);
        AgentSlotRecord first = saved(given, 0);
        AgentSlotRecord second = saved(slot(TENANT, member, 5), 1);

        assertThat(first).isEqualTo(given);
        assertThat(second.version()).isEqualTo(2);
        assertThat(second.id()).isEqualTo(first.id());
        assertThat(second.createdAt()).isEqualTo(NOW);
        assertThat(second.lastRoutedAt()).isEqualTo(NOW.plusSeconds(300));
        assertThat(second.activeTickets()).isEqualTo(5);
        assertThat(routing().slot(TENANT, member)).contains(second);
        assertThat(routing().slot(OTHER_TENANT, member)).isEmpty();
        assertThat(routing().slot(TENANT, UUID.randomUUID())).isEmpty();
    }

    @Test
    void slots_reads_many_members_slots_at_once_as_slot_does_only_in_their_tenant() {
        UUID ann = UUID.randomUUID();
        UUID bob = UUID.randomUUID();
        UUID none = UUID.randomUUID();
        routing().saveSlot(slot(TENANT, ann, 0), 0);
        AgentSlotRecord annNow = saved(slot(TENANT, ann, 3), 1);
        AgentSlotRecord bobNow = saved(slot(TENANT, bob, 1), 0);
        routing().saveSlot(slot(OTHER_TENANT, none, 2), 0);

        Map<UUID, AgentSlotRecord> read = routing().slots(TENANT, List.of(ann, none, bob, ann));

        assertThat(read).containsOnlyKeys(ann, bob);
        assertThat(read.get(ann)).isEqualTo(annNow).isEqualTo(routing().slot(TENANT, ann).orElseThrow());
        assertThat(read.get(bob)).isEqualTo(bobNow);
        assertThat(routing().slots(TENANT, List.of())).isEmpty();
        assertThat(routing().slots(OTHER_TENANT, List.of(ann, bob))).isEmpty();
    }

    @Test
    void slots_refuse_null_and_more_than_a_page_of_ids_naming_member_ids() {
        List<UUID> withNull = new ArrayList<>(List.of(UUID.randomUUID()));
        withNull.add(null);
        List<UUID> tooMany = new ArrayList<>();
        for (int i = 0; i <= PageRequest.MAX_LIMIT; i++) {
            tooMany.add(UUID.randomUUID());
        }

        for (List<UUID> ids : java.util.Arrays.asList(null, withNull, tooMany)) {
            assertThatThrownBy(() -> routing().slots(TENANT, ids)).isInstanceOfSatisfying(ValidationException.class,
                    e -> assertThat(e.field()).startsWith("memberIds"));
        }
    }

    @Test
    void a_stale_slot_version_conflicts_retryably_and_changes_nothing() {
        UUID member = UUID.randomUUID();
        AgentSlotRecord stored = saved(slot(TENANT, member, 0), 0);

        assertThatThrownBy(() -> routing().saveSlot(slot(TENANT, member, 9), 0))
                .as("a first slot where one is stored").isInstanceOfSatisfying(ConflictException.class,
                        e -> assertThat(e.retryable()).isTrue());
        assertThatThrownBy(() -> routing().saveSlot(slot(TENANT, member, 9), 2))
                .isInstanceOfSatisfying(ConflictException.class, e -> assertThat(e.retryable()).isTrue());
        assertThatThrownBy(() -> routing().saveSlot(slot(OTHER_TENANT, member, 9), 1))
                .as("none stored in the other tenant").isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> routing().saveSlot(slot(TENANT, member, 9), -1))
                .isInstanceOfSatisfying(ValidationException.class,
                        e -> assertThat(e.field()).isEqualTo("expectedVersion"));
        assertThat(routing().slot(TENANT, member)).contains(stored);
        assertThat(routing().slot(OTHER_TENANT, member)).isEmpty();
    }

    @Test
    void active_ticket_counts_count_only_active_tickets_of_each_assignee_in_the_tenant() {
        var tickets = capability(TicketStorage.class).tickets();
        UUID ann = UUID.randomUUID();
        UUID bob = UUID.randomUUID();
        UUID idle = UUID.randomUUID();
        for (TicketState state : TicketState.values()) {
            tickets.insert(TicketFixtures.inState(assigned(TENANT, ann), state, NOW));
        }
        tickets.insert(assigned(TENANT, bob));
        tickets.insert(TicketFixtures.inState(assigned(TENANT, bob), TicketState.RESOLVED, NOW));
        tickets.insert(TicketFixtures.inState(assigned(TENANT, idle), TicketState.CLOSED, NOW));
        tickets.insert(assigned(OTHER_TENANT, idle));
        tickets.insert(TicketFixtures.ticket(TENANT));

        Map<UUID, Integer> counts = routing().activeTicketCounts(TENANT, List.of(ann, bob, idle, ann));

        assertThat(counts).as("NEW, OPEN and both waiting states; resolved and closed ones free capacity")
                .containsExactlyInAnyOrderEntriesOf(Map.of(ann, 4, bob, 1));
        assertThat(routing().activeTicketCounts(OTHER_TENANT, List.of(ann, idle))).isEqualTo(Map.of(idle, 1));
        assertThat(routing().activeTicketCounts(TENANT, List.of())).isEmpty();
    }

    @Test
    void adding_active_tickets_stores_a_first_slot_then_counts_in_place_moving_the_version_never_below_zero() {
        UUID ann = UUID.randomUUID();
        UUID bob = UUID.randomUUID();
        UUID firstId = UUID.randomUUID();

        routing().addActiveTickets(TENANT, ann, 1, firstId, NOW);
        assertThat(routing().slot(TENANT, ann)).contains(new AgentSlotRecord(TENANT, firstId, 1, NOW, NOW, ann, null,
                1));
        routing().addActiveTickets(TENANT, ann, 1, UUID.randomUUID(), NOW.plusSeconds(5));
        routing().addActiveTickets(TENANT, ann, -1, UUID.randomUUID(), NOW.plusSeconds(9));
        routing().addActiveTickets(TENANT, ann, 1, UUID.randomUUID(), NOW.plusSeconds(9));
        routing().addActiveTickets(OTHER_TENANT, ann, 3, UUID.randomUUID(), NOW);
        routing().addActiveTickets(TENANT, bob, -1, UUID.randomUUID(), NOW);

        assertThat(routing().slot(TENANT, ann)).as("id, creation and last routing kept")
                .contains(new AgentSlotRecord(TENANT, firstId, 4, NOW, NOW.plusSeconds(9), ann, null, 2));
        assertThat(routing().slot(OTHER_TENANT, ann).orElseThrow().activeTickets()).isEqualTo(3);
        assertThat(routing().slot(TENANT, bob).orElseThrow().activeTickets()).as("never below zero").isZero();
        routing().addActiveTickets(TENANT, ann, -5, UUID.randomUUID(), NOW.plusSeconds(9));
        assertThat(routing().slot(TENANT, ann).orElseThrow().activeTickets()).isZero();
    }

    @Test
    void a_save_over_the_version_read_before_active_tickets_were_added_conflicts_and_changes_nothing() {
        UUID ann = UUID.randomUUID();
        AgentSlotRecord read = saved(slot(TENANT, ann, 2), 0);
        routing().addActiveTickets(TENANT, ann, -1, UUID.randomUUID(), NOW.plusSeconds(1));

        assertThatThrownBy(() -> routing().saveSlot(slot(TENANT, ann, 3), read.version()))
                .isInstanceOfSatisfying(ConflictException.class, e -> assertThat(e.retryable()).isTrue());
        assertThat(routing().slot(TENANT, ann).orElseThrow().activeTickets()).isEqualTo(1);
        routing().saveSlot(slot(TENANT, ann, 2), read.version() + 1);
        assertThat(routing().slot(TENANT, ann).orElseThrow().version()).isEqualTo(3);
    }

    @Test
    void counts_added_in_a_unit_that_rolls_back_are_not_stored() {
        UUID ann = UUID.randomUUID();
        UUID bob = UUID.randomUUID();
        routing().addActiveTickets(TENANT, ann, 1, UUID.randomUUID(), NOW);

        assertThatThrownBy(() -> storage().transactions().run(() -> {
            routing().addActiveTickets(TENANT, ann, 1, UUID.randomUUID(), NOW);
            routing().addActiveTickets(TENANT, bob, 1, UUID.randomUUID(), NOW);
            throw new IllegalStateException("the unit fails");
        })).isInstanceOf(IllegalStateException.class);

        assertThat(routing().slot(TENANT, ann).orElseThrow().activeTickets()).isEqualTo(1);
        assertThat(routing().slot(TENANT, bob)).isEmpty();
    }

    @Test
    void slot_counts_kept_alongside_mixed_ticket_changes_equal_the_active_ticket_recount() {
        var tickets = capability(TicketStorage.class).tickets();
        UUID ann = UUID.randomUUID();
        UUID bob = UUID.randomUUID();
        java.util.Random random = new java.util.Random(15);
        List<TicketRecord> stored = new ArrayList<>();
        for (int step = 0; step < 40; step++) {
            TicketRecord before = stored.isEmpty() || random.nextInt(3) == 0 ? null
                    : stored.get(random.nextInt(stored.size()));
            UUID assignee = List.of(ann, bob).get(random.nextInt(2));
            TicketState state = TicketState.values()[random.nextInt(TicketState.values().length)];
            TicketRecord after;
            if (before == null) {
                after = tickets.insert(TicketFixtures.inState(assigned(TENANT, assignee), state, NOW));
            } else {
                TicketRecord changed = TicketFixtures.inState(TicketFixtures.of(before, before.customerId(), null,
                        random.nextInt(4) == 0 ? null : assignee), state, NOW);
                after = tickets.update(changed, before.version());
                stored.remove(before);
            }
            stored.add(after);
            // what a ticket unit does with the slots: the active assignee before loses one, the one after gains one
            UUID lost = before != null && before.state().isActive() ? before.assigneeId() : null;
            UUID gained = after.state().isActive() ? after.assigneeId() : null;
            if (!java.util.Objects.equals(lost, gained)) {
                if (lost != null) {
                    routing().addActiveTickets(TENANT, lost, -1, UUID.randomUUID(), NOW);
                }
                if (gained != null) {
                    routing().addActiveTickets(TENANT, gained, 1, UUID.randomUUID(), NOW);
                }
            }
        }

        Map<UUID, Integer> recount = routing().activeTicketCounts(TENANT, List.of(ann, bob));
        for (UUID member : List.of(ann, bob)) {
            assertThat(routing().slot(TENANT, member).map(AgentSlotRecord::activeTickets).orElse(0))
                    .as("the slot's count").isEqualTo(recount.getOrDefault(member, 0));
        }
    }

    @Test
    void active_ticket_counts_refuse_null_and_more_than_a_page_of_ids() {
        List<UUID> withNull = new ArrayList<>(List.of(UUID.randomUUID()));
        withNull.add(null);
        assertThatThrownBy(() -> routing().activeTicketCounts(TENANT, withNull))
                .isInstanceOfSatisfying(ValidationException.class,
                        e -> assertThat(e.field()).isEqualTo("assigneeIds[1]"));
        List<UUID> tooMany = IntStream.rangeClosed(0, PageRequest.MAX_LIMIT).mapToObj(i -> UUID.randomUUID()).toList();
        assertThatThrownBy(() -> routing().activeTicketCounts(TENANT, tooMany))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("assigneeIds"));
    }

    @Test
    void a_ticket_waits_once_reads_back_equal_in_its_tenant_and_leaves_the_queue_once() {
        UUID ticket = UUID.randomUUID();
        WaitingTicketRecord waiting = new WaitingTicketRecord(TENANT, ticket, UUID.randomUUID(), UUID.randomUUID(),
                NOW);

        assertThat(routing().enqueue(waiting)).isTrue();
        assertThat(routing().enqueue(new WaitingTicketRecord(TENANT, ticket, null, null, NOW.plusSeconds(60))))
                .as("already waiting").isFalse();

        assertThat(routing().waitingTicket(TENANT, ticket)).as("the first entry stays").contains(waiting);
        assertThat(routing().waitingTicket(OTHER_TENANT, ticket)).isEmpty();
        assertThat(routing().dequeue(OTHER_TENANT, ticket)).isFalse();
        assertThat(routing().dequeue(TENANT, ticket)).isTrue();
        assertThat(routing().dequeue(TENANT, ticket)).isFalse();
        assertThat(routing().waitingTicket(TENANT, ticket)).isEmpty();
        WaitingTicketRecord anyTeam = new WaitingTicketRecord(TENANT, ticket, null, null, NOW);
        assertThat(routing().enqueue(anyTeam)).as("waits again after it left").isTrue();
        assertThat(routing().waitingTicket(TENANT, ticket)).contains(anyTeam);
    }

    @Test
    void an_entry_queued_in_a_unit_that_rolls_back_is_not_stored() {
        UUID ticket = UUID.randomUUID();

        assertThatThrownBy(() -> storage().transactions().run(() -> {
            routing().enqueue(new WaitingTicketRecord(TENANT, ticket, null, null, NOW));
            throw new IllegalStateException("the unit fails");
        })).isInstanceOf(IllegalStateException.class);

        assertThat(routing().waitingTicket(TENANT, ticket)).isEmpty();
    }

    @Test
    void pages_of_waiting_tickets_come_in_ticket_id_order_without_skipping_or_repeating() {
        List<WaitingTicketRecord> queued = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            WaitingTicketRecord w = new WaitingTicketRecord(TENANT, UUID.randomUUID(), null, null,
                    NOW.plusSeconds(i));
            routing().enqueue(w);
            queued.add(w);
        }
        routing().enqueue(new WaitingTicketRecord(OTHER_TENANT, UUID.randomUUID(), null, null, NOW));
        Collections.shuffle(queued);

        List<WaitingTicketRecord> walked = new ArrayList<>();
        PageRequest request = PageRequest.first(3);
        while (true) {
            Page<WaitingTicketRecord> page = routing().waiting(TENANT, request);
            assertThat(page.items()).hasSizeLessThanOrEqualTo(3);
            walked.addAll(page.items());
            if (page.next().isEmpty()) {
                break;
            }
            request = request.next(page.next().get());
        }

        assertThat(walked).containsExactlyElementsOf(queued.stream()
                .sorted(Comparator.comparing(WaitingTicketRecord::ticketId, Ids.ORDER)).toList());
    }

    @Test
    void the_records_refuse_missing_values_naming_the_field() {
        assertThatThrownBy(() -> new AgentSlotRecord(TENANT, UUID.randomUUID(), 1, NOW, NOW, null, NOW, 0))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("memberId"));
        assertThatThrownBy(() -> new AgentSlotRecord(TENANT, UUID.randomUUID(), 1, NOW, NOW, UUID.randomUUID(), NOW,
                -1)).isInstanceOfSatisfying(ValidationException.class,
                        e -> assertThat(e.field()).isEqualTo("activeTickets"));
        assertThat(new AgentSlotRecord(TENANT, UUID.randomUUID(), 1, NOW, NOW, UUID.randomUUID(), null, 0)
                .lastRoutedAt()).as("never routed").isNull();
        assertThatThrownBy(() -> new WaitingTicketRecord(TENANT, null, null, null, NOW))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("ticketId"));
        assertThatThrownBy(() -> new WaitingTicketRecord(TENANT, UUID.randomUUID(), null, null, null))
                .isInstanceOfSatisfying(ValidationException.class,
                        e -> assertThat(e.field()).isEqualTo("waitingSince"));
    }

    private static TicketRecord assigned(String tenant, UUID assignee) {
        TicketRecord t = TicketFixtures.ticket(tenant);
        return TicketFixtures.of(t, t.customerId(), null, assignee);
    }
}
