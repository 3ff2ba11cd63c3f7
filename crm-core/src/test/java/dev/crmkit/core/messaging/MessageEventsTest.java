package dev.crmkit.core.messaging;

import static dev.crmkit.core.messaging.MessagingFixtures.TENANT;
import static org.assertj.core.api.Assertions.assertThat;

import dev.crmkit.core.port.PublishedEvent;
import dev.crmkit.core.port.SendOutcome;
import dev.crmkit.model.message.ChannelKind;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The messaging events: registered on the message aggregate (their payloads are pinned with every other event's by
 * {@code EventContractTest}), and no payload carrying the recipient's address or name or the content, whatever
 * happened to the message.
 */
class MessageEventsTest {
    private static final Instant AT = Instant.parse("2026-03-02T09:00:00.123456Z");
    private static final UUID MESSAGE = UUID.fromString("018f0000-0000-7000-8000-0000000000a1");
    private static final UUID CUSTOMER = UUID.fromString("018f0000-0000-7000-8000-0000000000c1");
    private static final UUID CAMPAIGN = UUID.fromString("018f0000-0000-7000-8000-0000000000ca");

    private final MessagingFixtures fixtures = new MessagingFixtures();

    @Test
    void the_messaging_domain_registers_its_seven_events_on_the_message_aggregate() {
        assertThat(fixtures.crm.events().definitions()).filteredOn(d -> d.domain().equals("messaging"))
                .extracting(d -> d.type()).containsExactlyInAnyOrder("message.queued", "message.sent",
                        "message.delivered", "message.bounced", "message.complained", "message.failed",
                        "message.cancelled");
        MessageEvent event = new MessageCancelled(TENANT, MESSAGE, CUSTOMER, ChannelKind.EMAIL, null, null, AT);
        assertThat(event.aggregateType()).isEqualTo("message");
        assertThat(event.aggregateId()).isEqualTo(MESSAGE.toString());
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
