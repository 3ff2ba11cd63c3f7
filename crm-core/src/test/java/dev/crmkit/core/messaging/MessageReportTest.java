package dev.crmkit.core.messaging;

import static dev.crmkit.core.messaging.MessagingFixtures.POLICY;
import static dev.crmkit.core.messaging.MessagingFixtures.START;
import static dev.crmkit.core.messaging.MessagingFixtures.orderConfirmation;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.crmkit.core.port.SendOutcome;
import dev.crmkit.model.IllegalTransitionException;
import dev.crmkit.model.NotFoundException;
import dev.crmkit.model.message.ChannelKind;
import dev.crmkit.model.message.MessageStatus;
import dev.crmkit.spi.customer.CustomerRecord;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What the providers report back: delivered, bounced, complained, failed; each once, in a legal order. */
class MessageReportTest {
    private final MessagingFixtures fixtures = new MessagingFixtures();
    private final MessageService messages = fixtures.messages();
    private final CustomerRecord anna = fixtures.person("Anna Schmidt");
    private final Instant providerTime = START.plusSeconds(40);

    private Message sentMessage() {
        Message message = messages.send(orderConfirmation(anna.id()));
        fixtures.dispatch();
        return messages.message(message.id());
    }

    @Test
    void a_delivery_and_a_later_complaint_are_each_recorded_once() {
        // given
        Message sent = sentMessage();
        fixtures.clock.advance(Duration.ofMinutes(1));

        // when: the provider reports delivery twice (webhooks repeat), then a complaint
        Message delivered = messages.report(DeliveryReport.of(sent.id(), DeliveryOutcome.DELIVERED, providerTime));
        Message again = messages.report(DeliveryReport.of(sent.id(), DeliveryOutcome.DELIVERED, providerTime));
        Message complained = messages.report(DeliveryReport.of(sent.id(), DeliveryOutcome.COMPLAINED,
                providerTime.plusSeconds(3600)).withReason("abuse"));

        // then
        assertThat(delivered.status()).isEqualTo(MessageStatus.DELIVERED);
        assertThat(delivered.delivery().outcomeAt()).isEqualTo(providerTime);
        assertThat(again).isEqualTo(delivered);
        assertThat(complained.status()).isEqualTo(MessageStatus.COMPLAINED);
        assertThat(complained.delivery().failureReason()).isEqualTo("abuse");
        assertThat(complained.delivery().sentAt()).isEqualTo(START);
        assertThat(fixtures.publishedTypes()).containsExactly("message.queued", "message.sent", "message.delivered",
                "message.complained");
        assertThat(fixtures.publishAll().get(2).payload()).contains("\"deliveredAt\":\"2026-03-02T09:00:40Z\"");
    }

    @Test
    void a_report_by_the_providers_reference_finds_the_message_of_that_kind() {
        Message sent = sentMessage();

        Message bounced = messages.report(DeliveryReport.byProviderReference(ChannelKind.EMAIL,
                sent.delivery().providerReference(), DeliveryOutcome.BOUNCED, providerTime).withReason("mailbox-full"));

        assertThat(bounced.id()).isEqualTo(sent.id());
        assertThat(bounced.status()).isEqualTo(MessageStatus.BOUNCED);
        assertThat(fixtures.publishAll().get(2).payload()).contains("\"reasonCode\":\"mailbox-full\"");
        assertThatThrownBy(() -> messages.report(DeliveryReport.byProviderReference(ChannelKind.SMS,
                sent.delivery().providerReference(), DeliveryOutcome.DELIVERED, providerTime)))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> messages.report(DeliveryReport.of(java.util.UUID.randomUUID(),
                DeliveryOutcome.DELIVERED, providerTime))).isInstanceOf(NotFoundException.class);
    }

    @Test
    void a_report_that_does_not_fit_the_life_names_both_states_and_changes_nothing() {
        // given: a bounced message and a message never handed over
        Message sent = sentMessage();
        messages.report(DeliveryReport.of(sent.id(), DeliveryOutcome.BOUNCED, providerTime));
        Message bounced = messages.message(sent.id());
        fixtures.channel.answerNext(SendOutcome.rejected("blocked"));
        Message never = messages.send(orderConfirmation(anna.id()).notBefore(START.plus(Duration.ofDays(1))));
        long events = fixtures.storage.outbox().countUndelivered();

        // then
        assertThatThrownBy(() -> messages.report(DeliveryReport.of(sent.id(), DeliveryOutcome.DELIVERED, providerTime)))
                .isInstanceOfSatisfying(IllegalTransitionException.class, e -> {
                    assertThat(e.from()).isEqualTo("BOUNCED");
                    assertThat(e.to()).isEqualTo("DELIVERED");
                });
        assertThatThrownBy(() -> messages.report(DeliveryReport.of(never.id(), DeliveryOutcome.DELIVERED,
                providerTime))).isInstanceOfSatisfying(IllegalTransitionException.class, e -> {
                    assertThat(e.from()).isEqualTo("QUEUED");
                    assertThat(e.to()).isEqualTo("DELIVERED");
                });
        assertThat(messages.message(sent.id())).isEqualTo(bounced);
        assertThat(messages.message(never.id()).status()).isEqualTo(MessageStatus.QUEUED);
        assertThat(fixtures.storage.outbox().countUndelivered()).isEqualTo(events);
    }

    @Test
    void a_report_that_overtakes_the_recording_of_the_send_records_the_send_first_and_the_attempts_outcome_is_dropped() {
        // given: the provider's webhook arrives while the channel call has not returned yet
        List<Message> duringTheCall = new ArrayList<>();
        fixtures.channel.answering(m -> {
            duringTheCall.add(messages.report(DeliveryReport.of(m.messageId(), DeliveryOutcome.DELIVERED,
                    providerTime)));
            return SendOutcome.accepted("late-ref");
        });
        Message message = messages.send(orderConfirmation(anna.id()));

        // when
        fixtures.dispatch();

        // then
        assertThat(duringTheCall).singleElement().satisfies(m -> assertThat(m.status())
                .isEqualTo(MessageStatus.DELIVERED));
        Message delivered = messages.message(message.id());
        assertThat(delivered.status()).isEqualTo(MessageStatus.DELIVERED);
        assertThat(delivered.delivery().sentAt()).isEqualTo(providerTime);
        assertThat(delivered.delivery().attempts()).isEqualTo(1);
        assertThat(fixtures.dispatchWork(message.id())).isEmpty();
        assertThat(fixtures.publishedTypes()).containsExactly("message.queued", "message.sent", "message.delivered");
    }

    @Test
    void a_report_on_a_message_waiting_for_a_retry_records_the_send_and_calls_the_retry_off() {
        // given: the channel timed out, but the provider had taken the message
        fixtures.channel.answerNext(SendOutcome.failedTemporarily("timeout"));
        Message message = messages.send(orderConfirmation(anna.id()));
        fixtures.dispatch();
        assertThat(fixtures.dispatchWork(message.id())).isPresent();

        // when
        Message failed = messages.report(DeliveryReport.of(message.id(), DeliveryOutcome.FAILED, providerTime)
                .withReason("carrier-rejected"));
        assertThat(fixtures.dispatchWork(message.id())).as("the retry is called off").isEmpty();
        fixtures.clock.advance(POLICY.maxRetry());
        fixtures.dispatch();

        // then
        assertThat(failed.status()).isEqualTo(MessageStatus.FAILED);
        assertThat(failed.delivery().failureReason()).isEqualTo("carrier-rejected");
        assertThat(fixtures.dispatchWork(message.id())).isEmpty();
        assertThat(fixtures.channel.handedOver()).hasSize(1);
        assertThat(fixtures.publishedTypes()).containsExactly("message.queued", "message.sent", "message.failed");
    }
}
