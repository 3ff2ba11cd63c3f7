package dev.crmkit.core.messaging;

import static dev.crmkit.core.messaging.MessagingFixtures.LEASE;
import static dev.crmkit.core.messaging.MessagingFixtures.POLICY;
import static dev.crmkit.core.messaging.MessagingFixtures.START;
import static dev.crmkit.core.messaging.MessagingFixtures.orderConfirmation;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.crmkit.core.Crm;
import dev.crmkit.core.port.MessageChannel;
import dev.crmkit.core.port.OutgoingMessage;
import dev.crmkit.core.port.SendOutcome;
import dev.crmkit.model.message.ChannelKind;
import dev.crmkit.model.message.MessageStatus;
import dev.crmkit.spi.message.MessageRecord;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * A node that stops, or stalls, between recording {@code SENDING} and recording the outcome: the message is neither
 * lost nor handed over twice while the attempt may still be under way, and when it is handed over again it carries the
 * same message id, which a provider honouring idempotency keys sends once.
 */
class MessageCrashRecoveryTest {
    private final MessagingFixtures fixtures = new MessagingFixtures();

    /** A provider that honours idempotency keys: it sends each key once and answers a repeat with the first answer. */
    static final class DeduplicatingProvider {
        final List<UUID> calls = new ArrayList<>();
        final Map<String, String> sent = new HashMap<>();

        synchronized String send(OutgoingMessage message) {
            calls.add(message.messageId());
            return sent.computeIfAbsent(message.idempotencyKey(), key -> "provider-" + sent.size());
        }
    }

    /** Thrown by a channel to stand for the death of its node: an Error, which nothing in CRMKit catches. */
    static final class NodeDied extends Error {
        private static final long serialVersionUID = 1L;
    }

    /** A channel of one node in front of the shared provider, running {@code meanwhile} after the provider took it. */
    private static MessageChannel node(DeduplicatingProvider provider, Consumer<OutgoingMessage> meanwhile) {
        return new MessageChannel() {
            @Override
            public Set<ChannelKind> kinds() {
                return Set.of(ChannelKind.EMAIL);
            }

            @Override
            public SendOutcome send(OutgoingMessage message) {
                String reference = provider.send(message);
                meanwhile.accept(message);
                return SendOutcome.accepted(reference);
            }
        };
    }

    private Crm nodeWith(String name, MessageChannel channel, DispatchPolicy policy) {
        return fixtures.node(name, MessagingModule.builder().channel(channel).dispatchPolicy(policy)).build();
    }

    @Test
    void a_node_that_dies_after_the_provider_took_the_message_leaves_it_to_another_node_which_hands_over_the_same_id() {
        // given: node A's provider takes the message, then node A dies before recording the outcome
        DeduplicatingProvider provider = new DeduplicatingProvider();
        Crm nodeA = nodeWith("node-a2", node(provider, m -> {
            throw new NodeDied();
        }), POLICY);
        Crm nodeB = nodeWith("node-b", node(provider, m -> { }), POLICY);
        UUID id = fixtures.messages().send(orderConfirmation(fixtures.person("Anna").id())).id();
        assertThatThrownBy(() -> MessagingFixtures.dispatch(nodeA)).isInstanceOf(NodeDied.class);
        MessageRecord inDoubt = fixtures.stored(id);
        assertThat(inDoubt.status()).isEqualTo(MessageStatus.SENDING);
        assertThat(inDoubt.delivery().sendingUntil()).isEqualTo(START.plus(POLICY.sendTimeout()));

        // when: node B runs while A's lease holds, and again after it expired
        fixtures.clock.advance(Duration.ofSeconds(10));
        int whileLeased = MessagingFixtures.dispatch(nodeB);
        fixtures.clock.advance(LEASE);
        MessagingFixtures.dispatch(nodeB);

        // then: B left the message alone while A held it, then handed it over again under the same id
        assertThat(whileLeased).isZero();
        assertThat(provider.calls).containsExactly(id, id);
        assertThat(provider.sent).containsOnlyKeys(id.toString());
        MessageRecord sent = fixtures.stored(id);
        assertThat(sent.status()).isEqualTo(MessageStatus.SENT);
        assertThat(sent.delivery().attempts()).isEqualTo(2);
        assertThat(sent.delivery().providerReference()).isEqualTo("provider-0");
        assertThat(fixtures.publishedTypes()).containsExactly("message.queued", "message.sent");
        assertThat(fixtures.dispatchWork(id)).isEmpty();
    }

    @Test
    void an_attempt_under_way_is_not_repeated_by_a_node_that_takes_the_work_over_after_the_lease() {
        // given: attempts may take 5 minutes, longer than the scheduler's 1-minute lease
        DispatchPolicy slow = POLICY.withSendTimeout(Duration.ofMinutes(5));
        DeduplicatingProvider provider = new DeduplicatingProvider();
        Crm nodeB = nodeWith("node-b", node(provider, m -> { }), slow);
        List<Integer> claimedByB = new ArrayList<>();
        Crm nodeA = nodeWith("node-a2", node(provider, m -> {
            // node A's call stalls past its lease: node B takes the work over meanwhile
            fixtures.clock.advance(LEASE.plusSeconds(1));
            claimedByB.add(MessagingFixtures.dispatch(nodeB));
        }), slow);
        UUID id = fixtures.messages().send(orderConfirmation(fixtures.person("Anna").id())).id();

        // when
        MessagingFixtures.dispatch(nodeA);

        // then: B claimed the work, gave way to A's attempt, and A recorded its outcome
        assertThat(claimedByB).containsExactly(1);
        assertThat(provider.calls).containsExactly(id);
        assertThat(fixtures.stored(id).status()).isEqualTo(MessageStatus.SENT);
        assertThat(fixtures.dispatchWork(id)).hasValueSatisfying(w -> assertThat(w.dueAt())
                .isEqualTo(START.plus(Duration.ofMinutes(5))));

        // and the work B left for the attempt's end finds the message sent and ends
        fixtures.clock.advance(Duration.ofMinutes(5));
        MessagingFixtures.dispatch(nodeB);
        assertThat(provider.calls).containsExactly(id);
        assertThat(fixtures.dispatchWork(id)).isEmpty();
        assertThat(fixtures.publishedTypes()).containsExactly("message.queued", "message.sent");
    }

    @Test
    void the_late_outcome_of_an_attempt_taken_for_lost_does_not_overwrite_the_attempt_after_it() {
        // given: node A's call outlasts the send timeout, so node B attempts again meanwhile
        DeduplicatingProvider provider = new DeduplicatingProvider();
        Crm nodeB = nodeWith("node-b", new MessageChannel() {
            @Override
            public Set<ChannelKind> kinds() {
                return Set.of(ChannelKind.EMAIL);
            }

            @Override
            public SendOutcome send(OutgoingMessage message) {
                provider.send(message);
                return SendOutcome.accepted("b-ref");
            }
        }, POLICY);
        Crm nodeA = nodeWith("node-a2", node(provider, m -> {
            fixtures.clock.advance(LEASE.plusSeconds(1));
            MessagingFixtures.dispatch(nodeB);
        }), POLICY);
        UUID id = fixtures.messages().send(orderConfirmation(fixtures.person("Anna").id())).id();

        // when
        MessagingFixtures.dispatch(nodeA);

        // then: B's attempt stands; A's late acceptance was dropped
        MessageRecord sent = fixtures.stored(id);
        assertThat(provider.calls).containsExactly(id, id);
        assertThat(provider.sent).hasSize(1);
        assertThat(sent.status()).isEqualTo(MessageStatus.SENT);
        assertThat(sent.delivery().attempts()).isEqualTo(2);
        assertThat(sent.delivery().providerReference()).isEqualTo("b-ref");
        assertThat(fixtures.publishedTypes()).containsExactly("message.queued", "message.sent");
    }

    @Test
    void a_message_whose_every_attempt_was_lost_fails_with_its_outcome_unknown() {
        // given: every node dies during the call
        DeduplicatingProvider provider = new DeduplicatingProvider();
        Crm dying = nodeWith("node-a2", node(provider, m -> {
            throw new NodeDied();
        }), POLICY);
        UUID id = fixtures.messages().send(orderConfirmation(fixtures.person("Anna").id())).id();

        // when: the work is taken over after each lease, until no attempt is left
        for (int attempt = 0; attempt < POLICY.maxAttempts(); attempt++) {
            assertThatThrownBy(() -> MessagingFixtures.dispatch(dying)).isInstanceOf(NodeDied.class);
            fixtures.clock.advance(LEASE.plusSeconds(1));
        }
        MessagingFixtures.dispatch(dying);

        // then
        MessageRecord failed = fixtures.stored(id);
        assertThat(failed.status()).isEqualTo(MessageStatus.FAILED);
        assertThat(failed.delivery().failureReason()).isEqualTo("outcome-unknown");
        assertThat(provider.calls).hasSize(POLICY.maxAttempts());
        assertThat(fixtures.publishedTypes()).containsExactly("message.queued", "message.failed");
    }
}
