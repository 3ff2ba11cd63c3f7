package dev.crmkit.core.messaging;

import static dev.crmkit.core.messaging.MessagingFixtures.START;
import static dev.crmkit.core.messaging.MessagingFixtures.TENANT;
import static dev.crmkit.core.messaging.MessagingFixtures.orderConfirmation;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.crmkit.core.port.OutgoingMessage;
import dev.crmkit.core.port.PublishedEvent;
import dev.crmkit.core.port.RecordingMessageChannel;
import dev.crmkit.model.ConflictException;
import dev.crmkit.model.NotFoundException;
import dev.crmkit.model.PageRequest;
import dev.crmkit.model.ValidationException;
import dev.crmkit.model.message.ChannelKind;
import dev.crmkit.model.message.MessageContent;
import dev.crmkit.model.message.MessageFilter;
import dev.crmkit.model.message.MessageOrigin;
import dev.crmkit.model.message.MessageStatus;
import dev.crmkit.model.message.Recipient;
import dev.crmkit.spi.customer.CustomerRecord;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class MessageSendingTest {
    private final MessagingFixtures fixtures = new MessagingFixtures();
    private final MessageService messages = fixtures.messages();
    private final CustomerRecord anna = fixtures.person("Anna Schmidt");
    private final UUID campaign = UUID.fromString("018f0000-0000-7000-8000-00000000ca11");

    @Test
    void a_sent_email_is_queued_with_its_dispatch_work_and_a_queued_event() {
        // when
        Message message = messages.send(orderConfirmation(anna.id()).from("campaign", campaign));

        // then
        assertThat(message.status()).isEqualTo(MessageStatus.QUEUED);
        assertThat(message.delivery().attempts()).isZero();
        assertThat(message.customerId()).isEqualTo(anna.id());
        assertThat(message.recipient()).isEqualTo(new Recipient("anna.schmidt@example.com", null));
        assertThat(message.content()).isEqualTo(new MessageContent("Your order 4711",
                "Dear Anna, your order ships today."));
        assertThat(message.notBefore()).isEqualTo(START);
        assertThat(messages.message(message.id())).isEqualTo(message);
        assertThat(fixtures.dispatchWork(message.id())).hasValueSatisfying(w -> assertThat(w.dueAt()).isEqualTo(START));
        assertThat(fixtures.channel.handedOver()).isEmpty();
        PublishedEvent queued = fixtures.publishAll().get(0);
        assertThat(queued.type()).isEqualTo("message.queued");
        assertThat(queued.aggregateType()).isEqualTo("message");
        assertThat(queued.aggregateId()).isEqualTo(message.id().toString());
        assertThat(queued.payload()).contains(message.id().toString(), anna.id().toString(), "\"kind\":\"EMAIL\"",
                "\"origin\":\"campaign\"", campaign.toString());
    }

    @Test
    void the_dispatch_hands_the_message_to_its_channel_once_and_records_it_sent() {
        // given
        Message message = messages.send(orderConfirmation(anna.id()).from("campaign", campaign));

        // when
        fixtures.dispatch();

        // then
        assertThat(fixtures.channel.handedOver()).singleElement().isEqualTo(new OutgoingMessage(message.id(), TENANT,
                anna.id(), ChannelKind.EMAIL, null, message.recipient(), message.content(),
                new MessageOrigin("campaign", campaign), 1));
        Message sent = messages.message(message.id());
        assertThat(sent.status()).isEqualTo(MessageStatus.SENT);
        assertThat(sent.delivery().providerReference()).isEqualTo("rec-" + message.id());
        assertThat(sent.delivery().sentAt()).isEqualTo(START);
        assertThat(sent.delivery().attempts()).isEqualTo(1);
        assertThat(sent.version()).isEqualTo(3);
        assertThat(fixtures.dispatchWork(message.id())).isEmpty();
        assertThat(fixtures.publishedTypes()).containsExactly("message.queued", "message.sent");
        assertThat(fixtures.publishAll().get(1).payload()).contains("\"attempt\":1");

        // and a later run hands nothing over again
        fixtures.clock.advance(Duration.ofHours(1));
        fixtures.dispatch();
        assertThat(fixtures.channel.handedOver()).hasSize(1);
    }

    @Test
    void a_message_waits_for_its_not_before_time() {
        // given
        Instant tomorrow = START.plus(Duration.ofDays(1));
        Message message = messages.send(orderConfirmation(anna.id()).notBefore(tomorrow));

        // when: the scheduler runs before and after that time
        fixtures.dispatch();
        List<OutgoingMessage> before = fixtures.channel.handedOver();
        fixtures.clock.advance(Duration.ofDays(1));
        fixtures.dispatch();

        // then
        assertThat(before).isEmpty();
        assertThat(message.notBefore()).isEqualTo(tomorrow);
        assertThat(fixtures.channel.handedOver()).hasSize(1);
        assertThat(messages.message(message.id()).delivery().sentAt()).isEqualTo(tomorrow);
    }

    @Test
    void a_retried_send_with_the_same_key_returns_the_first_message_and_queues_nothing() {
        // given
        Message first = messages.send(orderConfirmation(anna.id()).withIdempotencyKey("order-4711-confirmation"));
        fixtures.clock.advance(Duration.ofSeconds(5));

        // when
        Message retry = messages.send(orderConfirmation(anna.id()).withIdempotencyKey("order-4711-confirmation"));

        // then
        assertThat(retry).isEqualTo(first);
        assertThat(messages.messagesOf(anna.id(), MessageFilter.everything(), PageRequest.first(10)).items())
                .containsExactly(first);
        assertThat(fixtures.publishedTypes()).containsExactly("message.queued");
    }

    @Test
    void the_same_key_with_other_content_is_a_conflict_and_stores_nothing() {
        messages.send(orderConfirmation(anna.id()).withIdempotencyKey("k-1"));

        assertThatThrownBy(() -> messages.send(orderConfirmation(anna.id()).withContent("Other", "Other text")
                .withIdempotencyKey("k-1"))).isInstanceOf(ConflictException.class)
                .hasMessageNotContaining("anna").hasMessageNotContaining("Other");
        assertThatThrownBy(() -> messages.send(orderConfirmation(fixtures.person("Bob").id())
                .withIdempotencyKey("k-1"))).isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> messages.send(orderConfirmation(anna.id()).notBefore(START.plusSeconds(60))
                .withIdempotencyKey("k-1"))).isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> messages.send(orderConfirmation(anna.id()).from("campaign", campaign)
                .withIdempotencyKey("k-1"))).isInstanceOf(ConflictException.class);
        assertThat(messages.messagesOf(anna.id(), MessageFilter.everything(), PageRequest.first(10)).items())
                .hasSize(1);
    }

    @Test
    void a_merged_customer_id_sends_to_the_survivor_and_an_unknown_one_is_not_found() {
        CustomerRecord merged = fixtures.mergedInto(anna);

        Message message = messages.send(orderConfirmation(merged.id()));

        assertThat(message.customerId()).isEqualTo(anna.id());
        assertThat(messages.messagesOf(merged.id(), MessageFilter.everything(), PageRequest.first(10)).items())
                .containsExactly(message);
        assertThatThrownBy(() -> messages.send(orderConfirmation(UUID.randomUUID())))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> messages.messagesOf(UUID.randomUUID(), MessageFilter.everything(),
                PageRequest.first(10))).isInstanceOf(NotFoundException.class);
    }

    @Test
    void a_kind_no_channel_serves_is_refused_at_send() {
        MessagingFixtures pushOnly = new MessagingFixtures(b -> MessagingModule.builder()
                .channel(RecordingMessageChannel.forKinds(ChannelKind.PUSH)));

        assertThatThrownBy(() -> pushOnly.messages().send(orderConfirmation(pushOnly.person("Eve").id())))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("kind"));
        assertThat(pushOnly.storage.outbox().countUndelivered()).isZero();
    }

    @Test
    void send_all_queues_a_batch_in_one_transaction_and_answers_known_keys_with_their_messages() {
        // given
        CustomerRecord bob = fixtures.person("Bob");
        Message earlier = messages.send(orderConfirmation(anna.id()).withIdempotencyKey("batch-1"));
        List<SendMessage> batch = List.of(
                orderConfirmation(anna.id()).withIdempotencyKey("batch-1"),
                SendMessage.sms(bob.id(), "+4915112345678", "Your parcel is on its way").withIdempotencyKey("batch-2"),
                SendMessage.push(bob.id(), "fcm:token-1", "Sale", "20% off today"),
                SendMessage.sms(bob.id(), "+4915112345678", "Your parcel is on its way").withIdempotencyKey("batch-2"));

        // when
        List<Message> sent = messages.sendAll(batch);

        // then
        assertThat(sent).hasSize(4);
        assertThat(sent.get(0)).isEqualTo(earlier);
        assertThat(sent.get(3)).isEqualTo(sent.get(1));
        assertThat(sent.get(2).kind()).isEqualTo(ChannelKind.PUSH);
        assertThat(fixtures.publishedTypes()).containsExactly("message.queued", "message.queued", "message.queued");
        fixtures.dispatch();
        assertThat(fixtures.channel.sent()).containsExactlyInAnyOrder(earlier.id(), sent.get(1).id(),
                sent.get(2).id());
        assertThat(messages.sendAll(List.of())).isEmpty();
    }

    @Test
    void a_batch_with_one_bad_command_queues_nothing_and_names_the_command() {
        CustomerRecord bob = fixtures.person("Bob");
        List<SendMessage> unknownCustomer = List.of(orderConfirmation(bob.id()), orderConfirmation(UUID.randomUUID()));
        List<SendMessage> conflicting = List.of(orderConfirmation(bob.id()).withIdempotencyKey("x"),
                orderConfirmation(anna.id()).withIdempotencyKey("x"));
        List<SendMessage> tooMany = new ArrayList<>();
        for (int i = 0; i <= MessageService.MAX_BATCH; i++) {
            tooMany.add(orderConfirmation(bob.id()));
        }

        assertThatThrownBy(() -> messages.sendAll(unknownCustomer)).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> messages.sendAll(conflicting)).isInstanceOf(ConflictException.class)
                .hasMessageContaining("commands[1]");
        assertThatThrownBy(() -> messages.sendAll(tooMany)).isInstanceOfSatisfying(ValidationException.class,
                e -> assertThat(e.field()).isEqualTo("commands"));
        assertThat(messages.messagesOf(bob.id(), MessageFilter.everything(), PageRequest.first(10)).items()).isEmpty();
        assertThat(fixtures.storage.outbox().countUndelivered()).isZero();
    }

    @Test
    void a_batch_names_the_command_whose_kind_no_channel_serves() {
        MessagingFixtures pushOnly = new MessagingFixtures(b -> MessagingModule.builder()
                .channel(RecordingMessageChannel.forKinds(ChannelKind.PUSH)));
        UUID eve = pushOnly.person("Eve").id();

        assertThatThrownBy(() -> pushOnly.messages().sendAll(List.of(SendMessage.push(eve, "t", null, "b"),
                orderConfirmation(eve)))).isInstanceOfSatisfying(ValidationException.class,
                        e -> assertThat(e.field()).isEqualTo("commands[1].kind"));
    }

    @Test
    void a_customers_messages_are_listed_newest_first_and_filtered() {
        Message mail = messages.send(orderConfirmation(anna.id()));
        fixtures.clock.advance(Duration.ofSeconds(1));
        Message sms = messages.send(SendMessage.sms(anna.id(), "+4915112345678", "Hi"));
        fixtures.clock.advance(Duration.ofSeconds(1));
        Message push = messages.send(SendMessage.push(anna.id(), "apns:abc", null, "Hello"));

        assertThat(messages.messagesOf(anna.id(), MessageFilter.everything(), PageRequest.first(10)).items())
                .containsExactly(push, sms, mail);
        assertThat(messages.messagesOf(anna.id(), MessageFilter.of(ChannelKind.SMS, MessageStatus.QUEUED),
                PageRequest.first(10)).items()).containsExactly(sms);
        var first = messages.messagesOf(anna.id(), MessageFilter.everything(), PageRequest.first(2));
        assertThat(first.items()).containsExactly(push, sms);
        assertThat(messages.messagesOf(anna.id(), MessageFilter.everything(),
                PageRequest.first(2).next(first.next().orElseThrow())).items()).containsExactly(mail);
    }

    @Test
    void call_list_entries_go_on_their_list_through_the_built_in_list_channel() {
        // given
        CustomerRecord bob = fixtures.person("Bob");
        Message call = messages.send(SendMessage.callList(anna.id(), "spring-reactivation", "+4930123456")
                .withRecipientName("Anna Schmidt").withContent("Reactivation", "Ask about the spring range"));
        Message letter = messages.send(SendMessage.directMail(bob.id(), "spring-letters", "Bob Brown",
                "Hauptstraße 1\n10115 Berlin\nGermany").withContent("LETTER-A", null));
        assertThat(messages.listEntries(ChannelKind.CALL_LIST, "spring-reactivation", PageRequest.first(10)).items())
                .isEmpty();

        // when
        fixtures.dispatch();

        // then
        assertThat(fixtures.channel.handedOver()).isEmpty();
        assertThat(messages.listEntries(ChannelKind.CALL_LIST, "spring-reactivation", PageRequest.first(10)).items())
                .extracting(Message::id).containsExactly(call.id());
        assertThat(messages.listEntries(ChannelKind.DIRECT_MAIL, "spring-letters", PageRequest.first(10)).items())
                .singleElement().satisfies(m -> {
                    assertThat(m.id()).isEqualTo(letter.id());
                    assertThat(m.status()).isEqualTo(MessageStatus.SENT);
                    assertThat(m.delivery().providerReference()).isNull();
                });
        assertThatThrownBy(() -> messages.listEntries(ChannelKind.EMAIL, "spring-letters", PageRequest.first(10)))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("kind"));
    }

    @Test
    void a_host_channel_for_a_list_kind_replaces_the_built_in_list_channel() {
        RecordingMessageChannel dialer = RecordingMessageChannel
                .forKinds(ChannelKind.CALL_LIST);
        MessagingFixtures withDialer = new MessagingFixtures(b -> b.channel(dialer));
        UUID eve = withDialer.person("Eve").id();

        Message call = withDialer.messages().send(SendMessage.callList(eve, "calls", "+4930123456"));
        withDialer.dispatch();

        assertThat(dialer.sent()).containsExactly(call.id());
        assertThat(withDialer.messages().message(call.id()).delivery().providerReference()).isEqualTo("rec-" + call.id());
    }
}
