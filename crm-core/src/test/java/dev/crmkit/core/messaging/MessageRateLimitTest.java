package dev.crmkit.core.messaging;

import static dev.crmkit.core.messaging.MessagingFixtures.START;
import static dev.crmkit.core.messaging.MessagingFixtures.orderConfirmation;
import static org.assertj.core.api.Assertions.assertThat;

import dev.crmkit.core.Crm;
import dev.crmkit.core.port.RecordingMessageChannel;
import dev.crmkit.model.message.ChannelKind;
import dev.crmkit.model.message.MessageStatus;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Rate limits per channel kind, kept in storage: shared by every node, a wait and never a failure. */
class MessageRateLimitTest {
    /** Two e-mails per second, both at once after a quiet spell: one every 500 ms. */
    private static final RateLimit TWO_PER_SECOND = RateLimit.of(2, Duration.ofSeconds(1));

    private final MessagingFixtures fixtures = new MessagingFixtures(
            b -> b.rateLimit(ChannelKind.EMAIL, TWO_PER_SECOND));
    private final MessageService messages = fixtures.messages();
    private final UUID anna = fixtures.person("Anna Schmidt").id();

    private List<UUID> queue(int count) {
        List<UUID> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            ids.add(messages.send(orderConfirmation(anna)).id());
        }
        return ids;
    }

    @Test
    void a_limited_kind_sends_its_burst_then_one_message_per_interval_and_the_rest_wait_queued() {
        // given
        List<UUID> ids = queue(5);
        UUID sms = messages.send(SendMessage.sms(anna, "+4915112345678", "Unlimited kind")).id();

        // when / then: at the start, the burst of two goes, and the unlimited SMS
        fixtures.dispatch();
        assertThat(fixtures.channel.sent()).hasSize(3).contains(sms);
        List<UUID> waiting = ids.stream().filter(id -> fixtures.stored(id).status() == MessageStatus.QUEUED).toList();
        assertThat(waiting).hasSize(3).allSatisfy(id -> {
            assertThat(fixtures.stored(id).delivery().attempts()).isZero();
            assertThat(fixtures.dispatchWork(id).orElseThrow().dueAt()).isEqualTo(START.plusMillis(500));
        });

        // 499 ms later nothing more; at 500 ms one more; at 1,000 ms one more; at 1,500 ms the last
        fixtures.clock.advance(Duration.ofMillis(499));
        fixtures.dispatch();
        assertThat(fixtures.channel.sent()).hasSize(3);
        fixtures.clock.advance(Duration.ofMillis(1));
        fixtures.dispatch();
        assertThat(fixtures.channel.sent()).hasSize(4);
        fixtures.clock.advance(Duration.ofMillis(500));
        fixtures.dispatch();
        assertThat(fixtures.channel.sent()).hasSize(5);
        fixtures.clock.advance(Duration.ofMillis(500));
        fixtures.dispatch();
        assertThat(fixtures.channel.sent()).hasSize(6);
        assertThat(ids).allSatisfy(id -> assertThat(fixtures.stored(id).status()).isEqualTo(MessageStatus.SENT));
        assertThat(fixtures.channel.handedOver()).hasSize(6);
    }

    @Test
    void a_message_held_back_many_times_by_the_limit_is_never_failed() {
        // given: far more messages than attempts allowed per message
        List<UUID> ids = queue(20);

        // when: the scheduler runs every 100 ms for five seconds
        for (int tick = 0; tick < 50; tick++) {
            fixtures.dispatch();
            fixtures.clock.advance(Duration.ofMillis(100));
        }

        // then: two at once, then one per 500 ms: 2 + 9 in 4.9 s; none failed, none handed over twice
        assertThat(fixtures.channel.sent()).hasSize(11);
        assertThat(fixtures.channel.handedOver()).hasSize(11);
        assertThat(ids).noneSatisfy(id -> assertThat(fixtures.stored(id).status()).isEqualTo(MessageStatus.FAILED));
    }

    @Test
    void two_nodes_share_one_limit_through_storage() {
        // given: a second node with its own channel and the same limit
        RecordingMessageChannel channelB = RecordingMessageChannel.forKinds(ChannelKind.EMAIL);
        Crm nodeB = fixtures.node("node-b", MessagingModule.builder().channel(channelB)
                .rateLimit(ChannelKind.EMAIL, TWO_PER_SECOND).dispatchPolicy(MessagingFixtures.POLICY)).build();
        queue(12);

        // when: both nodes run, taking turns, over three seconds
        for (int tick = 0; tick < 30; tick++) {
            MessagingFixtures.dispatch(tick % 2 == 0 ? fixtures.crm : nodeB);
            MessagingFixtures.dispatch(tick % 2 == 0 ? nodeB : fixtures.crm);
            fixtures.clock.advance(Duration.ofMillis(100));
        }

        // then: together they kept to 2 + one per 500 ms in 2.9 s = 2 + 5
        assertThat(fixtures.channel.sent().size() + channelB.sent().size()).isEqualTo(7);
        assertThat(fixtures.channel.sent()).isNotEmpty();
        assertThat(channelB.sent()).isNotEmpty();
    }
}
