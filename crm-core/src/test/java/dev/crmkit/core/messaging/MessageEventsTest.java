package dev.crmkit.core.messaging;

import static dev.crmkit.core.messaging.MessagingFixtures.TENANT;
import static org.assertj.core.api.Assertions.assertThat;

import dev.crmkit.core.port.PublishedEvent;
import dev.crmkit.core.port.SendOutcome;
import dev.crmkit.spi.message.ChannelKind;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The messaging events as a public contract: each payload pinned by a golden file, and no payload carrying the
 * recipient's address or name or the content, whatever happened to the message.
 */
class MessageEventsTest {
    private static final Instant AT = Instant.parse("2026-03-02T09:00:00.123456Z");
    private static final UUID MESSAGE = UUID.fromString("018f0000-0000-7000-8000-0000000000a1");
    private static final UUID CUSTOMER = UUID.fromString("018f0000-0000-7000-8000-0000000000c1");
    private static final UUID CAMPAIGN = UUID.fromString("018f0000-0000-7000-8000-0000000000ca");

    private final MessagingFixtures fixtures = new MessagingFixtures();

    private static List<MessageEvent> oneOfEach() {
        return List.of(
                new MessageQueued(TENANT, MESSAGE, CUSTOMER, ChannelKind.EMAIL, "campaign", CAMPAIGN, AT, AT),
                new MessageSent(TENANT, MESSAGE, CUSTOMER, ChannelKind.EMAIL, "campaign", CAMPAIGN, 2, AT),
                new MessageDelivered(TENANT, MESSAGE, CUSTOMER, ChannelKind.EMAIL, "campaign", CAMPAIGN,
                        AT.minusSeconds(5), AT),
                new MessageBounced(TENANT, MESSAGE, CUSTOMER, ChannelKind.SMS, null, null, "unknown-number",
                        AT.minusSeconds(5), AT),
                new MessageComplained(TENANT, MESSAGE, CUSTOMER, ChannelKind.EMAIL, "campaign", CAMPAIGN,
                        AT.minusSeconds(5), AT),
                new MessageFailed(TENANT, MESSAGE, CUSTOMER, ChannelKind.PUSH, "ticket.acknowledgement", null,
                        "invalid-token", 3, AT),
                new MessageCancelled(TENANT, MESSAGE, CUSTOMER, ChannelKind.DIRECT_MAIL, null, null, AT));
    }

    private static String golden(String type) throws IOException {
        try (InputStream in = MessageEventsTest.class.getResourceAsStream("events/" + type + ".json")) {
            assertThat(in).as("golden file events/%s.json", type).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
        }
    }

    @Test
    void every_event_is_recorded_under_its_type_with_the_payload_of_its_golden_file() throws IOException {
        // when
        fixtures.storage.transactions().run(() -> fixtures.context.events().record(oneOfEach()));
        List<PublishedEvent> published = fixtures.publishAll();

        // then
        assertThat(published).extracting(PublishedEvent::type).containsExactly("message.queued", "message.sent",
                "message.delivered", "message.bounced", "message.complained", "message.failed", "message.cancelled");
        for (PublishedEvent event : published) {
            assertThat(event.aggregateType()).isEqualTo("message");
            assertThat(event.aggregateId()).isEqualTo(MESSAGE.toString());
            assertThat(event.schemaVersion()).isEqualTo(1);
            assertThat(event.payload()).as(event.type()).isEqualTo(golden(event.type()));
            assertThat(fixtures.crm.events().decode(event)).as(event.type()).isPresent();
        }
        assertThat(fixtures.crm.events().definitions()).filteredOn(d -> d.domain().equals("messaging")).hasSize(7);
    }

    @Test
    void no_event_of_a_message_carries_its_address_name_or_content() {
        // given: messages that go through every outcome
        MessageService messages = fixtures.messages();
        UUID anna = fixtures.person("Anna Schmidt").id();
        Message mail = messages.send(SendMessage.email(anna, "anna.schmidt@example.com", "Subject-Zebra",
                "Body-Giraffe").withRecipientName("Anna Schmidt").from("campaign", CAMPAIGN));
        Message sms = messages.send(SendMessage.sms(anna, "+4915112345678", "Body-Okapi"));
        Message letter = messages.send(SendMessage.directMail(anna, "letters", "Anna Schmidt",
                "Hauptstraße 1\n10115 Berlin").withContent("Subject-Lemur", "Body-Tapir"));
        Message cancelled = messages.send(SendMessage.push(anna, "device-token-Quokka", "Title-Ibis", "Body-Koala")
                .notBefore(AT.plusSeconds(86_400)));
        fixtures.channel.answerNext(SendOutcome.accepted("ref-1"), SendOutcome.rejected("invalid-number"));
        fixtures.dispatch();
        messages.report(DeliveryReport.of(mail.id(), DeliveryOutcome.DELIVERED, AT));
        messages.report(DeliveryReport.of(mail.id(), DeliveryOutcome.COMPLAINED, AT));
        messages.report(DeliveryReport.of(letter.id(), DeliveryOutcome.BOUNCED, AT).withReason("moved-away"));
        messages.cancel(cancelled.id());

        // when
        List<PublishedEvent> published = fixtures.publishAll();

        // then
        assertThat(published).extracting(PublishedEvent::type).contains("message.queued", "message.sent",
                "message.delivered", "message.complained", "message.bounced", "message.failed", "message.cancelled");
        assertThat(sms.kind()).isEqualTo(ChannelKind.SMS);
        for (PublishedEvent event : published) {
            assertThat(event.payload()).doesNotContain("anna", "Anna", "Schmidt", "example.com", "+49", "4915112345678",
                    "Hauptstra", "Berlin", "Quokka", "Zebra", "Giraffe", "Okapi", "Lemur", "Tapir", "Ibis", "Koala",
                    "letters");
        }
    }
}
