package dev.crmkit.core.ticket;

import static dev.crmkit.core.ticket.TicketFixtures.TENANT;
import static org.assertj.core.api.Assertions.assertThat;

import dev.crmkit.core.touchpoint.Interaction;
import dev.crmkit.core.touchpoint.TouchPointService;
import dev.crmkit.core.view.CustomerView;
import dev.crmkit.core.view.CustomerViewService;
import dev.crmkit.model.PageRequest;
import dev.crmkit.model.ticket.MilestoneKind;
import dev.crmkit.model.ticket.SlaTarget;
import dev.crmkit.model.ticket.TicketChannel;
import dev.crmkit.model.ticket.TicketKind;
import dev.crmkit.model.touchpoint.Channel;
import dev.crmkit.model.touchpoint.Direction;
import dev.crmkit.model.touchpoint.Purpose;
import dev.crmkit.model.touchpoint.TimelineFilter;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class TicketTimelineTest {
    private TicketFixtures f = new TicketFixtures();
    private final TouchPointService touchPoints = f.crm.tenant(TENANT).service(TouchPointService.class);

    private void relayAll() {
        while (f.crm.relay().relayOnce().claimed() > 0) {
            // every reaction has run
        }
    }

    private List<Interaction> timeline(UUID customer) {
        return touchPoints.timeline(customer, TimelineFilter.everything(), PageRequest.first(100)).items();
    }

    @Test
    void every_event_of_a_ticket_is_a_service_touch_point_on_its_customers_timeline_and_360_degree_view() {
        // given: a tenant measured by an SLA policy, so milestones start, change and complete too
        f.tickets.saveSlaPolicy(SlaPolicy.of(List.of(SlaTarget.of(MilestoneKind.FIRST_RESPONSE, Duration.ofHours(2)))),
                0);
        UUID customer = f.person();
        UUID agent = f.agent();

        // when
        Ticket ticket = f.tickets.open(OpenTicket.of(customer, TicketKind.COMPLAINT, TicketChannel.EMAIL,
                "Anna's parcel never arrived"));
        f.clock.advance(Duration.ofMinutes(1));
        f.tickets.assign(ticket.id(), agent);
        f.clock.advance(Duration.ofMinutes(1));
        f.tickets.waitOnCustomer(ticket.id());
        f.clock.advance(Duration.ofMinutes(1));
        f.tickets.customerReplied(ticket.id());
        f.clock.advance(Duration.ofMinutes(1));
        f.tickets.respond(ticket.id(), agent);
        f.clock.advance(Duration.ofMinutes(1));
        f.tickets.resolve(ticket.id());
        relayAll();

        // then: one touch point per event, the customer's acts inbound, the rest outbound, no words of the customer
        List<Interaction> timeline = timeline(customer);
        assertThat(timeline).extracting(Interaction::outcome).containsExactlyInAnyOrder(
                "ticket.opened", "ticket.milestone-started",
                "ticket.assigned",
                "ticket.state-changed", "ticket.milestone-changed",
                "ticket.customer-replied", "ticket.milestone-changed",
                "ticket.responded", "ticket.milestone-completed",
                "ticket.state-changed");
        assertThat(timeline).allSatisfy(i -> {
            assertThat(i.channel()).isEqualTo(Channel.EMAIL);
            assertThat(i.purpose()).isEqualTo(Purpose.SERVICE);
            assertThat(i.summary()).isEqualTo("ticket " + ticket.id()).doesNotContain("Anna", "parcel");
            assertThat(i.direction()).isEqualTo(i.outcome().equals("ticket.opened")
                    || i.outcome().equals("ticket.customer-replied") ? Direction.INBOUND : Direction.OUTBOUND);
        });
        assertThat(timeline.get(0).outcome()).as("newest first").isEqualTo("ticket.state-changed");
        assertThat(timeline.get(0).occurredAt()).isEqualTo(f.clock.instant());
        CustomerView view = f.crm.tenant(TENANT).service(CustomerViewService.class).view(customer, 100);
        assertThat(view.timeline().items()).isEqualTo(timeline);
        assertThat(view.channels()).singleElement().satisfies(c -> {
            assertThat(c.channel()).isEqualTo(Channel.EMAIL);
            assertThat(c.contacts()).isEqualTo(10);
        });
    }

    @Test
    void a_tickets_routing_its_breach_and_its_escalation_are_on_the_timeline_too() {
        // given: a first response due in 2 hours, a breach step that notifies, and no agent to route to
        f = new TicketFixtures(TicketSettings.defaults(), EscalationSettings.none().withPolicy(EscalationPolicy.of(
                List.of(EscalationStep.atBreach(MilestoneKind.FIRST_RESPONSE, "notify")))));
        f.tickets.saveSlaPolicy(SlaPolicy.of(List.of(SlaTarget.of(MilestoneKind.FIRST_RESPONSE, Duration.ofHours(2)))),
                0);
        UUID customer = f.person();
        Ticket ticket = f.tickets.open(OpenTicket.of(customer, TicketKind.INCIDENT, TicketChannel.CHAT, "Down"));

        // when: routing finds nobody and queues it; the first response is not given in time
        f.crm.tenant(TENANT).service(TicketRouting.class).route(ticket.id());
        f.clock.advance(Duration.ofHours(2).plusMinutes(1));
        f.crm.scheduler().runDueWork();
        relayAll();

        // then
        List<Interaction> timeline = f.crm.tenant(TENANT).service(TouchPointService.class)
                .timeline(customer, TimelineFilter.everything(), PageRequest.first(100)).items();
        assertThat(timeline).extracting(Interaction::outcome).containsExactlyInAnyOrder("ticket.opened",
                "ticket.milestone-started", "ticket.routing-queued", "ticket.milestone-breached", "ticket.escalated",
                "ticket.escalation-notified");
        assertThat(timeline).allSatisfy(i -> {
            assertThat(i.channel()).isEqualTo(Channel.CHAT);
            assertThat(i.summary()).isEqualTo("ticket " + ticket.id());
        });
    }

    @Test
    void a_ticket_event_delivered_again_records_nothing_again() {
        // the relay delivers at least once: the same event handed to the reaction again, twice, adds no touch point
        UUID customer = f.person();
        Ticket ticket = f.tickets.open(OpenTicket.of(customer, TicketKind.SERVICE_REQUEST, TicketChannel.PORTAL,
                "Invoice copy"));
        relayAll();
        TicketOpened opened = new TicketOpened(TENANT, ticket.id(), customer, null, ticket.kind(), ticket.channel(),
                ticket.priority(), "default", ticket.createdAt());

        TicketTimeline.record(opened, f.crm.tenant(TENANT));
        TicketTimeline.record(opened, f.crm.tenant(TENANT));

        assertThat(timeline(customer)).hasSize(1).allSatisfy(i -> assertThat(i.channel()).isEqualTo(Channel.WEB));
        assertThat(TicketTimeline.key(opened)).startsWith("ticket-event:").hasSizeLessThanOrEqualTo(100);
    }

    @Test
    void the_module_reacts_to_every_ticket_event_type_and_is_registered_by_default() {
        assertThat(new TicketTimelineModule().name()).isEqualTo("ticket.timeline");
        assertThat(new TicketTimelineModule().requires()).containsExactlyInAnyOrder("ticket", "touchpoint");
        assertThat(new TicketTimelineModule().storageCapabilities()).containsExactlyInAnyOrder(
                dev.crmkit.spi.ticket.TicketStorage.class, dev.crmkit.spi.touchpoint.TouchPointStorage.class);
        assertThat(TicketEvent.class.getPermittedSubclasses()).hasSize(12);
        assertThat(EscalationEvent.class.getPermittedSubclasses()).hasSize(3);
        assertThat(RoutingEvent.class.getPermittedSubclasses()).hasSize(2);
        for (TicketChannel channel : TicketChannel.values()) {
            assertThat(TicketTimeline.channel(channel)).isNotNull();
        }
    }
}
