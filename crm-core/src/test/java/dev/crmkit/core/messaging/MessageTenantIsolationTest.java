package dev.crmkit.core.messaging;

import static dev.crmkit.core.messaging.MessagingFixtures.OTHER_TENANT;
import static dev.crmkit.core.messaging.MessagingFixtures.START;
import static dev.crmkit.core.messaging.MessagingFixtures.orderConfirmation;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.crmkit.model.NotFoundException;
import dev.crmkit.model.PageRequest;
import dev.crmkit.model.message.ChannelKind;
import dev.crmkit.model.message.MessageFilter;
import dev.crmkit.model.message.MessageStatus;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class MessageTenantIsolationTest {
    private final MessagingFixtures fixtures = new MessagingFixtures();
    private final MessageService acme = fixtures.messages();
    private final MessageService globex = fixtures.crm.tenant(OTHER_TENANT).service(MessageService.class);
    private final UUID anna = fixtures.person("Anna").id();

    @Test
    void another_tenant_can_neither_see_nor_change_a_message_even_by_its_id() {
        // given
        Message queued = acme.send(orderConfirmation(anna).withIdempotencyKey("shared-key"));
        Message call = acme.send(SendMessage.callList(anna, "calls", "+4930123456"));
        fixtures.dispatch();
        acme.message(call.id());
        Message queuedLater = acme.send(orderConfirmation(anna).notBefore(START.plusSeconds(3600)));

        // then
        assertThatThrownBy(() -> globex.message(queued.id())).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> globex.cancel(queuedLater.id())).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> globex.report(DeliveryReport.of(queued.id(), DeliveryOutcome.BOUNCED, START)))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> globex.report(DeliveryReport.byProviderReference(ChannelKind.EMAIL,
                "rec-" + queued.id(), DeliveryOutcome.BOUNCED, START))).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> globex.messagesOf(anna, MessageFilter.everything(), PageRequest.first(10)))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> globex.cancelQueued(anna, null)).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> globex.send(orderConfirmation(anna))).isInstanceOf(NotFoundException.class);
        assertThat(globex.listEntries(ChannelKind.CALL_LIST, "calls", PageRequest.first(10)).items()).isEmpty();
        assertThat(acme.message(queuedLater.id()).status()).isEqualTo(MessageStatus.QUEUED);
        assertThat(acme.message(queued.id()).status()).isEqualTo(MessageStatus.SENT);
    }

    @Test
    void the_same_idempotency_key_in_two_tenants_queues_two_messages() {
        UUID bob = fixtures.personOf(OTHER_TENANT, "Bob").id();

        Message ours = acme.send(orderConfirmation(anna).withIdempotencyKey("k"));
        Message theirs = globex.send(orderConfirmation(bob).withIdempotencyKey("k"));

        assertThat(theirs.id()).isNotEqualTo(ours.id());
        fixtures.dispatch();
        assertThat(fixtures.channel.handedOver()).extracting(m -> m.tenantId()).containsExactlyInAnyOrder("acme",
                "globex");
    }
}
