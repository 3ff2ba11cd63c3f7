package dev.crmkit.core.messaging;

import static dev.crmkit.core.messaging.MessagingFixtures.START;
import static dev.crmkit.core.messaging.MessagingFixtures.TENANT;
import static dev.crmkit.core.messaging.MessagingFixtures.orderConfirmation;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.crmkit.inmemory.InMemoryStorage;
import dev.crmkit.model.ConflictException;
import dev.crmkit.model.message.MessageDelivery;
import dev.crmkit.model.message.MessageStatus;
import dev.crmkit.spi.message.MessageRecord;
import dev.crmkit.spi.message.MessageStorage;
import dev.crmkit.spi.message.MessageStore;
import dev.crmkit.spi.message.SendRateStore;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * Another writer changes a message between this node's read and its write: a dispatcher on another node, a report, an
 * opt-out. Each race is staged deterministically by a store that lets "the other writer" commit right before this
 * node's update (or hides a message another node has just committed from this node's lookup).
 */
class MessageRaceTest {
    private final InMemoryStorage memory = new InMemoryStorage();
    private final MessageStore real = memory.messages();
    /** Runs before each update of the message store, with the record about to be written; may be null. */
    private Consumer<MessageRecord> beforeUpdate;
    /** Runs after each read of a queued message, before the reader gets it; may be null. */
    private Consumer<MessageRecord> afterReadingQueued;
    /** How many key lookups still answer as if nothing were stored. */
    private int blindLookups;
    private int updates;

    private final MessagingFixtures fixtures = new MessagingFixtures(memory.with(MessageStorage.class,
            new MessageStorage() {
                @Override
                public MessageStore messages() {
                    return new DelegatingMessageStore(real) {
                        @Override
                        public MessageRecord update(MessageRecord message, long expectedVersion) {
                            updates++;
                            if (beforeUpdate != null) {
                                beforeUpdate.accept(message);
                            }
                            return real.update(message, expectedVersion);
                        }

                        @Override
                        public java.util.Optional<MessageRecord> get(String tenantId, UUID id) {
                            java.util.Optional<MessageRecord> found = real.get(tenantId, id);
                            if (afterReadingQueued != null && found.isPresent()
                                    && found.get().status() == MessageStatus.QUEUED) {
                                afterReadingQueued.accept(found.get());
                            }
                            return found;
                        }

                        @Override
                        public List<MessageRecord> findByIdempotencyKeys(String tenantId, Collection<String> keys) {
                            if (blindLookups > 0) {
                                blindLookups--;
                                return List.of();
                            }
                            return real.findByIdempotencyKeys(tenantId, keys);
                        }
                    };
                }

                @Override
                public SendRateStore sendRates() {
                    return memory.sendRates();
                }
            }), b -> b);
    private final MessageService messages = fixtures.messages();
    private final UUID anna = fixtures.person("Anna Schmidt").id();

    /** The other writer: moves the stored message one version on, to {@code status}. */
    private void otherWriterMoves(UUID messageId, MessageStatus status) {
        MessageRecord stored = real.get(TENANT, messageId).orElseThrow();
        MessageDelivery d = stored.delivery();
        real.update(stored.withDelivery(new MessageDelivery(status, d.attempts(), d.sendingUntil(),
                d.providerReference(), d.failureReason(), d.sentAt(), d.outcomeAt()), stored.updatedAt()),
                stored.version());
    }

    @Test
    void a_send_whose_key_another_node_committed_meanwhile_answers_with_that_nodes_message() {
        // given: the other node queued the message with the key; this node's lookup did not see it yet
        Message theirs = messages.send(orderConfirmation(anna).withIdempotencyKey("order-4711"));
        blindLookups = 1;

        // when
        Message ours = messages.send(orderConfirmation(anna).withIdempotencyKey("order-4711"));

        // then
        assertThat(ours).isEqualTo(theirs);
        assertThat(fixtures.publishedTypes()).containsExactly("message.queued");
    }

    @Test
    void a_dispatch_that_loses_the_race_for_the_attempt_decides_again_and_hands_nothing_over() {
        // given: an opt-out cancels the message right after this node read it as queued
        Message message = messages.send(orderConfirmation(anna));
        afterReadingQueued = record -> {
            afterReadingQueued = null;
            messages.cancel(message.id());
        };

        // when
        fixtures.dispatch();

        // then
        assertThat(fixtures.channel.handedOver()).isEmpty();
        assertThat(messages.message(message.id()).status()).isEqualTo(MessageStatus.CANCELLED);
        assertThat(fixtures.dispatchWork(message.id())).isEmpty();
    }

    @Test
    void a_dispatch_that_keeps_losing_the_race_looks_again_a_second_later() {
        // given: another writer changes the message every time this node has read it
        Message message = messages.send(orderConfirmation(anna));
        List<Long> versionsRead = new ArrayList<>();
        afterReadingQueued = record -> {
            versionsRead.add(record.version());
            otherWriterMoves(message.id(), MessageStatus.QUEUED);
        };

        // when
        fixtures.dispatch();

        // then: three decisions, each lost; the work is due again a second later; nothing handed over
        assertThat(versionsRead).hasSize(3);
        assertThat(fixtures.channel.handedOver()).isEmpty();
        assertThat(fixtures.dispatchWork(message.id()).orElseThrow().dueAt()).isEqualTo(START.plusSeconds(1));

        // and once the other writer is done, the message goes out
        afterReadingQueued = null;
        fixtures.clock.advance(Duration.ofSeconds(1));
        fixtures.dispatch();
        assertThat(fixtures.channel.sent()).containsExactly(message.id());
    }

    @Test
    void a_report_or_a_cancel_that_meets_a_concurrent_change_tries_again_from_what_is_stored() {
        Message reported = messages.send(orderConfirmation(anna));
        fixtures.dispatch();
        Message cancelled = messages.send(orderConfirmation(anna).notBefore(START.plusSeconds(3600)));
        beforeUpdate = record -> {
            beforeUpdate = null;
            otherWriterMoves(record.id(), real.get(TENANT, record.id()).orElseThrow().status());
        };

        assertThat(messages.report(DeliveryReport.of(reported.id(), DeliveryOutcome.DELIVERED, START)).status())
                .isEqualTo(MessageStatus.DELIVERED);
        beforeUpdate = record -> {
            beforeUpdate = null;
            otherWriterMoves(record.id(), MessageStatus.QUEUED);
        };
        assertThat(messages.cancel(cancelled.id()).status()).isEqualTo(MessageStatus.CANCELLED);

        // a writer that changes it every time wins after three tries
        beforeUpdate = record -> otherWriterMoves(record.id(), MessageStatus.SENT);
        assertThatThrownBy(() -> messages.report(DeliveryReport.of(reported.id(), DeliveryOutcome.COMPLAINED,
                START))).isInstanceOf(ConflictException.class);
    }

    @Test
    void an_opt_out_skips_a_message_a_dispatcher_took_meanwhile_and_retries_one_that_is_still_queued() {
        // given: three queued e-mails; a dispatcher takes the first meanwhile, another writer touches the second
        List<UUID> ids = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            ids.add(messages.send(orderConfirmation(anna).notBefore(START.plusSeconds(3600))).id());
        }
        List<UUID> interfered = new ArrayList<>();
        beforeUpdate = record -> {
            if (record.status() == MessageStatus.CANCELLED && !interfered.contains(record.id())) {
                interfered.add(record.id());
                otherWriterMoves(record.id(), interfered.size() == 1 ? MessageStatus.SENDING : MessageStatus.QUEUED);
            }
        };

        // when
        int cancelled = messages.cancelQueued(anna, null);

        // then: newest first, the first one met was taken by the dispatcher and goes on; the others are cancelled
        assertThat(cancelled).isEqualTo(2);
        assertThat(messages.message(ids.get(2)).status()).isEqualTo(MessageStatus.SENDING);
        assertThat(messages.message(ids.get(1)).status()).isEqualTo(MessageStatus.CANCELLED);
        assertThat(messages.message(ids.get(0)).status()).isEqualTo(MessageStatus.CANCELLED);
        assertThat(updates).isGreaterThan(3);
    }

    @Test
    void an_opt_out_that_keeps_meeting_changes_gives_up_with_a_conflict() {
        UUID id = messages.send(orderConfirmation(anna).notBefore(START.plusSeconds(3600))).id();
        beforeUpdate = record -> otherWriterMoves(record.id(), MessageStatus.QUEUED);

        assertThatThrownBy(() -> messages.cancelQueued(anna, null)).isInstanceOf(ConflictException.class);
        beforeUpdate = null;
        assertThat(messages.message(id).status()).isEqualTo(MessageStatus.QUEUED);
    }
}
