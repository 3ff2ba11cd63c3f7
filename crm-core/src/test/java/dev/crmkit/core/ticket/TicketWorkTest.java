package dev.crmkit.core.ticket;

import static dev.crmkit.core.ticket.TicketFixtures.OTHER_TENANT;
import static dev.crmkit.core.ticket.TicketFixtures.TENANT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.crmkit.model.ConflictException;
import dev.crmkit.model.IllegalTransitionException;
import dev.crmkit.model.NotFoundException;
import dev.crmkit.model.PageRequest;
import dev.crmkit.model.ValidationException;
import dev.crmkit.model.customer.PartyKind;
import dev.crmkit.model.customfield.CustomFieldValue;
import dev.crmkit.model.ticket.Attachment;
import dev.crmkit.model.ticket.ProductReturn;
import dev.crmkit.model.ticket.TicketChannel;
import dev.crmkit.model.ticket.TicketFilter;
import dev.crmkit.model.ticket.TicketKind;
import dev.crmkit.model.ticket.TicketPriority;
import dev.crmkit.model.ticket.TicketState;
import dev.crmkit.spi.ticket.TicketRecord;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

/** A ticket's behaviours by example; {@link TicketLifecyclePropertyTest} runs them in generated sequences. */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class TicketWorkTest {
    private final TicketFixtures f = new TicketFixtures();

    @Test
    void an_organizations_contact_person_opens_a_ticket_that_keeps_its_content_and_records_ticket_opened() {
        // given
        UUID organization = f.organization();
        UUID buyer = f.contactOf(organization);

        // when
        Ticket ticket = f.tickets.open(OpenTicket.of(organization, TicketKind.INCIDENT, TicketChannel.PORTAL,
                "  Checkout is down ").withDescription("Since 9:00.\nAll stores.\n").withContactPerson(buyer)
                .withPriority(TicketPriority.URGENT)
                .withAttachments(List.of(new Attachment("tickets/shot.png", "image/png")))
                .withCustomFields(Map.of("store_count", new CustomFieldValue.Number(java.math.BigDecimal.TEN))));

        // then
        assertThat(ticket.state()).isEqualTo(TicketState.NEW);
        assertThat(ticket.subject()).as("stripped").isEqualTo("Checkout is down");
        assertThat(ticket.description()).isEqualTo("Since 9:00.\nAll stores.");
        assertThat(ticket.contactPersonId()).isEqualTo(buyer);
        assertThat(ticket.priority()).isEqualTo(TicketPriority.URGENT);
        assertThat(ticket.version()).isEqualTo(1);
        assertThat(f.tickets.ticket(ticket.id())).isEqualTo(ticket);
        assertThat(f.eventTypes(ticket.id())).containsExactly("ticket.opened");
        assertThat(f.publishAll().get(f.publishAll().size() - 1).payload()).doesNotContain("Checkout")
                .contains(buyer.toString());
    }

    @Test
    void a_product_return_keeps_its_authorization_and_the_hosts_references() {
        Ticket ticket = f.tickets.open(OpenTicket.productReturn(f.person(), TicketChannel.WEB_FORM, "Wrong size",
                new ProductReturn("RMA-77", "sku-shirt-m", "order-4711")));

        assertThat(ticket.kind()).isEqualTo(TicketKind.PRODUCT_RETURN);
        assertThat(f.tickets.ticket(ticket.id()).productReturn()).isEqualTo(new ProductReturn("RMA-77",
                "sku-shirt-m", "order-4711"));
    }

    @Test
    void bad_commands_are_refused_naming_the_field() {
        UUID person = f.person();
        assertField(() -> OpenTicket.of(person, TicketKind.COMPLAINT, TicketChannel.EMAIL, "  "), "subject");
        assertField(() -> OpenTicket.of(null, TicketKind.COMPLAINT, TicketChannel.EMAIL, "Hi"), "customerId");
        assertField(() -> OpenTicket.of(person, null, TicketChannel.EMAIL, "Hi"), "kind");
        assertField(() -> OpenTicket.of(person, TicketKind.COMPLAINT, null, "Hi"), "channel");
        assertField(() -> OpenTicket.of(person, TicketKind.PRODUCT_RETURN, TicketChannel.EMAIL, "Hi"),
                "productReturn");
        assertField(() -> OpenTicket.of(person, TicketKind.COMPLAINT, TicketChannel.EMAIL, "Hi")
                .withContactPerson(person), "contactPersonId");
        assertField(() -> OpenTicket.of(person, TicketKind.COMPLAINT, TicketChannel.EMAIL, "Hi\u0007"), "subject");
        assertField(() -> OpenTicket.of(person, TicketKind.COMPLAINT, TicketChannel.EMAIL, "x".repeat(201)),
                "subject");
        assertField(() -> OpenTicket.of(person, TicketKind.COMPLAINT, TicketChannel.EMAIL, "Hi")
                .withCustomFields(Map.of("Bad Key", new CustomFieldValue.Bool(true))), "customFields");
        java.util.Map<String, CustomFieldValue> withNull = new java.util.HashMap<>();
        withNull.put("warranty", null);
        assertField(() -> OpenTicket.of(person, TicketKind.COMPLAINT, TicketChannel.EMAIL, "Hi")
                .withCustomFields(withNull), "customFields.warranty");
        assertField(() -> OpenTicket.of(person, TicketKind.COMPLAINT, TicketChannel.EMAIL, "Hi")
                .withAttachments(java.util.Arrays.asList((Attachment) null)), "attachments[0]");
        assertField(() -> new Attachment("file", "not a type"), "attachments[].mediaType");
        assertField(() -> new ProductReturn("RMA-1", " ", "o-1"), "productReturn.productRef");
        assertThat(f.outbox()).isZero();
    }

    @Test
    void a_ticket_for_no_live_customer_or_an_unlinked_contact_person_is_refused_and_nothing_is_stored() {
        UUID organization = f.organization();
        UUID stranger = f.person();
        UUID survivor = f.person();
        UUID merged = f.customer(TENANT, PartyKind.PERSON, survivor);
        UUID foreign = f.customer(OTHER_TENANT, PartyKind.PERSON, null);

        assertField(() -> f.tickets.open(complaintOf(UUID.randomUUID())), "customerId");
        assertField(() -> f.tickets.open(complaintOf(merged)), "customerId");
        assertField(() -> f.tickets.open(complaintOf(foreign)), "customerId");
        assertField(() -> f.tickets.open(complaintOf(organization).withContactPerson(stranger)), "contactPersonId");
        assertField(() -> f.tickets.open(complaintOf(survivor).withContactPerson(stranger)), "contactPersonId");
        assertField(() -> f.tickets.open(complaintOf(organization).withContactPerson(f.organization())),
                "contactPersonId");
        assertField(() -> f.tickets.open(complaintOf(organization).withContactPerson(UUID.randomUUID())),
                "contactPersonId");
        assertThat(f.tickets.tickets(TicketFilter.all(), PageRequest.first(10)).items()).isEmpty();
        assertThat(f.outbox()).isZero();
    }

    @Test
    void a_ticket_goes_from_new_through_waiting_to_resolved_and_closed_recording_each_move() {
        Ticket ticket = f.complaint();

        f.tickets.start(ticket.id());
        f.tickets.waitOnCustomer(ticket.id());
        f.tickets.waitOnThirdParty(ticket.id());
        f.tickets.resume(ticket.id());
        f.clock.advance(Duration.ofHours(2));
        Ticket resolved = f.tickets.resolve(ticket.id());
        f.clock.advance(Duration.ofHours(1));
        Ticket closed = f.tickets.close(ticket.id());

        assertThat(resolved.resolvedAt()).isEqualTo(TicketFixtures.START.plus(Duration.ofHours(2)));
        assertThat(closed.state()).isEqualTo(TicketState.CLOSED);
        assertThat(closed.resolvedAt()).as("kept when closed").isEqualTo(resolved.resolvedAt());
        assertThat(closed.closedAt()).isEqualTo(TicketFixtures.START.plus(Duration.ofHours(3)));
        assertThat(closed.version()).isEqualTo(7);
        assertThat(f.eventTypes(ticket.id())).containsExactly("ticket.opened", "ticket.state-changed",
                "ticket.state-changed", "ticket.state-changed", "ticket.state-changed", "ticket.state-changed",
                "ticket.state-changed");
    }

    @Test
    void a_refused_move_names_both_states_and_changes_nothing() {
        Ticket ticket = f.complaint();
        TicketRecord before = f.stored(ticket.id());
        long events = f.outbox();

        assertThatThrownBy(() -> f.tickets.close(ticket.id()))
                .isInstanceOfSatisfying(IllegalTransitionException.class, e -> {
                    assertThat(e.from()).isEqualTo("NEW");
                    assertThat(e.to()).isEqualTo("CLOSED");
                });
        assertThatThrownBy(() -> f.tickets.resume(ticket.id())).isInstanceOf(IllegalTransitionException.class);
        assertThatThrownBy(() -> f.tickets.reopen(ticket.id())).isInstanceOf(IllegalTransitionException.class);
        assertThat(f.stored(ticket.id())).isEqualTo(before);
        assertThat(f.outbox()).isEqualTo(events);
        assertThatThrownBy(() -> f.tickets.start(UUID.randomUUID())).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> f.tickets.start(null)).isInstanceOfSatisfying(ValidationException.class,
                e -> assertThat(e.field()).isEqualTo("ticketId"));
    }

    @Test
    void a_resolved_or_closed_ticket_reopens_within_the_window_and_not_after() {
        Ticket resolved = resolvedComplaint();
        Ticket closed = resolvedComplaint();
        f.tickets.close(closed.id());
        Ticket late = resolvedComplaint();

        f.clock.advance(Duration.ofDays(TicketFixtures.REOPEN_DAYS));
        Ticket reopened = f.tickets.reopen(resolved.id());
        Ticket reopenedFromClosed = f.tickets.reopen(closed.id());
        f.clock.advance(Duration.ofSeconds(1));

        assertThat(reopened.state()).isEqualTo(TicketState.OPEN);
        assertThat(reopened.resolvedAt()).isNull();
        assertThat(reopenedFromClosed.state()).isEqualTo(TicketState.OPEN);
        assertThat(reopenedFromClosed.closedAt()).isNull();
        assertThat(f.eventTypes(closed.id())).endsWith("ticket.reopened");
        assertThatThrownBy(() -> f.tickets.reopen(late.id())).isInstanceOfSatisfying(
                IllegalTransitionException.class, e -> assertThat(e.from()).contains("reopen window of 7 days"));
        assertThat(f.tickets.ticket(late.id()).state()).isEqualTo(TicketState.RESOLVED);
    }

    @Test
    void each_tenant_has_its_own_reopen_window() {
        TicketSettings settings = TicketSettings.defaults().withReopenWindow(OTHER_TENANT, Duration.ZERO);

        assertThat(settings.reopenWindowOf(TENANT)).isEqualTo(TicketSettings.DEFAULT_REOPEN_WINDOW);
        assertThat(settings.reopenWindowOf(OTHER_TENANT)).isZero();
        assertField(() -> settings.withReopenWindow(Duration.ofDays(-1)), "reopenWindow");
        assertField(() -> settings.withReopenWindow("bad tenant", Duration.ofDays(1)), "tenantId");
    }

    @Test
    void a_duplicate_merged_into_another_ticket_is_closed_remembers_it_and_never_reopens() {
        UUID customer = f.person();
        Ticket original = f.tickets.open(complaintOf(customer));
        Ticket duplicate = f.tickets.open(complaintOf(customer));

        Ticket merged = f.tickets.merge(duplicate.id(), original.id());

        assertThat(merged.state()).isEqualTo(TicketState.CLOSED);
        assertThat(merged.mergedInto()).isEqualTo(original.id());
        assertThat(f.tickets.ticket(original.id())).isEqualTo(original);
        assertThat(f.eventTypes(duplicate.id())).containsExactly("ticket.opened", "ticket.merged");
        assertThatThrownBy(() -> f.tickets.reopen(duplicate.id())).isInstanceOfSatisfying(
                IllegalTransitionException.class, e -> assertThat(e.from()).contains("merged"));
        assertThatThrownBy(() -> f.tickets.merge(duplicate.id(), original.id()))
                .isInstanceOf(IllegalTransitionException.class);
    }

    @Test
    void a_duplicate_is_not_merged_into_itself_another_customers_a_closed_or_a_missing_ticket() {
        UUID customer = f.person();
        Ticket duplicate = f.tickets.open(complaintOf(customer));
        Ticket closed = f.tickets.open(complaintOf(customer));
        f.tickets.resolve(closed.id());
        f.tickets.close(closed.id());
        Ticket anothers = f.complaint();
        TicketRecord before = f.stored(duplicate.id());

        assertField(() -> f.tickets.merge(duplicate.id(), duplicate.id()), "intoTicketId");
        assertField(() -> f.tickets.merge(duplicate.id(), anothers.id()), "intoTicketId");
        assertField(() -> f.tickets.merge(duplicate.id(), closed.id()), "intoTicketId");
        assertField(() -> f.tickets.merge(duplicate.id(), UUID.randomUUID()), "intoTicketId");
        assertThatThrownBy(() -> f.tickets.merge(UUID.randomUUID(), duplicate.id()))
                .isInstanceOf(NotFoundException.class);
        assertThat(f.stored(duplicate.id())).isEqualTo(before);
    }

    @Test
    void a_ticket_is_assigned_to_a_team_member_once_and_a_closed_one_not_at_all() {
        Ticket ticket = f.complaint();
        UUID ana = f.agent();
        UUID bo = f.agent();

        Ticket assigned = f.tickets.assign(ticket.id(), ana);
        Ticket again = f.tickets.assign(ticket.id(), ana);
        Ticket reassigned = f.tickets.assign(ticket.id(), bo);

        assertThat(assigned.assigneeId()).isEqualTo(ana);
        assertThat(assigned.state()).as("assigning moves no state").isEqualTo(TicketState.NEW);
        assertThat(again.version()).as("nothing changed").isEqualTo(assigned.version());
        assertThat(reassigned.assigneeId()).isEqualTo(bo);
        assertThat(f.eventTypes(ticket.id())).containsExactly("ticket.opened", "ticket.assigned", "ticket.assigned");
        assertThat(f.publishAll().get(f.publishAll().size() - 1).payload()).contains(ana.toString());
        assertField(() -> f.tickets.assign(ticket.id(), UUID.randomUUID()), "assigneeId");
        f.tickets.resolve(ticket.id());
        f.tickets.close(ticket.id());
        assertThatThrownBy(() -> f.tickets.assign(ticket.id(), ana)).isInstanceOf(IllegalTransitionException.class);
        assertThat(f.tickets.ticket(ticket.id()).assigneeId()).isEqualTo(bo);
    }

    @Test
    void opening_again_with_the_same_key_returns_the_first_ticket_and_a_key_of_another_customer_conflicts() {
        OpenTicket command = complaintOf(f.person());

        Ticket first = f.tickets.open(command, "mail-4711");
        Ticket again = f.tickets.open(command, "mail-4711");

        assertThat(again).isEqualTo(first);
        assertThat(f.tickets.tickets(TicketFilter.all(), PageRequest.first(10)).items()).hasSize(1);
        assertThat(f.eventTypes(first.id())).containsExactly("ticket.opened");
        assertThatThrownBy(() -> f.tickets.open(complaintOf(f.person()), "mail-4711"))
                .isInstanceOf(ConflictException.class);
        assertField(() -> f.tickets.open(command, " "), "idempotencyKey");
        assertThat(f.tickets.open(command, "mail-4712").id()).isNotEqualTo(first.id());
    }

    @Test
    void tickets_are_listed_by_customer_state_kind_and_assignee_page_by_page() {
        UUID customer = f.person();
        UUID ana = f.agent();
        Ticket complaint = f.tickets.open(complaintOf(customer));
        Ticket question = f.tickets.open(OpenTicket.of(customer, TicketKind.INFORMATION_REQUEST,
                TicketChannel.CHAT, "Opening hours?"));
        Ticket resolved = f.tickets.open(complaintOf(customer));
        f.tickets.resolve(resolved.id());
        f.tickets.assign(question.id(), ana);
        f.complaint();

        TicketFilter ofCustomer = TicketFilter.all().ofCustomer(customer);
        var first = f.tickets.tickets(ofCustomer, PageRequest.first(2));
        var second = f.tickets.tickets(ofCustomer, PageRequest.first(2).next(first.next().orElseThrow()));

        assertThat(first.items()).extracting(Ticket::id).containsExactly(complaint.id(), question.id());
        assertThat(second.items()).extracting(Ticket::id).containsExactly(resolved.id());
        assertThat(second.next()).isEmpty();
        assertThat(f.tickets.tickets(ofCustomer.inStates(EnumSet.of(TicketState.NEW)), PageRequest.first(10))
                .items()).extracting(Ticket::id).containsExactly(complaint.id(), question.id());
        assertThat(f.tickets.tickets(TicketFilter.all().ofKinds(Set.of(TicketKind.INFORMATION_REQUEST)),
                PageRequest.first(10)).items()).extracting(Ticket::id).containsExactly(question.id());
        assertThat(f.tickets.tickets(TicketFilter.all().assignedTo(ana), PageRequest.first(10)).items())
                .extracting(Ticket::id).containsExactly(question.id());
    }

    private Ticket resolvedComplaint() {
        Ticket ticket = f.complaint();
        return f.tickets.resolve(ticket.id());
    }

    private static OpenTicket complaintOf(UUID customer) {
        return OpenTicket.of(customer, TicketKind.COMPLAINT, TicketChannel.EMAIL, "Late delivery");
    }

    private static void assertField(org.assertj.core.api.ThrowableAssert.ThrowingCallable call, String field) {
        assertThatThrownBy(call).isInstanceOfSatisfying(ValidationException.class,
                e -> assertThat(e.field()).isEqualTo(field));
    }
}
