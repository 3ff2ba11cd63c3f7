package dev.crmkit.core.messaging;

import dev.crmkit.core.common.DomainEvent;
import dev.crmkit.model.message.ChannelKind;
import java.util.UUID;

/**
 * The domain events of outgoing messages, recorded in the outbox in the same transaction as the change they report
 * and delivered in order per message. Every payload carries the message's id, its customer, its channel kind and its
 * origin (the code and id of what sent it, so a campaign can follow its own messages); never the recipient's address
 * or name, nor the content: a listener that needs them reads the message by id.
 */
public sealed interface MessageEvent extends DomainEvent
        permits MessageQueued, MessageSent, MessageDelivered, MessageBounced, MessageComplained, MessageFailed,
        MessageCancelled {

    /** The aggregate type of every message event. */
    String MESSAGE = "message";

    /** The message. */
    UUID messageId();

    /** The customer it is for. */
    UUID customerId();

    /** The kind of channel that sends it. */
    ChannelKind kind();

    /** The code of what sent it, or null. */
    String origin();

    /** The id of what sent it, or null. */
    UUID originId();

    @Override
    default String aggregateType() {
        return MESSAGE;
    }

    @Override
    default String aggregateId() {
        return messageId().toString();
    }
}
