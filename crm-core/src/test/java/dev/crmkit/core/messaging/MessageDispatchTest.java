package dev.crmkit.core.messaging;

import static dev.crmkit.core.messaging.MessagingFixtures.LEASE;
import static dev.crmkit.core.messaging.MessagingFixtures.POLICY;
import static dev.crmkit.core.messaging.MessagingFixtures.START;
import static dev.crmkit.core.messaging.MessagingFixtures.TENANT;
import static dev.crmkit.core.messaging.MessagingFixtures.orderConfirmation;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.crmkit.core.Crm;
import dev.crmkit.core.port.MessageChannel;
import dev.crmkit.core.port.OutgoingMessage;
import dev.crmkit.core.port.RecordingMessageChannel;
import dev.crmkit.core.port.SendOutcome;
import dev.crmkit.model.message.ChannelKind;
import dev.crmkit.model.message.MessageStatus;
import dev.crmkit.spi.customer.CustomerRecord;
import java.time.Duration;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** How a message's attempts end: accepted, retried, refused, given up, and what happens when a node stops midway. */
class MessageDispatchTest {
    private final MessagingFixtures fixtures = new MessagingFixtures();
    private final MessageService messages = fixtures.messages();
    private final CustomerRecord anna = fixtures.person("Anna Schmidt");

    @Test
    void a_failure_that_may_pass_is_retried_after_the_backoff_under_the_same_message_id() {
        // given: the provider times out once
        fixtures.channel.answerNext(SendOutcome.failedTemporarily("timeout"));
        Message message = messages.send(orderConfirmation(anna.id()));

        // when: the first attempt fails
        fixtures.dispatch();

        // then: queued again, due after the first retry wait, not failed
        Message waiting = messages.message(message.id());
        assertThat(waiting.status()).isEqualTo(MessageStatus.QUEUED);
        assertThat(waiting.delivery().attempts()).isEqualTo(1);
        assertThat(waiting.delivery().failureReason()).isEqualTo("timeout");
        assertThat(fixtures.dispatchWork(message.id())).hasValueSatisfying(w -> {
            assertThat(w.dueAt()).isEqualTo(START.plus(POLICY.firstRetry()));
            assertThat(w.claimedBy()).isNull();
        });

        // when: the scheduler runs just before and at the retry time
        fixtures.clock.advance(POLICY.firstRetry().minusSeconds(1));
        fixtures.dispatch();
        int beforeRetry = fixtures.channel.handedOver().size();
        fixtures.clock.advance(Duration.ofSeconds(1));
        fixtures.dispatch();

        // then: the second attempt carries the same id and goes through
        assertThat(beforeRetry).isEqualTo(1);
        assertThat(fixtures.channel.handedOver()).extracting(OutgoingMessage::messageId, OutgoingMessage::attempt)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(message.id(), 1),
                        org.assertj.core.groups.Tuple.tuple(message.id(), 2));
        Message sent = messages.message(message.id());
        assertThat(sent.status()).isEqualTo(MessageStatus.SENT);
        assertThat(sent.delivery().failureReason()).isNull();
        assertThat(fixtures.publishedTypes()).containsExactly("message.queued", "message.sent");
    }

    @Test
    void the_wait_doubles_with_every_attempt_and_a_providers_retry_after_wins_when_longer() {
        MessagingFixtures patient = new MessagingFixtures(b -> b.dispatchPolicy(POLICY.withMaxAttempts(5)));
        patient.channel.answerNext(SendOutcome.failedTemporarily("timeout"), SendOutcome.failedTemporarily("timeout"),
                SendOutcome.failedTemporarily("throttled", Duration.ofMinutes(30)),
                SendOutcome.failedTemporarily("throttled", Duration.ofSeconds(1)));
        UUID id = patient.messages().send(orderConfirmation(patient.person("Eve").id())).id();

        patient.dispatch();
        assertThat(patient.dispatchWork(id).orElseThrow().dueAt()).isEqualTo(START.plus(Duration.ofMinutes(1)));
        patient.clock.advance(Duration.ofMinutes(1));
        patient.dispatch();
        assertThat(patient.dispatchWork(id).orElseThrow().dueAt()).isEqualTo(START.plus(Duration.ofMinutes(3)));
        patient.clock.advance(Duration.ofMinutes(2));
        patient.dispatch();
        assertThat(patient.dispatchWork(id).orElseThrow().dueAt()).isEqualTo(START.plus(Duration.ofMinutes(33)));
        patient.clock.advance(Duration.ofMinutes(30));
        patient.dispatch();
        assertThat(patient.dispatchWork(id).orElseThrow().dueAt()).isEqualTo(START.plus(Duration.ofMinutes(41)));
    }

    @Test
    void a_refusal_fails_the_message_at_once_with_its_reason() {
        fixtures.channel.answerNext(SendOutcome.rejected("invalid-address"));
        Message message = messages.send(orderConfirmation(anna.id()));

        fixtures.dispatch();
        fixtures.clock.advance(Duration.ofHours(2));
        fixtures.dispatch();

        Message failed = messages.message(message.id());
        assertThat(failed.status()).isEqualTo(MessageStatus.FAILED);
        assertThat(failed.delivery().failureReason()).isEqualTo("invalid-address");
        assertThat(failed.delivery().outcomeAt()).isEqualTo(START);
        assertThat(fixtures.channel.handedOver()).hasSize(1);
        assertThat(fixtures.dispatchWork(message.id())).isEmpty();
        assertThat(fixtures.publishedTypes()).containsExactly("message.queued", "message.failed");
        assertThat(fixtures.publishAll().get(1).payload()).contains("\"reasonCode\":\"invalid-address\"",
                "\"attempts\":1");
    }

    @Test
    void after_the_last_attempt_the_message_fails_for_good() {
        fixtures.channel.answering(m -> SendOutcome.failedTemporarily("provider-down"));
        Message message = messages.send(orderConfirmation(anna.id()));

        for (int i = 0; i < 10; i++) {
            fixtures.dispatch();
            fixtures.clock.advance(POLICY.maxRetry());
        }

        Message failed = messages.message(message.id());
        assertThat(failed.status()).isEqualTo(MessageStatus.FAILED);
        assertThat(failed.delivery().attempts()).isEqualTo(POLICY.maxAttempts());
        assertThat(fixtures.channel.calls(message.id())).isEqualTo(POLICY.maxAttempts());
        assertThat(fixtures.publishedTypes()).containsExactly("message.queued", "message.failed");
    }

    @Test
    void a_channel_that_throws_or_answers_nothing_counts_as_a_failure_that_may_pass() {
        MessageChannel throwing = new MessageChannel() {
            private int calls;

            @Override
            public Set<ChannelKind> kinds() {
                return Set.of(ChannelKind.EMAIL);
            }

            @Override
            public SendOutcome send(OutgoingMessage message) {
                calls++;
                if (calls == 1) {
                    throw new IllegalStateException("connection refused to smtp for " + message.recipient());
                }
                return calls == 2 ? null : SendOutcome.accepted("smtp-1");
            }
        };
        MessagingFixtures flaky = new MessagingFixtures(b -> MessagingModule.builder().channel(throwing)
                .dispatchPolicy(POLICY));
        UUID id = flaky.messages().send(orderConfirmation(flaky.person("Eve").id())).id();

        flaky.dispatch();
        assertThat(flaky.messages().message(id).delivery().failureReason()).isEqualTo("channel-error");
        flaky.clock.advance(Duration.ofMinutes(1));
        flaky.dispatch();
        assertThat(flaky.messages().message(id).delivery().failureReason()).isEqualTo("channel-no-answer");
        flaky.clock.advance(Duration.ofMinutes(2));
        flaky.dispatch();

        assertThat(flaky.messages().message(id).status()).isEqualTo(MessageStatus.SENT);
        assertThat(flaky.messages().message(id).delivery().providerReference()).isEqualTo("smtp-1");
    }

    @Test
    void a_node_without_a_channel_for_the_kind_leaves_the_message_waiting_for_one_that_has() {
        // given: node B serves push only, and picks up the e-mail first
        Message message = messages.send(orderConfirmation(anna.id()));
        Crm pushOnly = fixtures.node("node-b", MessagingModule.builder()
                .channel(RecordingMessageChannel.forKinds(ChannelKind.PUSH)).dispatchPolicy(POLICY)).build();

        // when
        MessagingFixtures.dispatch(pushOnly);

        // then: still queued, looked at again after the first retry wait, no attempt counted
        assertThat(messages.message(message.id()).status()).isEqualTo(MessageStatus.QUEUED);
        assertThat(messages.message(message.id()).delivery().attempts()).isZero();
        assertThat(fixtures.dispatchWork(message.id()).orElseThrow().dueAt())
                .isEqualTo(START.plus(POLICY.firstRetry()));

        // and node A, which has the channel, sends it when it falls due
        fixtures.clock.advance(POLICY.firstRetry());
        fixtures.dispatch();
        assertThat(messages.message(message.id()).status()).isEqualTo(MessageStatus.SENT);
    }

    @Test
    void a_queued_message_whose_data_was_erased_is_cancelled_instead_of_sent() {
        Message message = messages.send(orderConfirmation(anna.id()));
        fixtures.store().erase(TENANT, anna.id(), START);

        fixtures.dispatch();

        assertThat(fixtures.channel.handedOver()).isEmpty();
        assertThat(messages.message(message.id()).status()).isEqualTo(MessageStatus.CANCELLED);
        assertThat(messages.message(message.id()).recipient()).isNull();
        assertThat(fixtures.publishedTypes()).containsExactly("message.queued", "message.cancelled");
    }

    @Test
    void due_work_whose_key_is_no_message_id_is_dropped() {
        fixtures.storage.dueWork().schedule(dev.crmkit.spi.scheduling.DueWorkRecord.of(TENANT, UUID.randomUUID(),
                MessageService.DISPATCH, "not-a-message", START, null));
        fixtures.storage.dueWork().schedule(dev.crmkit.spi.scheduling.DueWorkRecord.of(TENANT, UUID.randomUUID(),
                MessageService.DISPATCH, UUID.randomUUID().toString(), START, null));

        assertThat(fixtures.dispatch()).isEqualTo(2);
        assertThat(fixtures.storage.dueWork().find(TENANT, MessageService.DISPATCH, "not-a-message")).isEmpty();
        assertThat(fixtures.channel.handedOver()).isEmpty();
    }

    @Test
    void the_dispatch_handler_runs_outside_any_unit() {
        assertThat(new MessageDispatcher(fixtures.context, Channels.of(java.util.List.of()), java.util.Map.of(),
                POLICY).runsInUnit()).isFalse();
        assertThat(LEASE).isLessThan(Duration.ofMinutes(2));
        assertThatThrownBy(() -> Channels.of(java.util.List.of(fixtures.channel, fixtures.channel)))
                .isInstanceOf(dev.crmkit.model.ValidationException.class);
    }
}
