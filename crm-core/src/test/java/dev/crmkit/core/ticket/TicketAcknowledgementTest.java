package dev.crmkit.core.ticket;

import static dev.crmkit.core.ticket.TicketFixtures.TENANT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.crmkit.core.messaging.Message;
import dev.crmkit.core.messaging.MessageService;
import dev.crmkit.core.messaging.MessagingModule;
import dev.crmkit.core.module.DomainContext;
import dev.crmkit.core.module.DomainModule;
import dev.crmkit.core.module.DomainSetup;
import dev.crmkit.core.port.PublishedEvent;
import dev.crmkit.core.port.RecordingMessageChannel;
import dev.crmkit.model.IllegalTransitionException;
import dev.crmkit.model.NotFoundException;
import dev.crmkit.model.PageRequest;
import dev.crmkit.model.ValidationException;
import dev.crmkit.model.customer.ContactPointKind;
import dev.crmkit.model.message.ChannelKind;
import dev.crmkit.model.message.MessageFilter;
import dev.crmkit.model.ticket.ArticleContent;
import dev.crmkit.model.ticket.TicketChannel;
import dev.crmkit.model.ticket.TicketKind;
import dev.crmkit.model.ticket.TicketState;
import dev.crmkit.spi.customer.ContactPointRecord;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Acknowledging a new ticket by e-mail through the messaging domain, and the customer's replies on its thread. */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class TicketAcknowledgementTest {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Probe probe = new Probe();
    private final TicketFixtures f = fixtures(AcknowledgementSettings.forTenants(Set.of(TENANT)).withSuggestions(2));
    private final KnowledgeBase kb = f.crm.tenant(TENANT).service(KnowledgeBase.class);
    private final MessageService messages = f.crm.tenant(TENANT).service(MessageService.class);

    private TicketFixtures fixtures(AcknowledgementSettings settings) {
        return new TicketFixtures(TicketSettings.defaults(), EscalationSettings.none(), List.of(
                MessagingModule.builder().channel(RecordingMessageChannel.forKinds(ChannelKind.EMAIL)).build(),
                new TicketAcknowledgementModule(settings), probe));
    }

    @Test
    void a_new_ticket_is_acknowledged_once_by_email_with_its_reference_and_the_suggested_published_articles() {
        Article delivery = publish("Delivery times", "A late delivery usually arrives within two days.");
        Article tracking = publish("Tracking a parcel", "Follow your delivery with the tracking link.");
        publish("Descaling the kettle", "Citric acid removes limescale.");
        kb.draft(new ArticleContent("Late delivery draft", "Late delivery, not yet published.", List.of(), "en"));
        UUID customer = f.person();
        email(customer, "old@example.com", false);
        email(customer, "anna@example.com", true);

        Ticket ticket = f.tickets.open(OpenTicket.of(customer, TicketKind.COMPLAINT, TicketChannel.EMAIL,
                "Late delivery"));
        assertThat(messagesOf(customer)).as("sent once the opening is relayed, not in its unit").isEmpty();
        List<PublishedEvent> events = f.relayWithReactions();

        Message ack = messagesOf(customer).get(0);
        assertThat(messagesOf(customer)).hasSize(1);
        assertThat(ack.kind()).isEqualTo(ChannelKind.EMAIL);
        assertThat(ack.recipient().address()).as("the primary address").isEqualTo("anna@example.com");
        assertThat(ack.content().subject()).isEqualTo("[TKT-" + ticket.id() + "] Late delivery");
        assertThat(ack.content().body()).contains("TKT-" + ticket.id()).contains("Delivery times")
                .doesNotContain("Late delivery draft").doesNotContain("Descaling");
        assertThat(ack.origin().code()).isEqualTo(TicketAcknowledgementModule.SCOPE);
        assertThat(ack.origin().id()).isEqualTo(ticket.id());
        Acknowledged acknowledged = acknowledged(ticket.id()).get(0);
        assertThat(acknowledged.messageId()).isEqualTo(ack.id());
        assertThat(acknowledged.recipientId()).isEqualTo(customer);
        assertThat(acknowledged.articleIds()).as("at most the configured two, most relevant first")
                .hasSize(2).containsExactlyInAnyOrder(delivery.id(), tracking.id());
        PublishedEvent event = events.stream().filter(e -> e.type().equals("ticket.acknowledged")).findFirst()
                .orElseThrow();
        assertThat(event.payload()).doesNotContain("anna@example.com").doesNotContain("Late delivery")
                .doesNotContain("Delivery times");

        probe.recordAgain(ticket.id());   // the relay delivers ticket.opened a second time
        f.relayWithReactions();
        assertThat(messagesOf(customer)).as("nothing sent again").hasSize(1);
        assertThat(acknowledged(ticket.id())).hasSize(1);
    }

    @Test
    void an_organizations_ticket_is_acknowledged_to_its_contact_person() {
        UUID organization = f.organization();
        email(organization, "office@example.com", true);
        UUID person = f.contactOf(organization);
        email(person, "buyer@example.com", true);

        Ticket ticket = f.tickets.open(OpenTicket.of(organization, TicketKind.SERVICE_REQUEST,
                TicketChannel.WEB_FORM, "Invoice copy").withContactPerson(person));
        f.relayWithReactions();

        Message ack = messagesOf(organization).get(0);
        assertThat(ack.recipient().address()).isEqualTo("buyer@example.com");
        assertThat(acknowledged(ticket.id())).singleElement()
                .satisfies(a -> assertThat(a.recipientId()).isEqualTo(person))
                .satisfies(a -> assertThat(a.articleIds()).as("no article matches").isEmpty());
        assertThat(ack.content().body()).doesNotContain("These articles");
    }

    @Test
    void tickets_of_other_tenants_other_channels_or_without_an_email_address_are_not_acknowledged() {
        UUID phoning = f.person();
        email(phoning, "caller@example.com", true);
        Ticket byPhone = f.tickets.open(OpenTicket.of(phoning, TicketKind.COMPLAINT, TicketChannel.PHONE, "Noise"));
        UUID withoutAddress = f.person();
        Ticket noAddress = f.tickets.open(OpenTicket.of(withoutAddress, TicketKind.COMPLAINT, TicketChannel.EMAIL,
                "Noise"));
        UUID other = f.customer(TicketFixtures.OTHER_TENANT, dev.crmkit.model.customer.PartyKind.PERSON, null);
        email(TicketFixtures.OTHER_TENANT, other, "globex@example.com");
        TicketService globex = f.crm.tenant(TicketFixtures.OTHER_TENANT).service(TicketService.class);
        Ticket otherTenant = globex.open(OpenTicket.of(other, TicketKind.COMPLAINT, TicketChannel.EMAIL, "Noise"));

        f.relayWithReactions();

        assertThat(messagesOf(phoning)).isEmpty();
        assertThat(messagesOf(withoutAddress)).isEmpty();
        assertThat(f.crm.tenant(TicketFixtures.OTHER_TENANT).service(MessageService.class)
                .messagesOf(other, MessageFilter.everything(), PageRequest.first(10)).items()).isEmpty();
        assertThat(acknowledged(byPhone.id())).isEmpty();
        assertThat(acknowledged(noAddress.id())).isEmpty();
        assertThat(acknowledged(otherTenant.id())).isEmpty();
    }

    @Test
    void a_reply_on_the_thread_records_the_customers_reply_once_per_inbound_message() {
        Ticket ticket = f.complaint();
        f.tickets.start(ticket.id());
        f.tickets.waitOnCustomer(ticket.id());
        String subject = "Re: [" + TicketThread.reference(ticket.id()) + "] Late delivery";

        Ticket replied = f.tickets.replyReceived(subject, "<mail-1@example.com>");
        assertThat(replied.state()).isEqualTo(TicketState.OPEN);
        assertThat(replied.version()).isEqualTo(f.stored(ticket.id()).version());
        long outbox = f.outbox();

        Ticket again = f.tickets.replyReceived(subject, "<mail-1@example.com>");
        assertThat(again.version()).as("the same inbound message changes nothing").isEqualTo(replied.version());
        assertThat(f.outbox()).isEqualTo(outbox);
        f.tickets.replyReceived(subject, "<mail-2@example.com>");
        assertThat(f.eventTypes(ticket.id())).filteredOn("ticket.customer-replied"::equals).hasSize(2);
    }

    @Test
    void a_reply_on_a_resolved_or_closed_ticket_within_the_window_reopens_it() {
        Ticket resolved = f.complaint();
        f.tickets.resolve(resolved.id());
        Ticket closed = f.complaint();
        f.tickets.resolve(closed.id());
        f.tickets.close(closed.id());
        f.clock.advance(Duration.ofDays(TicketFixtures.REOPEN_DAYS));   // the window's last moment

        assertThat(f.tickets.replyReceived(TicketThread.reference(resolved.id()), "r-1").state())
                .isEqualTo(TicketState.OPEN);
        assertThat(f.tickets.replyReceived(TicketThread.reference(closed.id()), "c-1").state())
                .isEqualTo(TicketState.OPEN);
        assertThat(f.eventTypes(resolved.id())).endsWith("ticket.reopened");
        assertThat(f.eventTypes(closed.id())).endsWith("ticket.reopened");
    }

    @Test
    void a_reply_after_the_window_is_refused_and_recorded_nowhere() {
        Ticket ticket = f.complaint();
        f.tickets.resolve(ticket.id());
        f.clock.advance(Duration.ofDays(TicketFixtures.REOPEN_DAYS).plusSeconds(1));
        long version = f.stored(ticket.id()).version();
        long outbox = f.outbox();

        for (int attempt = 0; attempt < 2; attempt++) {
            assertThatThrownBy(() -> f.tickets.replyReceived(TicketThread.reference(ticket.id()), "late-1"))
                    .isInstanceOf(IllegalTransitionException.class);
        }
        assertThat(f.stored(ticket.id()).version()).isEqualTo(version);
        assertThat(f.stored(ticket.id()).state()).isEqualTo(TicketState.RESOLVED);
        assertThat(f.outbox()).isEqualTo(outbox);
    }

    @Test
    void a_reply_on_a_merged_duplicate_goes_to_the_ticket_it_was_merged_into() {
        UUID customer = f.person();
        Ticket kept = f.tickets.open(OpenTicket.of(customer, TicketKind.COMPLAINT, TicketChannel.EMAIL, "Late"));
        Ticket duplicate = f.tickets.open(OpenTicket.of(customer, TicketKind.COMPLAINT, TicketChannel.EMAIL,
                "Late again"));
        f.tickets.waitOnCustomer(kept.id());
        f.tickets.merge(duplicate.id(), kept.id());

        Ticket reached = f.tickets.replyReceived(TicketThread.reference(duplicate.id()), "m-1");

        assertThat(reached.id()).isEqualTo(kept.id());
        assertThat(reached.state()).isEqualTo(TicketState.OPEN);
        assertThat(f.stored(duplicate.id()).state()).isEqualTo(TicketState.CLOSED);
        assertThat(f.tickets.replyReceived(TicketThread.reference(duplicate.id()), "m-1").id())
                .isEqualTo(kept.id());
    }

    @Test
    void bad_replies_name_the_field_or_the_missing_ticket_and_change_nothing() {
        Ticket ticket = f.complaint();
        long outbox = f.outbox();
        String reference = TicketThread.reference(ticket.id());

        invalid("threadRef", () -> f.tickets.replyReceived("Re: your order", "m-1"));
        invalid("threadRef", () -> f.tickets.replyReceived(null, "m-1"));
        invalid("inboundMessageId", () -> f.tickets.replyReceived(reference, null));
        invalid("inboundMessageId", () -> f.tickets.replyReceived(reference, "  "));
        invalid("inboundMessageId", () -> f.tickets.replyReceived(reference, "m".repeat(101)));
        assertThatThrownBy(() -> f.tickets.replyReceived(TicketThread.reference(UUID.randomUUID()), "m-1"))
                .isInstanceOf(NotFoundException.class);
        assertThat(f.outbox()).isEqualTo(outbox);
        assertThat(f.tickets.replyReceived(reference, "m".repeat(100)).state()).isEqualTo(TicketState.NEW);
    }

    @Test
    void a_thread_reference_is_found_in_a_subject_whatever_its_case() {
        UUID id = UUID.fromString("018f0000-0000-7000-8000-000000000002");
        assertThat(TicketThread.reference(id)).isEqualTo("TKT-018f0000-0000-7000-8000-000000000002");
        assertThat(TicketThread.ticketOf("AW: Re: [tkt-018F0000-0000-7000-8000-000000000002] Late")).contains(id);
        assertThat(TicketThread.ticketOf("TKT-018f0000-0000-7000-8000")).isEmpty();
        assertThat(TicketThread.ticketOf(null)).isEmpty();
    }

    @Test
    void settings_refuse_bad_values_naming_the_field() {
        AcknowledgementSettings settings = AcknowledgementSettings.forTenants(Set.of(TENANT));
        invalid("suggestions", () -> settings.withSuggestions(-1));
        invalid("suggestions", () -> settings.withSuggestions(AcknowledgementSettings.MAX_SUGGESTIONS + 1));
        invalid("text", () -> settings.withText(null));
        invalid("channels", () -> settings.withChannels(null));
        invalid("tenantId", () -> AcknowledgementSettings.forTenants(Set.of("Not a tenant!")));
        assertThat(settings.withSuggestions(AcknowledgementSettings.MAX_SUGGESTIONS).suggestions())
                .isEqualTo(AcknowledgementSettings.MAX_SUGGESTIONS);
        assertThat(settings.acknowledges(TENANT, TicketChannel.EMAIL)).isTrue();
        assertThat(settings.acknowledges(TENANT, TicketChannel.CHAT)).isFalse();
        assertThat(settings.acknowledges(TicketFixtures.OTHER_TENANT, TicketChannel.EMAIL)).isFalse();
    }

    private static void invalid(String field, Executable call) {
        assertThatThrownBy(call::execute).isInstanceOfSatisfying(ValidationException.class,
                e -> assertThat(e.field()).isEqualTo(field));
    }

    private Article publish(String title, String body) {
        return kb.publish(kb.draft(new ArticleContent(title, body, List.of(), "en")).id());
    }

    private void email(UUID customerId, String address, boolean primary) {
        Instant now = f.clock.instant();
        f.storage.contactPoints().insert(new ContactPointRecord(TENANT, UUID.randomUUID(), 1, now, now, customerId,
                ContactPointKind.EMAIL, null, address, null, primary));
    }

    private void email(String tenantId, UUID customerId, String address) {
        Instant now = f.clock.instant();
        f.storage.contactPoints().insert(new ContactPointRecord(tenantId, UUID.randomUUID(), 1, now, now, customerId,
                ContactPointKind.EMAIL, null, address, null, true));
    }

    private List<Message> messagesOf(UUID customerId) {
        return messages.messagesOf(customerId, MessageFilter.everything(), PageRequest.first(10)).items();
    }

    /** The acknowledgements of a ticket the outbox holds, read from their payloads. */
    private List<Acknowledged> acknowledged(UUID ticketId) {
        return f.relayWithReactions().stream().filter(e -> e.type().equals("ticket.acknowledged")
                && e.aggregateId().equals(ticketId.toString())).map(e -> {
                    JsonNode json = JSON.readTree(e.payload());
                    List<UUID> articles = new ArrayList<>();
                    json.get("articleIds").forEach(a -> articles.add(UUID.fromString(a.asString())));
                    return new Acknowledged(UUID.fromString(json.get("messageId").asString()),
                            UUID.fromString(json.get("recipientId").asString()), articles);
                }).toList();
    }

    private record Acknowledged(UUID messageId, UUID recipientId, List<UUID> articleIds) {
    }

    /** A domain that records a ticket's {@code ticket.opened} again, as a relay that died before marking it would. */
    private static final class Probe implements DomainModule {
        private DomainContext context;

        @Override
        public String name() {
            return "test.probe";
        }

        @Override
        public void install(DomainSetup setup) {
            context = setup.context();
        }

        void recordAgain(UUID ticketId) {
            Ticket t = context.storage().capability(dev.crmkit.spi.ticket.TicketStorage.class).orElseThrow()
                    .tickets().get(TENANT, ticketId).map(Ticket::of).orElseThrow();
            context.storage().transactions().run(() -> context.events().record(new TicketOpened(TENANT, t.id(),
                    t.customerId(), t.contactPersonId(), t.kind(), t.channel(), t.priority(), "default",
                    t.createdAt())));
        }
    }
}
