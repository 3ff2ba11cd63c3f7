package dev.crmkit.core.messaging;

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
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class MessageCancelTest {
    private final MessagingFixtures fixtures = new MessagingFixtures();
    private final MessageService messages = fixtures.messages();
    private final CustomerRecord anna = fixtures.person("Anna Schmidt");

    @Test
    void a_cancelled_message_is_never_handed_to_its_channel() {
        Message message = messages.send(orderConfirmation(anna.id()));

        Message cancelled = messages.cancel(message.id());
        Message again = messages.cancel(message.id());
        fixtures.dispatch();

        assertThat(cancelled.status()).isEqualTo(MessageStatus.CANCELLED);
        assertThat(again).isEqualTo(cancelled);
        assertThat(fixtures.dispatchWork(message.id())).isEmpty();
        assertThat(fixtures.channel.handedOver()).isEmpty();
        assertThat(fixtures.publishedTypes()).containsExactly("message.queued", "message.cancelled");
    }

    @Test
    void a_message_being_sent_or_sent_cannot_be_cancelled() {
        Message sent = messages.send(orderConfirmation(anna.id()));
        List<Throwable> duringTheCall = new ArrayList<>();
        fixtures.dispatch();
        Message sending = messages.send(orderConfirmation(anna.id()));
        fixtures.channel.answering(m -> {
            try {
                messages.cancel(m.messageId());
            } catch (RuntimeException e) {
                duringTheCall.add(e);
            }
            return SendOutcome.accepted("z");
        });
        fixtures.dispatch();

        assertThatThrownBy(() -> messages.cancel(sent.id())).isInstanceOfSatisfying(IllegalTransitionException.class,
                e -> assertThat(e.from()).isEqualTo("SENT"));
        assertThat(duringTheCall).singleElement().isInstanceOfSatisfying(IllegalTransitionException.class,
                e -> assertThat(e.from()).isEqualTo("SENDING"));
        assertThat(messages.message(sending.id()).status()).isEqualTo(MessageStatus.SENT);
        assertThatThrownBy(() -> messages.cancel(UUID.randomUUID())).isInstanceOf(NotFoundException.class);
    }

    @Test
    void an_opt_out_cancels_the_customers_queued_messages_of_that_kind_only() {
        // given
        CustomerRecord bob = fixtures.person("Bob");
        Message sentMail = messages.send(orderConfirmation(anna.id()));
        fixtures.dispatch();
        List<Message> queuedMail = new ArrayList<>();
        for (int i = 0; i < 205; i++) {
            queuedMail.add(messages.send(orderConfirmation(anna.id()).notBefore(START.plus(Duration.ofDays(1)))));
        }
        Message sms = messages.send(SendMessage.sms(anna.id(), "+4915112345678", "Hi"));
        Message bobs = messages.send(orderConfirmation(bob.id()));

        // when
        int cancelled = messages.cancelQueued(anna.id(), ChannelKind.EMAIL);

        // then
        assertThat(cancelled).isEqualTo(205);
        assertThat(queuedMail).allSatisfy(m -> {
            assertThat(messages.message(m.id()).status()).isEqualTo(MessageStatus.CANCELLED);
            assertThat(fixtures.dispatchWork(m.id())).isEmpty();
        });
        assertThat(messages.message(sentMail.id()).status()).isEqualTo(MessageStatus.SENT);
        assertThat(messages.message(sms.id()).status()).isEqualTo(MessageStatus.QUEUED);
        assertThat(messages.message(bobs.id()).status()).isEqualTo(MessageStatus.QUEUED);
        assertThat(messages.cancelQueued(anna.id(), null)).isEqualTo(1);
        assertThat(messages.message(sms.id()).status()).isEqualTo(MessageStatus.CANCELLED);
        assertThatThrownBy(() -> messages.cancelQueued(UUID.randomUUID(), null)).isInstanceOf(NotFoundException.class);
    }

    @Test
    void an_opt_out_joins_the_callers_transaction_and_rolls_back_with_it() {
        Message queued = messages.send(orderConfirmation(anna.id()));

        assertThatThrownBy(() -> fixtures.storage.transactions().run(() -> {
            messages.cancelQueued(anna.id(), ChannelKind.EMAIL);
            throw new IllegalStateException("the consent change failed");
        })).isInstanceOf(IllegalStateException.class);

        assertThat(messages.message(queued.id()).status()).isEqualTo(MessageStatus.QUEUED);
        assertThat(fixtures.dispatchWork(queued.id())).isPresent();
    }
}
