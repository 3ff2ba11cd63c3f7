package dev.crmkit.core.messaging;

import static dev.crmkit.core.messaging.MessagingFixtures.START;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.crmkit.core.messaging.MessageLifecycle.Change;
import dev.crmkit.model.IllegalTransitionException;
import dev.crmkit.model.message.ChannelKind;
import dev.crmkit.model.message.MessageContent;
import dev.crmkit.model.message.MessageDelivery;
import dev.crmkit.model.message.MessageStatus;
import dev.crmkit.model.message.Recipient;
import dev.crmkit.spi.message.MessageRecord;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Each change of {@link MessageLifecycle} on its own: what it makes of a message, and what it refuses. */
class MessageLifecycleTest {
    private static final Instant NOW = START.plusSeconds(10);

    private static MessageRecord in(MessageStatus status, int attempts, Instant sendingUntil) {
        return new MessageRecord("acme", UUID.randomUUID(), 4, START, START, UUID.randomUUID(), ChannelKind.EMAIL, null,
                new Recipient("a@b.c", null), new MessageContent("s", "b"), null, null, START,
                new MessageDelivery(status, attempts, sendingUntil, "ref-0", "timeout", null, null));
    }

    private static void refused(Runnable change, MessageStatus from, String to) {
        assertThatThrownBy(change::run).isInstanceOfSatisfying(IllegalTransitionException.class, e -> {
            assertThat(e.from()).startsWith(from.name());
            assertThat(e.to()).isEqualTo(to);
        });
    }

    @Test
    void an_attempt_starts_from_a_queued_message_or_a_lost_attempt_and_nowhere_else() {
        Change first = MessageLifecycle.startAttempt(in(MessageStatus.QUEUED, 0, null), NOW, NOW.plusSeconds(30));
        assertThat(first.message().delivery()).isEqualTo(new MessageDelivery(MessageStatus.SENDING, 1,
                NOW.plusSeconds(30), "ref-0", "timeout", null, null));
        assertThat(first.message().version()).isEqualTo(5);
        assertThat(first.events()).isEmpty();

        MessageRecord lost = in(MessageStatus.SENDING, 1, NOW);
        assertThat(MessageLifecycle.isAttemptLive(lost, NOW)).isFalse();
        assertThat(MessageLifecycle.isAttemptLive(lost, NOW.minusNanos(1_000))).isTrue();
        assertThat(MessageLifecycle.isAttemptLive(in(MessageStatus.SENDING, 1, null), NOW)).isFalse();
        assertThat(MessageLifecycle.isAttemptLive(in(MessageStatus.QUEUED, 1, NOW.plusSeconds(9)), NOW)).isFalse();
        assertThat(MessageLifecycle.startAttempt(lost, NOW, NOW.plusSeconds(30)).message().delivery().attempts())
                .isEqualTo(2);
        refused(() -> MessageLifecycle.startAttempt(in(MessageStatus.SENDING, 1, NOW.plusSeconds(1)), NOW,
                NOW.plusSeconds(30)), MessageStatus.SENDING, "SENDING");
        refused(() -> MessageLifecycle.startAttempt(in(MessageStatus.SENT, 1, null), NOW, NOW), MessageStatus.SENT,
                "SENDING");
    }

    @Test
    void an_outcome_is_recorded_on_a_message_being_sent_only() {
        MessageRecord sending = in(MessageStatus.SENDING, 2, NOW);
        Change sent = MessageLifecycle.accept(sending, "ses-1", NOW);
        assertThat(sent.message().delivery()).isEqualTo(new MessageDelivery(MessageStatus.SENT, 2, null, "ses-1", null,
                NOW, null));
        assertThat(sent.events()).singleElement().isInstanceOfSatisfying(MessageSent.class,
                e -> assertThat(e.attempt()).isEqualTo(2));
        Change retry = MessageLifecycle.retryLater(sending, "throttled", NOW);
        assertThat(retry.message().delivery()).isEqualTo(new MessageDelivery(MessageStatus.QUEUED, 2, null, "ref-0",
                "throttled", null, null));
        Change failed = MessageLifecycle.fail(sending, "blocked", NOW);
        assertThat(failed.message().delivery()).isEqualTo(new MessageDelivery(MessageStatus.FAILED, 2, null, "ref-0",
                "blocked", null, NOW));
        assertThat(failed.events()).singleElement().isInstanceOfSatisfying(MessageFailed.class,
                e -> assertThat(e.reasonCode()).isEqualTo("blocked"));

        MessageRecord queued = in(MessageStatus.QUEUED, 0, null);
        refused(() -> MessageLifecycle.accept(queued, "x", NOW), MessageStatus.QUEUED, "SENT");
        refused(() -> MessageLifecycle.retryLater(queued, "x", NOW), MessageStatus.QUEUED, "QUEUED");
        refused(() -> MessageLifecycle.fail(queued, "x", NOW), MessageStatus.QUEUED, "FAILED");
        refused(() -> MessageLifecycle.cancel(in(MessageStatus.SENDING, 1, NOW), NOW), MessageStatus.SENDING,
                "CANCELLED");
    }

    @Test
    void a_report_on_a_message_never_handed_over_is_refused_and_one_on_an_attempt_records_the_send_first() {
        refused(() -> MessageLifecycle.report(in(MessageStatus.QUEUED, 0, null), DeliveryOutcome.DELIVERED, null, NOW,
                NOW), MessageStatus.QUEUED, "DELIVERED");
        refused(() -> MessageLifecycle.report(in(MessageStatus.CANCELLED, 0, null), DeliveryOutcome.FAILED, null,
                NOW, NOW), MessageStatus.CANCELLED, "FAILED");

        Change bounced = MessageLifecycle.report(in(MessageStatus.SENDING, 1, NOW), DeliveryOutcome.BOUNCED, "hard",
                START.plusSeconds(3), NOW);
        assertThat(bounced.message().delivery()).isEqualTo(new MessageDelivery(MessageStatus.BOUNCED, 1, null, "ref-0",
                "hard", START.plusSeconds(3), START.plusSeconds(3)));
        assertThat(bounced.events()).hasSize(2).first().isInstanceOf(MessageSent.class);
        Change delivered = MessageLifecycle.report(in(MessageStatus.SENT, 1, null), DeliveryOutcome.DELIVERED, null,
                START.plusSeconds(3), NOW);
        assertThat(delivered.message().delivery().failureReason()).isEqualTo("timeout");
        assertThat(delivered.events()).singleElement().isInstanceOf(MessageDelivered.class);
        MessageRecord settled = delivered.message();
        Change again = MessageLifecycle.report(settled, DeliveryOutcome.DELIVERED, null, NOW, NOW);
        assertThat(again.changed(settled)).isFalse();
        assertThat(again.events()).isEmpty();
        assertThat(MessageLifecycle.wasHandedOver(in(MessageStatus.QUEUED, 1, null))).isTrue();
        assertThat(MessageLifecycle.wasHandedOver(in(MessageStatus.QUEUED, 0, null))).isFalse();
    }
}
