package dev.crmkit.core.messaging;

import static dev.crmkit.core.messaging.MessagingFixtures.orderConfirmation;
import static org.assertj.core.api.Assertions.assertThat;

import dev.crmkit.core.common.Actor;
import dev.crmkit.core.customer.CustomerService;
import dev.crmkit.core.port.PublishedEvent;
import dev.crmkit.model.PageRequest;
import dev.crmkit.model.message.MessageFilter;
import dev.crmkit.model.message.MessageStatus;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class MessageMergeTest {
    private final MessagingFixtures fixtures = new MessagingFixtures();
    private final MessageService messages = fixtures.messages();

    @Test
    void merging_customers_moves_the_merged_ones_messages_to_the_survivor_and_reports_how_many() {
        // given
        UUID survivor = fixtures.person("Anna Schmidt").id();
        UUID duplicate = fixtures.person("Anna Schmid").id();
        Message sent = messages.send(orderConfirmation(duplicate));
        fixtures.dispatch();
        Message queued = messages.send(orderConfirmation(duplicate).withIdempotencyKey("after-merge"));

        // when
        fixtures.crm.tenant(MessagingFixtures.TENANT).service(CustomerService.class).merge(survivor, duplicate,
                Actor.user("clerk-1"));

        // then
        assertThat(messages.messagesOf(survivor, MessageFilter.everything(), PageRequest.first(10)).items())
                .extracting(Message::id).containsExactlyInAnyOrder(sent.id(), queued.id());
        assertThat(messages.messagesOf(duplicate, MessageFilter.everything(), PageRequest.first(10)).items())
                .hasSize(2);
        PublishedEvent merged = fixtures.publishAll().stream().filter(e -> e.type().equals("customer.merged"))
                .findFirst().orElseThrow();
        assertThat(merged.payload()).contains("\"messages\":2");

        // and the queued message still goes out, and a retried send finds it under the survivor
        fixtures.dispatch();
        assertThat(messages.message(queued.id()).status()).isEqualTo(MessageStatus.SENT);
        assertThat(messages.message(queued.id()).customerId()).isEqualTo(survivor);
        assertThat(messages.send(orderConfirmation(duplicate).withIdempotencyKey("after-merge")).id())
                .isEqualTo(queued.id());
    }
}
