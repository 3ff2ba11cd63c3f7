package dev.crmkit.core.ticket;

import static dev.crmkit.core.ticket.TicketFixtures.OTHER_TENANT;
import static dev.crmkit.core.ticket.TicketFixtures.TENANT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.crmkit.core.port.PublishedEvent;
import dev.crmkit.model.IllegalTransitionException;
import dev.crmkit.model.NotFoundException;
import dev.crmkit.model.ValidationException;
import dev.crmkit.model.customer.PartyKind;
import dev.crmkit.model.ticket.TicketChannel;
import dev.crmkit.model.ticket.TicketKind;
import dev.crmkit.model.ticket.TicketPriority;
import dev.crmkit.spi.ticket.TicketRecord;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A ticket's priority from the tenant's rules when it opens, with the reason recorded, and an agent's override. */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class TicketPriorityTest {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** Customers the host's loyalty programme knows as gold. */
    private final Set<UUID> gold = new java.util.HashSet<>();

    /** The rules of the default tenant: incidents high, phone high, outage words urgent, gold customers high. */
    private final TicketFixtures f = new TicketFixtures(TicketSettings.defaults()
            .withPriorityRules(List.of(
                    PriorityRules.byKind(Map.of(TicketKind.INCIDENT, TicketPriority.HIGH,
                            TicketKind.INFORMATION_REQUEST, TicketPriority.LOW)),
                    PriorityRules.byChannel(Map.of(TicketChannel.PHONE, TicketPriority.HIGH)),
                    PriorityRules.subjectWords("outage-words", Set.of("outage", "down"), TicketPriority.URGENT),
                    PriorityRules.customerTier((tenantId, customerId) -> gold.contains(customerId)
                            ? Optional.of("gold") : Optional.empty(), Map.of("gold", TicketPriority.HIGH))))
            .withPriorityRules(OTHER_TENANT, List.of()));

    private Ticket open(TicketKind kind, TicketChannel channel, String subject) {
        return f.tickets.open(OpenTicket.of(f.person(), kind, channel, subject));
    }

    private JsonNode lastPayload(UUID ticketId, String type) throws Exception {
        List<PublishedEvent> events = f.publishAll().stream()
                .filter(e -> e.aggregateId().equals(ticketId.toString()) && e.type().equals(type)).toList();
        assertThat(events).isNotEmpty();
        return JSON.readTree(events.get(events.size() - 1).payload());
    }

    @Test
    void the_rules_give_the_priority_on_open_and_ticket_opened_records_the_rule_but_not_the_subject()
            throws Exception {
        // when
        Ticket ticket = open(TicketKind.COMPLAINT, TicketChannel.EMAIL, "Total OUTAGE in Hamburg");

        // then
        assertThat(ticket.priority()).isEqualTo(TicketPriority.URGENT);
        assertThat(f.stored(ticket.id()).priority()).isEqualTo(TicketPriority.URGENT);
        JsonNode opened = lastPayload(ticket.id(), "ticket.opened");
        assertThat(opened.get("priority").asString()).isEqualTo("URGENT");
        assertThat(opened.get("priorityReason").asString()).isEqualTo("outage-words");
        assertThat(opened.toString()).doesNotContainIgnoringCase("outage in").doesNotContain("Hamburg");
    }

    @Test
    void each_built_in_rule_is_recorded_as_the_reason_of_what_it_decided() throws Exception {
        Ticket incident = open(TicketKind.INCIDENT, TicketChannel.EMAIL, "Printer");
        Ticket call = open(TicketKind.SERVICE_REQUEST, TicketChannel.PHONE, "Printer");
        UUID goldCustomer = f.person();
        gold.add(goldCustomer);
        Ticket goldTicket = f.tickets.open(OpenTicket.of(goldCustomer, TicketKind.SERVICE_REQUEST,
                TicketChannel.EMAIL, "Printer"));
        Ticket question = open(TicketKind.INFORMATION_REQUEST, TicketChannel.EMAIL, "Opening hours");
        Ticket plain = open(TicketKind.SERVICE_REQUEST, TicketChannel.EMAIL, "Printer");

        assertThat(List.of(incident, call, goldTicket, question, plain)).extracting(Ticket::priority).containsExactly(
                TicketPriority.HIGH, TicketPriority.HIGH, TicketPriority.HIGH, TicketPriority.LOW,
                TicketPriority.NORMAL);
        assertThat(lastPayload(incident.id(), "ticket.opened").get("priorityReason").asString()).isEqualTo("kind");
        assertThat(lastPayload(call.id(), "ticket.opened").get("priorityReason").asString()).isEqualTo("channel");
        assertThat(lastPayload(goldTicket.id(), "ticket.opened").get("priorityReason").asString())
                .isEqualTo("customer-tier");
        assertThat(lastPayload(question.id(), "ticket.opened").get("priorityReason").asString()).isEqualTo("kind");
        assertThat(lastPayload(plain.id(), "ticket.opened").get("priorityReason").asString()).isEqualTo("default");
    }

    @Test
    void an_incident_by_phone_is_high_for_the_kind_the_first_rule_giving_high() throws Exception {
        Ticket ticket = open(TicketKind.INCIDENT, TicketChannel.PHONE, "Printer");

        assertThat(ticket.priority()).isEqualTo(TicketPriority.HIGH);
        assertThat(lastPayload(ticket.id(), "ticket.opened").get("priorityReason").asString()).isEqualTo("kind");
    }

    @Test
    void an_explicit_priority_on_open_is_the_agents_choice_and_no_rule_is_asked() throws Exception {
        Ticket ticket = f.tickets.open(OpenTicket.of(f.person(), TicketKind.INCIDENT, TicketChannel.PHONE,
                "Outage").withPriority(TicketPriority.LOW));

        assertThat(ticket.priority()).isEqualTo(TicketPriority.LOW);
        assertThat(lastPayload(ticket.id(), "ticket.opened").get("priorityReason").asString()).isEqualTo("agent");
    }

    @Test
    void a_tenant_with_rules_of_its_own_uses_them() throws Exception {
        TicketService other = f.crm.tenant(OTHER_TENANT).service(TicketService.class);
        UUID customer = f.customer(OTHER_TENANT, PartyKind.PERSON, null);

        Ticket ticket = other.open(OpenTicket.of(customer, TicketKind.INCIDENT, TicketChannel.PHONE, "Outage"));

        assertThat(ticket.priority()).isEqualTo(TicketPriority.NORMAL);
        assertThat(lastPayload(ticket.id(), "ticket.opened").get("priorityReason").asString()).isEqualTo("default");
    }

    @Test
    void an_agent_overrides_the_priority_over_the_version_and_ticket_priority_changed_records_it() throws Exception {
        // given
        Ticket ticket = open(TicketKind.SERVICE_REQUEST, TicketChannel.EMAIL, "Printer");
        UUID agent = f.agent();
        f.clock.advance(Duration.ofMinutes(5));

        // when
        Ticket changed = f.tickets.changePriority(ticket.id(), TicketPriority.URGENT, agent, "customer-escalated");

        // then
        assertThat(changed.priority()).isEqualTo(TicketPriority.URGENT);
        assertThat(changed.version()).isEqualTo(ticket.version() + 1);
        assertThat(changed.updatedAt()).isAfter(ticket.updatedAt());
        assertThat(changed.state()).isEqualTo(ticket.state());
        assertThat(f.tickets.ticket(ticket.id())).isEqualTo(changed);
        assertThat(f.eventTypes(ticket.id())).containsExactly("ticket.opened", "ticket.priority-changed");
        JsonNode event = lastPayload(ticket.id(), "ticket.priority-changed");
        assertThat(event.get("previousPriority").asString()).isEqualTo("NORMAL");
        assertThat(event.get("priority").asString()).isEqualTo("URGENT");
        assertThat(event.get("override").asBoolean()).isTrue();
        assertThat(event.get("agentId").asString()).isEqualTo(agent.toString());
        assertThat(event.get("reasonCode").asString()).isEqualTo("customer-escalated");
        assertThat(event.get("customerId").asString()).isEqualTo(ticket.customerId().toString());
        assertThat(event.toString()).doesNotContain("Printer");
    }

    @Test
    void an_agent_may_lower_a_priority_the_rules_gave_and_the_same_priority_changes_nothing() {
        Ticket ticket = open(TicketKind.INCIDENT, TicketChannel.EMAIL, "Outage");
        UUID agent = f.agent();

        Ticket lowered = f.tickets.changePriority(ticket.id(), TicketPriority.LOW, agent, "duplicate-report");
        Ticket again = f.tickets.changePriority(ticket.id(), TicketPriority.LOW, agent, "duplicate-report");

        assertThat(lowered.priority()).isEqualTo(TicketPriority.LOW);
        assertThat(again).isEqualTo(lowered);
        assertThat(f.eventTypes(ticket.id())).containsExactly("ticket.opened", "ticket.priority-changed");
    }

    @Test
    void a_resolved_ticket_may_still_change_priority() {
        Ticket ticket = open(TicketKind.SERVICE_REQUEST, TicketChannel.EMAIL, "Printer");
        f.tickets.resolve(ticket.id());

        Ticket changed = f.tickets.changePriority(ticket.id(), TicketPriority.HIGH, f.agent(), "vip");

        assertThat(changed.priority()).isEqualTo(TicketPriority.HIGH);
    }

    @Test
    void a_closed_or_merged_ticket_refuses_an_override_and_nothing_changes() {
        UUID agent = f.agent();
        Ticket closed = open(TicketKind.SERVICE_REQUEST, TicketChannel.EMAIL, "Printer");
        f.tickets.resolve(closed.id());
        f.tickets.close(closed.id());
        UUID customer = f.person();
        Ticket duplicate = f.tickets.open(OpenTicket.of(customer, TicketKind.COMPLAINT, TicketChannel.EMAIL, "a"));
        Ticket original = f.tickets.open(OpenTicket.of(customer, TicketKind.COMPLAINT, TicketChannel.EMAIL, "b"));
        f.tickets.merge(duplicate.id(), original.id());

        for (UUID id : List.of(closed.id(), duplicate.id())) {
            TicketRecord before = f.stored(id);
            long outbox = f.outbox();
            assertThatThrownBy(() -> f.tickets.changePriority(id, TicketPriority.URGENT, agent, "vip"))
                    .isInstanceOf(IllegalTransitionException.class).hasMessageContaining("CLOSED");
            assertThat(f.stored(id)).isEqualTo(before);
            assertThat(f.outbox()).isEqualTo(outbox);
        }
    }

    @Test
    void bad_input_to_an_override_names_the_field_and_changes_nothing() {
        Ticket ticket = open(TicketKind.SERVICE_REQUEST, TicketChannel.EMAIL, "Printer");
        UUID agent = f.agent();
        TicketRecord before = f.stored(ticket.id());
        long outbox = f.outbox();

        assertThatThrownBy(() -> f.tickets.changePriority(ticket.id(), null, agent, "vip"))
                .isInstanceOf(ValidationException.class).hasMessageContaining("priority");
        assertThatThrownBy(() -> f.tickets.changePriority(ticket.id(), TicketPriority.HIGH, null, "vip"))
                .isInstanceOf(ValidationException.class).hasMessageContaining("agentId");
        assertThatThrownBy(() -> f.tickets.changePriority(ticket.id(), TicketPriority.HIGH, UUID.randomUUID(), "vip"))
                .isInstanceOf(ValidationException.class).hasMessageContaining("agentId");
        for (String code : List.of("", "Customer called", "the customer Anna Schmidt is angry", "a".repeat(51),
                "1vip")) {
            assertThatThrownBy(() -> f.tickets.changePriority(ticket.id(), TicketPriority.HIGH, agent, code)).as(code)
                    .isInstanceOf(ValidationException.class).hasMessageContaining("reasonCode");
        }
        assertThatThrownBy(() -> f.tickets.changePriority(ticket.id(), TicketPriority.HIGH, agent, null))
                .isInstanceOf(ValidationException.class).hasMessageContaining("reasonCode");
        assertThatThrownBy(() -> f.tickets.changePriority(null, TicketPriority.HIGH, agent, "vip"))
                .isInstanceOf(ValidationException.class).hasMessageContaining("ticketId");
        assertThatThrownBy(() -> f.tickets.changePriority(UUID.randomUUID(), TicketPriority.HIGH, agent, "vip"))
                .isInstanceOf(NotFoundException.class);
        assertThat(f.stored(ticket.id())).isEqualTo(before);
        assertThat(f.outbox()).isEqualTo(outbox);
        assertThat(f.tickets.changePriority(ticket.id(), TicketPriority.HIGH, agent, "a".repeat(50)).priority())
                .isEqualTo(TicketPriority.HIGH);
    }
}
