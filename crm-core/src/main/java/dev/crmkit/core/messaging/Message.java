package dev.crmkit.core.messaging;

import dev.crmkit.model.message.ChannelKind;
import dev.crmkit.model.message.MessageContent;
import dev.crmkit.model.message.MessageDelivery;
import dev.crmkit.model.message.MessageOrigin;
import dev.crmkit.model.message.MessageStatus;
import dev.crmkit.model.message.Recipient;
import dev.crmkit.spi.message.MessageRecord;
import java.time.Instant;
import java.util.UUID;

/**
 * A message as the messaging service reports it: what was asked ({@code kind}, {@code listName}, {@code recipient},
 * {@code content}, {@code origin}, {@code notBefore}) and how far it got ({@code delivery}: status, attempts,
 * provider reference, the last failure's reason, when it was sent and when the last outcome happened).
 * {@code recipient} and {@code content} are null once the person's data was erased. {@code version} is the optimistic
 * version of the stored message.
 */
public record Message(
        UUID id,
        long version,
        UUID customerId,
        ChannelKind kind,
        String listName,
        Recipient recipient,
        MessageContent content,
        MessageOrigin origin,
        Instant notBefore,
        MessageDelivery delivery,
        Instant createdAt,
        Instant updatedAt) {

    static Message of(MessageRecord r) {
        return new Message(r.id(), r.version(), r.customerId(), r.kind(), r.listName(), r.recipient(), r.content(),
                r.origin(), r.notBefore(), r.delivery(), r.createdAt(), r.updatedAt());
    }

    /** The message's status. */
    public MessageStatus status() {
        return delivery.status();
    }
}
