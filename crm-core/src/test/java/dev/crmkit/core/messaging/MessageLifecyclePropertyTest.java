package dev.crmkit.core.messaging;

import static dev.crmkit.core.messaging.MessagingFixtures.POLICY;
import static dev.crmkit.core.messaging.MessagingFixtures.TENANT;
import static dev.crmkit.core.messaging.MessagingFixtures.orderConfirmation;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import dev.crmkit.core.port.MessageChannel;
import dev.crmkit.core.port.OutgoingMessage;
import dev.crmkit.core.port.PublishedEvent;
import dev.crmkit.core.port.SendOutcome;
import dev.crmkit.inmemory.InMemoryStorage;
import dev.crmkit.model.CrmException;
import dev.crmkit.model.IllegalTransitionException;
import dev.crmkit.model.message.ChannelKind;
import dev.crmkit.model.message.MessageStatus;
import dev.crmkit.spi.message.MessageRecord;
import dev.crmkit.spi.message.MessageStorage;
import dev.crmkit.spi.message.MessageStore;
import dev.crmkit.spi.message.SendRateStore;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The life of a message as generated command sequences: dispatches whose channel accepts, fails for a while, refuses
 * or dies midway, time passing, provider reports of every outcome, and cancellations. Whatever the sequence, every
 * status change the storage sees is one the life allows, a refused command changes nothing, each outcome is
 * recorded once, a message that still needs sending always has its dispatch work, and it is handed over once per
 * attempt, never beyond the last attempt.
 */
class MessageLifecyclePropertyTest {
    private static final Set<MessageStatus> SETTLED = EnumSet.of(MessageStatus.BOUNCED, MessageStatus.COMPLAINED,
            MessageStatus.FAILED, MessageStatus.CANCELLED);

    /** What the scripted channel does with a call. */
    private enum Act { ACCEPT, FAIL_FOR_NOW, REFUSE, DIE }

    /** Thrown by the channel to stand for its node dying midway. */
    private static final class NodeDied extends Error {
        private static final long serialVersionUID = 1L;
    }

    /** A channel that acts as scripted, accepting when nothing is scripted, and counts its calls. */
    private static final class ScriptedChannel implements MessageChannel {
        final Deque<Act> script = new ArrayDeque<>();
        int calls;

        @Override
        public Set<ChannelKind> kinds() {
            return Set.of(ChannelKind.EMAIL);
        }

        @Override
        public SendOutcome send(OutgoingMessage message) {
            calls++;
            Act act = script.isEmpty() ? Act.ACCEPT : script.poll();
            return switch (act) {
                case ACCEPT -> SendOutcome.accepted("ref-" + calls);
                case FAIL_FOR_NOW -> SendOutcome.failedTemporarily("timeout");
                case REFUSE -> SendOutcome.rejected("invalid-address");
                case DIE -> throw new NodeDied();
            };
        }
    }

    /** The message store with every update's status change written down, as the storage sees it. */
    private static final class WatchedMessages implements MessageStorage {
        final MessageStorage real;
        final List<MessageStatus[]> changes = new ArrayList<>();

        WatchedMessages(MessageStorage real) {
            this.real = real;
        }

        @Override
        public SendRateStore sendRates() {
            return real.sendRates();
        }

        @Override
        public MessageStore messages() {
            return new DelegatingMessageStore(real.messages()) {
                @Override
                public MessageRecord update(MessageRecord message, long expectedVersion) {
                    MessageStatus from = real.get(message.tenantId(), message.id()).orElseThrow().status();
                    MessageRecord stored = real.update(message, expectedVersion);
                    changes.add(new MessageStatus[] {from, stored.status()});
                    return stored;
                }
            };
        }
    }

    /** One generated run: a fixture on the watched storage and the message it follows. */
    private static final class Run {
        final ScriptedChannel channel = new ScriptedChannel();
        final WatchedMessages watched;
        final MessagingFixtures fixtures;
        final UUID messageId;

        Run() {
            InMemoryStorage memory = new InMemoryStorage();
            watched = new WatchedMessages(memory);
            fixtures = new MessagingFixtures(memory.with(MessageStorage.class, watched),
                    b -> MessagingModule.builder().channel(channel).dispatchPolicy(POLICY));
            messageId = fixtures.messages().send(orderConfirmation(fixtures.person("Anna").id())).id();
        }

        MessageRecord message() {
            return fixtures.stored(messageId);
        }

        void apply(int command) {
            MessageService messages = fixtures.messages();
            Instant at = fixtures.clock.instant();
            switch (command) {
                case 0, 1, 2, 3 -> {
                    channel.script.add(Act.values()[command]);
                    try {
                        fixtures.dispatch();
                    } catch (NodeDied e) {
                        // the node died midway; its lease and the attempt's time run out later
                    }
                }
                case 4 -> fixtures.clock.advance(Duration.ofSeconds(20));
                case 5 -> fixtures.clock.advance(POLICY.maxRetry());
                case 6, 7, 8, 9 -> messages.report(DeliveryReport.of(messageId, DeliveryOutcome.values()[command - 6],
                        at));
                default -> messages.cancel(messageId);
            }
        }

        Map<String, Long> eventCounts() {
            return fixtures.publishAll().stream().filter(e -> e.aggregateId().equals(messageId.toString()))
                    .collect(Collectors.groupingBy(PublishedEvent::type, Collectors.counting()));
        }
    }

    @Test
    void generated_command_sequences_never_reach_an_illegal_state_and_refused_commands_change_nothing() {
        qt().withExamples(250).withShrinkCycles(100)
                .forAll(lists().of(integers().between(0, 10)).ofSizeBetween(1, 25))
                .checkAssert(commands -> {
                    Run run = new Run();
                    for (int command : commands) {
                        MessageRecord before = run.message();
                        long eventsBefore = run.fixtures.storage.outbox().countUndelivered();
                        try {
                            run.apply(command);
                        } catch (CrmException refused) {
                            assertThat(refused).as("only a lifecycle refusal").isInstanceOf(
                                    IllegalTransitionException.class);
                            assertThat(run.message()).as("a refused command changes nothing").isEqualTo(before);
                            assertThat(run.fixtures.storage.outbox().countUndelivered()).isEqualTo(eventsBefore);
                        }
                        assertInvariants(run, before);
                    }
                });
    }

    private static void assertInvariants(Run run, MessageRecord before) {
        MessageRecord now = run.message();
        for (MessageStatus[] change : run.watched.changes) {
            assertThat(MessageLifecycle.allows(change[0], change[1])
                    || MessageLifecycle.allows(change[0], MessageStatus.SENT)
                    && MessageLifecycle.allows(MessageStatus.SENT, change[1]))
                    .as("%s -> %s is in the life", change[0], change[1]).isTrue();
        }
        if (SETTLED.contains(before.status())) {
            assertThat(now).as("a settled message never changes").isEqualTo(before);
        }
        if (now.status() == MessageStatus.QUEUED || now.status() == MessageStatus.SENDING) {
            assertThat(run.fixtures.dispatchWork(run.messageId)).as("dispatch work of a %s message", now.status())
                    .isPresent();
        }
        assertThat(now.delivery().attempts()).isLessThanOrEqualTo(POLICY.maxAttempts());
        assertThat(run.channel.calls).as("one hand-over per attempt").isEqualTo(now.delivery().attempts());
        Map<String, Long> events = run.eventCounts();
        for (String type : List.of("message.queued", "message.sent", "message.delivered", "message.bounced",
                "message.complained")) {
            assertThat(events.getOrDefault(type, 0L)).as("%s recorded at most once", type).isLessThanOrEqualTo(1);
        }
        assertThat(events.getOrDefault("message.failed", 0L) + events.getOrDefault("message.cancelled", 0L))
                .as("failed or cancelled at most once").isLessThanOrEqualTo(1);
    }

    @Test
    void the_life_allows_exactly_the_listed_moves_and_check_names_both_states() {
        Function<MessageStatus, Set<MessageStatus>> next = from -> {
            Set<MessageStatus> to = EnumSet.noneOf(MessageStatus.class);
            for (MessageStatus candidate : MessageStatus.values()) {
                if (MessageLifecycle.allows(from, candidate)) {
                    to.add(candidate);
                }
            }
            return to;
        };
        assertThat(next.apply(MessageStatus.QUEUED)).containsExactlyInAnyOrder(MessageStatus.SENDING,
                MessageStatus.CANCELLED, MessageStatus.SENT);
        assertThat(next.apply(MessageStatus.SENDING)).containsExactlyInAnyOrder(MessageStatus.SENT,
                MessageStatus.QUEUED, MessageStatus.FAILED, MessageStatus.SENDING);
        assertThat(next.apply(MessageStatus.SENT)).containsExactlyInAnyOrder(MessageStatus.DELIVERED,
                MessageStatus.BOUNCED, MessageStatus.COMPLAINED, MessageStatus.FAILED);
        assertThat(next.apply(MessageStatus.DELIVERED)).containsExactlyInAnyOrder(MessageStatus.BOUNCED,
                MessageStatus.COMPLAINED);
        for (MessageStatus settled : SETTLED) {
            assertThat(next.apply(settled)).isEmpty();
        }
        for (MessageStatus from : MessageStatus.values()) {
            for (MessageStatus to : MessageStatus.values()) {
                if (!MessageLifecycle.allows(from, to)) {
                    assertThatThrownBy(() -> MessageLifecycle.check(from, to))
                            .isInstanceOfSatisfying(IllegalTransitionException.class, e -> {
                                assertThat(e.from()).isEqualTo(from.name());
                                assertThat(e.to()).isEqualTo(to.name());
                            });
                } else {
                    MessageLifecycle.check(from, to);
                }
            }
        }
        assertThat(TENANT).isNotBlank();
    }
}
