package dev.crmkit.tck;

import static dev.crmkit.tck.CustomerFixtures.OTHER_TENANT;
import static dev.crmkit.tck.CustomerFixtures.TENANT;
import static dev.crmkit.tck.TicketFixtures.full;
import static dev.crmkit.tck.TicketFixtures.inState;
import static dev.crmkit.tck.TicketFixtures.of;
import static dev.crmkit.tck.TicketFixtures.ofKind;
import static dev.crmkit.tck.TicketFixtures.ticket;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import dev.crmkit.model.ConflictException;
import dev.crmkit.model.DuplicateException;
import dev.crmkit.model.NotFoundException;
import dev.crmkit.model.Page;
import dev.crmkit.model.PageRequest;
import dev.crmkit.model.ValidationException;
import dev.crmkit.model.customfield.CustomFieldValue;
import dev.crmkit.model.ticket.Attachment;
import dev.crmkit.model.ticket.TicketContent;
import dev.crmkit.model.ticket.TicketFilter;
import dev.crmkit.model.ticket.TicketKind;
import dev.crmkit.model.ticket.TicketState;
import dev.crmkit.spi.Ids;
import dev.crmkit.spi.ticket.TicketRecord;
import dev.crmkit.spi.ticket.TicketStorage;
import dev.crmkit.spi.ticket.TicketStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** The promises of {@link TicketStore} and {@link TicketRecord}. */
public abstract class TicketStoreContract extends ContractSupport {
    private TicketStore tickets() {
        return capability(TicketStorage.class).tickets();
    }

    private List<TicketRecord> all(String tenant, TicketFilter filter, int pageSize) {
        List<TicketRecord> found = new ArrayList<>();
        PageRequest request = PageRequest.first(pageSize);
        while (true) {
            Page<TicketRecord> page = tickets().find(tenant, filter, request);
            found.addAll(page.items());
            if (page.next().isEmpty()) {
                return found;
            }
            request = request.next(page.next().get());
        }
    }

    @Test
    void a_ticket_reads_back_equal_with_attachments_in_order_custom_fields_and_return_references() {
        TicketRecord ticket = full(TENANT);

        assertThat(tickets().insert(ticket)).isEqualTo(ticket);

        TicketRecord read = tickets().get(TENANT, ticket.id()).orElseThrow();
        assertThat(read).isEqualTo(ticket);
        assertThat(read.content().attachments()).extracting(Attachment::reference)
                .containsExactly("docs/2026/photo-2.png", "docs/2026/invoice-1.pdf");
        assertThat(read.content().description()).isEqualTo("It leaks.\nSince Tuesday.");
        assertThat(read.productReturn().authorization()).isEqualTo("RMA-1001");
        assertThat(tickets().get(OTHER_TENANT, ticket.id())).isEmpty();
        assertThat(tickets().get(TENANT, UUID.randomUUID())).isEmpty();
    }

    @Test
    void a_plain_ticket_reads_back_with_no_optional_part() {
        TicketRecord ticket = tickets().insert(ticket(TENANT));

        TicketRecord read = tickets().get(TENANT, ticket.id()).orElseThrow();
        assertThat(read).isEqualTo(ticket);
        assertThat(read.contactPersonId()).isNull();
        assertThat(read.assigneeId()).isNull();
        assertThat(read.productReturn()).isNull();
        assertThat(read.content().description()).isNull();
        assertThat(read.content().attachments()).isEmpty();
        assertThat(read.content().customFields()).isEmpty();
    }

    @Test
    void insert_of_an_existing_id_throws_duplicate_on_id_and_keeps_the_first_and_ids_are_per_tenant() {
        TicketRecord first = tickets().insert(full(TENANT));
        TicketRecord same = new TicketRecord(TENANT, first.id(), 1, NOW, NOW, TicketKind.COMPLAINT,
                first.channel(), UUID.randomUUID(), null, first.priority(), null, TicketState.NEW,
                TicketContent.subject("Other"), null, null, null, null);

        assertThatThrownBy(() -> tickets().insert(same))
                .isInstanceOfSatisfying(DuplicateException.class, e -> assertThat(e.key()).isEqualTo("id"));
        assertThat(tickets().get(TENANT, first.id())).contains(first);
        TicketRecord foreign = new TicketRecord(OTHER_TENANT, first.id(), 1, NOW, NOW, TicketKind.COMPLAINT,
                first.channel(), UUID.randomUUID(), null, first.priority(), null, TicketState.NEW,
                TicketContent.subject("Foreign"), null, null, null, null);
        assertThat(tickets().insert(foreign)).isEqualTo(foreign);
    }

    @Test
    void insert_refuses_a_version_other_than_one() {
        TicketRecord t = ticket(TENANT);
        TicketRecord atTwo = new TicketRecord(TENANT, t.id(), 2, NOW, NOW, t.kind(), t.channel(), t.customerId(),
                null, t.priority(), null, t.state(), t.content(), null, null, null, null);

        assertThatThrownBy(() -> tickets().insert(atTwo)).isInstanceOfSatisfying(ValidationException.class,
                e -> assertThat(e.field()).isEqualTo("version"));
        assertThat(tickets().get(TENANT, t.id())).isEmpty();
    }

    @Test
    void update_replaces_attachments_and_fields_raises_the_version_keeps_created_at_and_a_stale_one_conflicts() {
        TicketRecord stored = tickets().insert(full(TENANT));
        TicketContent content = new TicketContent("Broken kettle, again", null,
                List.of(new Attachment("docs/2026/photo-3.jpg", "image/jpeg")),
                Map.of("warranty", new CustomFieldValue.Bool(false)));
        TicketRecord resolved = inState(stored, TicketState.RESOLVED, NOW.plusSeconds(60));
        TicketRecord changed = new TicketRecord(TENANT, stored.id(), 1, NOW.minusSeconds(60), resolved.updatedAt(),
                resolved.kind(), resolved.channel(), resolved.customerId(), null, resolved.priority(), null,
                resolved.state(), content, resolved.productReturn(), resolved.resolvedAt(), null, null);

        TicketRecord updated = tickets().update(changed, 1);

        assertThat(updated.version()).isEqualTo(2);
        assertThat(updated.createdAt()).as("createdAt stays as stored").isEqualTo(NOW);
        assertThat(updated.content()).isEqualTo(content);
        assertThat(updated.state()).isEqualTo(TicketState.RESOLVED);
        assertThat(updated.resolvedAt()).isEqualTo(NOW.plusSeconds(60));
        assertThat(updated.contactPersonId()).isNull();
        assertThat(tickets().get(TENANT, stored.id())).contains(updated);
        assertThatThrownBy(() -> tickets().update(stored, 1)).isInstanceOfSatisfying(ConflictException.class,
                e -> assertThat(e.retryable()).isTrue());
        assertThat(tickets().get(TENANT, stored.id())).contains(updated);
        assertThatThrownBy(() -> tickets().update(ticket(TENANT), 1)).isInstanceOf(NotFoundException.class);
        TicketRecord theirs = tickets().insert(ticket(OTHER_TENANT));
        TicketRecord asMine = new TicketRecord(TENANT, theirs.id(), 1, NOW, NOW, theirs.kind(), theirs.channel(),
                theirs.customerId(), null, theirs.priority(), null, theirs.state(), theirs.content(), null, null,
                null, null);
        assertThatThrownBy(() -> tickets().update(asMine, 1)).isInstanceOf(NotFoundException.class);
        assertThat(tickets().get(OTHER_TENANT, theirs.id())).contains(theirs);
    }

    @Test
    void update_over_the_record_read_keeps_unchanged_attachments_and_fields_and_writes_changed_ones() {
        TicketRecord stored = tickets().insert(full(TENANT));
        TicketRecord read = tickets().get(TENANT, stored.id()).orElseThrow();
        TicketRecord assigned = new TicketRecord(TENANT, stored.id(), 1, NOW, NOW.plusSeconds(30), stored.kind(),
                stored.channel(), stored.customerId(), stored.contactPersonId(), stored.priority(), UUID.randomUUID(),
                TicketState.OPEN, stored.content(), stored.productReturn(), null, null, null);

        TicketRecord second = tickets().update(assigned, read);

        assertThat(second.version()).isEqualTo(2);
        assertThat(second.createdAt()).isEqualTo(NOW);
        assertThat(second.assigneeId()).isEqualTo(assigned.assigneeId());
        assertThat(second.content()).as("attachments and fields as stored").isEqualTo(stored.content());
        assertThat(tickets().get(TENANT, stored.id())).contains(second);

        TicketContent changed = new TicketContent("Broken kettle, again", null,
                List.of(new Attachment("docs/2026/photo-3.jpg", "image/jpeg")),
                Map.of("warranty", new CustomFieldValue.Bool(false)));
        TicketRecord edited = new TicketRecord(TENANT, stored.id(), 2, NOW, NOW.plusSeconds(60), second.kind(),
                second.channel(), second.customerId(), second.contactPersonId(), second.priority(),
                second.assigneeId(), second.state(), changed, second.productReturn(), null, null, null);

        TicketRecord third = tickets().update(edited, second);

        assertThat(third.version()).isEqualTo(3);
        assertThat(third.content()).isEqualTo(changed);
        assertThat(tickets().get(TENANT, stored.id())).contains(third);
    }

    @Test
    void update_over_a_stale_record_read_conflicts_and_over_another_ticket_is_refused_naming_stored() {
        TicketRecord stored = tickets().insert(full(TENANT));
        TicketRecord moved = tickets().update(inState(stored, TicketState.OPEN, NOW.plusSeconds(1)), stored);
        TicketRecord other = tickets().insert(ticket(TENANT));

        assertThatThrownBy(() -> tickets().update(inState(stored, TicketState.RESOLVED, NOW.plusSeconds(2)), stored))
                .isInstanceOfSatisfying(ConflictException.class, e -> assertThat(e.retryable()).isTrue());
        assertThatThrownBy(() -> tickets().update(inState(stored, TicketState.RESOLVED, NOW.plusSeconds(2)), other))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("stored"));
        assertThatThrownBy(() -> tickets().update(moved, (TicketRecord) null))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("stored"));
        assertThat(tickets().get(TENANT, stored.id())).contains(moved);
        assertThat(tickets().get(TENANT, other.id())).contains(other);
    }

    @Test
    void lock_and_get_reads_the_ticket_as_get_does_and_a_missing_or_another_tenants_throws_not_found() {
        TicketRecord theirs = tickets().insert(ticket(OTHER_TENANT));
        TicketRecord mine = tickets().insert(full(TENANT));

        TicketRecord locked = storage().transactions().inTransaction(() -> tickets().lockAndGet(TENANT, mine.id()));

        assertThat(locked).isEqualTo(tickets().get(TENANT, mine.id()).orElseThrow());
        assertThatThrownBy(() -> tickets().lockAndGet(TENANT, UUID.randomUUID()))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> tickets().lockAndGet(TENANT, theirs.id())).isInstanceOf(NotFoundException.class);
        assertThat(tickets().get(OTHER_TENANT, theirs.id())).contains(theirs);
    }

    @Test
    void a_second_unit_locking_and_reading_a_ticket_waits_until_the_first_committed_and_reads_its_change()
            throws Exception {
        TicketRecord stored = tickets().insert(full(TENANT));
        AtomicReference<TicketRecord> lastRead = new AtomicReference<>(stored);

        RowLockCheck.secondUnitWaitsForTheFirst(storage().transactions(),
                () -> lastRead.set(tickets().lockAndGet(TENANT, stored.id())),
                () -> tickets().update(inState(stored, TicketState.OPEN, NOW.plusSeconds(1)), 1),
                () -> lastRead.get().version());
        assertThat(lastRead.get()).as("read under the lock with its attachments and fields")
                .isEqualTo(tickets().get(TENANT, stored.id()).orElseThrow());
    }

    @Test
    void a_closed_duplicate_keeps_the_ticket_it_was_merged_into() {
        TicketRecord stored = tickets().insert(ticket(TENANT));
        UUID into = UUID.randomUUID();
        TicketRecord merged = new TicketRecord(TENANT, stored.id(), 1, NOW, NOW.plusSeconds(5), stored.kind(),
                stored.channel(), stored.customerId(), null, stored.priority(), null, TicketState.CLOSED,
                stored.content(), null, null, NOW.plusSeconds(5), into);

        assertThat(tickets().update(merged, 1).mergedInto()).isEqualTo(into);
        assertThat(tickets().get(TENANT, stored.id()).orElseThrow().mergedInto()).isEqualTo(into);
    }

    @Test
    void lock_of_a_missing_ticket_or_another_tenants_throws_not_found_and_leaves_a_ticket_as_stored() {
        TicketRecord theirs = tickets().insert(ticket(OTHER_TENANT));
        TicketRecord mine = tickets().insert(full(TENANT));

        assertThatThrownBy(() -> tickets().lock(TENANT, UUID.randomUUID())).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> tickets().lock(TENANT, theirs.id())).isInstanceOf(NotFoundException.class);
        storage().transactions().run(() -> tickets().lock(TENANT, mine.id()));
        assertThat(tickets().get(TENANT, mine.id())).contains(mine);
    }

    @Test
    void a_second_unit_locking_a_ticket_waits_until_the_first_committed_and_reads_its_change() throws Exception {
        TicketRecord stored = tickets().insert(ticket(TENANT));

        RowLockCheck.secondUnitWaitsForTheFirst(storage().transactions(),
                () -> tickets().lock(TENANT, stored.id()),
                () -> tickets().update(inState(stored, TicketState.OPEN, NOW.plusSeconds(1)), 1),
                () -> tickets().get(TENANT, stored.id()).orElseThrow().version());
    }

    @Test
    void find_pages_through_a_customers_tickets_in_id_order_within_the_tenant() {
        UUID customer = UUID.randomUUID();
        List<TicketRecord> theirs = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            theirs.add(tickets().insert(of(ticket(TENANT), customer, null, null)));
        }
        tickets().insert(ticket(TENANT));
        tickets().insert(of(ticket(OTHER_TENANT), customer, null, null));

        assertThat(all(TENANT, TicketFilter.all().ofCustomer(customer), 2)).containsExactlyElementsOf(
                theirs.stream().sorted(Comparator.comparing(TicketRecord::id, Ids.ORDER)).toList());
        assertThat(all(TENANT, TicketFilter.all(), 4)).hasSize(6)
                .isSortedAccordingTo(Comparator.comparing(TicketRecord::id, Ids.ORDER));
        assertThat(all(OTHER_TENANT, TicketFilter.all().ofCustomer(customer), 1)).hasSize(1);
        assertThat(all(TENANT, TicketFilter.all().ofCustomer(UUID.randomUUID()), 3)).isEmpty();
    }

    @Test
    void find_with_a_cursor_not_issued_by_the_store_is_refused_naming_the_cursor() {
        tickets().insert(ticket(TENANT));
        PageRequest bad = PageRequest.first(2).next(dev.crmkit.model.Cursor.of(List.of("not-an-id")));

        assertThatThrownBy(() -> tickets().find(TENANT, TicketFilter.all(), bad))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("cursor"));
    }

    @Test
    void move_all_moves_customers_and_contact_persons_each_ticket_once_and_nothing_else() {
        UUID merged = UUID.randomUUID();
        UUID survivor = UUID.randomUUID();
        UUID organization = UUID.randomUUID();
        TicketRecord own = tickets().insert(of(full(TENANT), merged, UUID.randomUUID(), null));
        TicketRecord asContact = tickets().insert(of(ticket(TENANT), organization, merged, null));
        TicketRecord survivorsWithMergedContact = tickets().insert(of(ticket(TENANT), survivor, merged, null));
        TicketRecord mergedWithSurvivorContact = tickets().insert(of(ticket(TENANT), merged, survivor, null));
        TicketRecord untouched = tickets().insert(of(ticket(TENANT), survivor, organization, null));
        TicketRecord otherTenant = tickets().insert(of(ticket(OTHER_TENANT), merged, null, null));
        Instant later = NOW.plusSeconds(120);

        assertThat(tickets().moveAll(TENANT, merged, survivor, later)).isEqualTo(4);

        assertThat(tickets().get(TENANT, own.id()).orElseThrow()).satisfies(t -> {
            assertThat(t.customerId()).isEqualTo(survivor);
            assertThat(t.contactPersonId()).isEqualTo(own.contactPersonId());
            assertThat(t.version()).isEqualTo(2);
            assertThat(t.updatedAt()).isEqualTo(later);
            assertThat(t.content()).isEqualTo(own.content());
            assertThat(t.productReturn()).isEqualTo(own.productReturn());
        });
        assertThat(tickets().get(TENANT, asContact.id()).orElseThrow()).satisfies(t -> {
            assertThat(t.customerId()).isEqualTo(organization);
            assertThat(t.contactPersonId()).isEqualTo(survivor);
            assertThat(t.version()).isEqualTo(2);
        });
        assertThat(tickets().get(TENANT, survivorsWithMergedContact.id()).orElseThrow()).satisfies(t -> {
            assertThat(t.customerId()).isEqualTo(survivor);
            assertThat(t.contactPersonId()).as("never the customer itself").isNull();
            assertThat(t.version()).isEqualTo(2);
        });
        assertThat(tickets().get(TENANT, mergedWithSurvivorContact.id()).orElseThrow()).satisfies(t -> {
            assertThat(t.customerId()).isEqualTo(survivor);
            assertThat(t.contactPersonId()).isNull();
            assertThat(t.version()).as("changed once").isEqualTo(2);
        });
        assertThat(tickets().get(TENANT, untouched.id())).contains(untouched);
        assertThat(tickets().get(OTHER_TENANT, otherTenant.id())).contains(otherTenant);
        assertThat(all(TENANT, TicketFilter.all().ofCustomer(merged), 10)).isEmpty();
        assertThat(tickets().moveAll(TENANT, merged, survivor, later)).isZero();
        assertThatThrownBy(() -> tickets().moveAll(TENANT, null, survivor, later))
                .isInstanceOfSatisfying(ValidationException.class,
                        e -> assertThat(e.field()).isEqualTo("fromCustomerId"));
        assertThatThrownBy(() -> tickets().moveAll(TENANT, merged, null, later))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("toCustomerId"));
        assertThatThrownBy(() -> tickets().moveAll(TENANT, merged, survivor, null))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("now"));
    }

    @Test
    void the_record_refuses_inconsistent_states_naming_the_field() {
        TicketRecord t = ticket(TENANT);
        assertThatThrownBy(() -> new TicketRecord(TENANT, t.id(), 1, NOW, NOW, TicketKind.PRODUCT_RETURN,
                t.channel(), t.customerId(), null, t.priority(), null, t.state(), t.content(), null, null, null, null))
                .isInstanceOfSatisfying(ValidationException.class,
                        e -> assertThat(e.field()).isEqualTo("productReturn"));
        assertThatThrownBy(() -> new TicketRecord(TENANT, t.id(), 1, NOW, NOW, t.kind(), t.channel(), t.customerId(),
                null, t.priority(), null, t.state(), t.content(), ofKind(t, TicketKind.PRODUCT_RETURN).productReturn(),
                null, null, null)).isInstanceOfSatisfying(ValidationException.class,
                        e -> assertThat(e.field()).isEqualTo("productReturn"));
        assertThatThrownBy(() -> new TicketRecord(TENANT, t.id(), 1, NOW, NOW, t.kind(), t.channel(),
                t.customerId(), t.customerId(), t.priority(), null, t.state(), t.content(), null, null, null, null))
                .isInstanceOfSatisfying(ValidationException.class,
                        e -> assertThat(e.field()).isEqualTo("contactPersonId"));
        assertThatThrownBy(() -> new TicketRecord(TENANT, t.id(), 1, NOW, NOW, t.kind(), t.channel(),
                t.customerId(), null, t.priority(), null, TicketState.RESOLVED, t.content(), null, null, null, null))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("resolvedAt"));
        assertThatThrownBy(() -> new TicketRecord(TENANT, t.id(), 1, NOW, NOW, t.kind(), t.channel(),
                t.customerId(), null, t.priority(), null, TicketState.OPEN, t.content(), null, NOW, null, null))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("resolvedAt"));
        assertThatThrownBy(() -> new TicketRecord(TENANT, t.id(), 1, NOW, NOW, t.kind(), t.channel(),
                t.customerId(), null, t.priority(), null, TicketState.CLOSED, t.content(), null, NOW, null, null))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("closedAt"));
        assertThatThrownBy(() -> new TicketRecord(TENANT, t.id(), 1, NOW, NOW, t.kind(), t.channel(),
                t.customerId(), null, t.priority(), null, TicketState.OPEN, t.content(), null, null, null,
                UUID.randomUUID())).isInstanceOfSatisfying(ValidationException.class,
                        e -> assertThat(e.field()).isEqualTo("mergedInto"));
        assertThatThrownBy(() -> new TicketRecord(TENANT, t.id(), 1, NOW, NOW, t.kind(), t.channel(),
                t.customerId(), null, t.priority(), null, TicketState.CLOSED, t.content(), null, null, NOW, t.id()))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("mergedInto"));
    }

    private static final UUID[] CUSTOMERS = {UUID.randomUUID(), UUID.randomUUID()};
    private static final UUID[] ASSIGNEES = {null, UUID.randomUUID(), UUID.randomUUID()};

    private static TicketRecord shaped(String tenant, int shape) {
        TicketRecord t = of(ticket(tenant), CUSTOMERS[shape % 2], null, ASSIGNEES[shape / 2 % 3]);
        t = ofKind(t, TicketKind.values()[shape / 6 % TicketKind.values().length]);
        return inState(t, TicketState.values()[shape / 30 % TicketState.values().length], NOW);
    }

    private static TicketFilter filter(int bits) {
        TicketFilter filter = TicketFilter.all();
        if ((bits & 1) == 1) {
            filter = filter.ofCustomer(CUSTOMERS[bits >> 1 & 1]);
        }
        if ((bits >> 2 & 1) == 1) {
            filter = filter.assignedTo(ASSIGNEES[1 + (bits >> 3 & 1)]);
        }
        if ((bits >> 4 & 1) == 1) {
            filter = filter.inStates(EnumSet.of(TicketState.values()[(bits >> 5) % 6], TicketState.RESOLVED));
        }
        if ((bits >> 8 & 1) == 1) {
            filter = filter.ofKinds(Set.of(TicketKind.values()[(bits >> 9) % 5]));
        }
        return filter;
    }

    @Test
    void find_returns_exactly_the_tickets_the_reference_filter_selects_in_id_order_through_any_page_size() {
        qt().withExamples(40).withShrinkCycles(20)
                .forAll(lists().of(integers().between(0, Integer.MAX_VALUE)).ofSizeBetween(0, 15),
                        integers().between(0, Integer.MAX_VALUE), integers().between(1, 4))
                .checkAssert((shapes, filterBits, pageSize) -> {
                    String tenant = CustomerFixtures.freshTenant();
                    List<TicketRecord> stored = new ArrayList<>();
                    for (int shape : shapes) {
                        stored.add(tickets().insert(shaped(tenant, shape)));
                    }
                    TicketFilter filter = filter(filterBits);
                    List<TicketRecord> expected = stored.stream().filter(filter::matches)
                            .sorted(Comparator.comparing(TicketRecord::id, Ids.ORDER)).toList();

                    assertThat(all(tenant, filter, pageSize)).as(filter.toString())
                            .containsExactlyElementsOf(expected);
                });
    }
}
