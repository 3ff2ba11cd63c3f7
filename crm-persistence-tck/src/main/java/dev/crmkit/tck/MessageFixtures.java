package dev.crmkit.tck;

import dev.crmkit.model.message.ChannelKind;
import dev.crmkit.model.message.MessageContent;
import dev.crmkit.model.message.MessageDelivery;
import dev.crmkit.model.message.MessageOrigin;
import dev.crmkit.model.message.MessageStatus;
import dev.crmkit.model.message.Recipient;
import dev.crmkit.spi.message.MessageRecord;
import java.time.Instant;
import java.util.UUID;

/** Messages the messaging contracts store, at microsecond precision around {@link ContractSupport#NOW}. */
final class MessageFixtures {
    private MessageFixtures() {
    }

    /** A queued e-mail with only the required parts set. */
    static MessageRecord email(String tenantId, UUID customerId) {
        return new MessageRecord(tenantId, UUID.randomUUID(), 1, ContractSupport.NOW, ContractSupport.NOW,
                customerId, ChannelKind.EMAIL, null, new Recipient("jana@example.com", null),
                new MessageContent("Your order", "It ships today."), null, null, ContractSupport.NOW,
                MessageDelivery.queued());
    }

    /** A queued message of the given kind (on the list {@code listName} for a list kind). */
    static MessageRecord message(String tenantId, UUID customerId, ChannelKind kind, String listName) {
        MessageRecord m = email(tenantId, customerId);
        return new MessageRecord(m.tenantId(), m.id(), m.version(), m.createdAt(), m.updatedAt(), m.customerId(), kind,
                listName, m.recipient(), m.content(), m.origin(), m.idempotencyKey(), m.notBefore(), m.delivery());
    }

    /** The same message under another id. */
    static MessageRecord withId(MessageRecord m, UUID id) {
        return new MessageRecord(m.tenantId(), id, m.version(), m.createdAt(), m.updatedAt(), m.customerId(), m.kind(),
                m.listName(), m.recipient(), m.content(), m.origin(), m.idempotencyKey(), m.notBefore(), m.delivery());
    }

    /** The same message sent with a caller's idempotency key. */
    static MessageRecord withKey(MessageRecord m, String idempotencyKey) {
        return new MessageRecord(m.tenantId(), m.id(), m.version(), m.createdAt(), m.updatedAt(), m.customerId(),
                m.kind(), m.listName(), m.recipient(), m.content(), m.origin(), idempotencyKey, m.notBefore(),
                m.delivery());
    }

    /** The same message with another delivery, as it would be inserted (version 1). */
    static MessageRecord withDelivery(MessageRecord m, MessageDelivery delivery) {
        return new MessageRecord(m.tenantId(), m.id(), m.version(), m.createdAt(), m.updatedAt(), m.customerId(),
                m.kind(), m.listName(), m.recipient(), m.content(), m.origin(), m.idempotencyKey(), m.notBefore(),
                delivery);
    }

    /** A delivery in the given status, sent at {@code sentAt} (null: not sent) with a provider reference. */
    static MessageDelivery delivery(MessageStatus status, Instant sentAt, String providerReference) {
        return new MessageDelivery(status, sentAt == null ? 0 : 1, null, providerReference, null, sentAt, null);
    }

    /** A message with every part set, non-ASCII letters and a long body included. */
    static MessageRecord everyPart(String tenantId, UUID customerId) {
        return new MessageRecord(tenantId, UUID.randomUUID(), 1, ContractSupport.NOW, ContractSupport.NOW.plusSeconds(5),
                customerId, ChannelKind.DIRECT_MAIL, "spring-mailing_2026.A",
                new Recipient("Dr. Zoë Ångström-Øberg\nLöwenstraße 1\n8001 Zürich\nSchweiz", "Zoë Ångström-Øberg"),
                new MessageContent("Frühlingsangebot «Fjällräven» – 東京", "Liebe Zoë,\n" + "ü".repeat(99_989)),
                new MessageOrigin("campaign", UUID.randomUUID()), "crm-send-4711",
                ContractSupport.NOW.plusSeconds(3600),
                new MessageDelivery(MessageStatus.SENDING, 3, ContractSupport.NOW.plusSeconds(120), "ses-0102-abc",
                        "mailbox-full", ContractSupport.NOW.plusNanos(1_000), ContractSupport.NOW.plusSeconds(60)));
    }
}
