package dev.crmkit.core.messaging;

import dev.crmkit.model.message.MessageStatus;

/** What a provider reports about a message it accepted. */
public enum DeliveryOutcome {
    /** It reached the recipient's mailbox, phone or device (for a list: the call was made, the letter posted). */
    DELIVERED(MessageStatus.DELIVERED),
    /** The address rejected it (a hard or soft bounce: say which in the report's reason). */
    BOUNCED(MessageStatus.BOUNCED),
    /** The recipient marked it as unwanted. */
    COMPLAINED(MessageStatus.COMPLAINED),
    /** The provider gave up on it (an undeliverable text message, a call nobody answered). */
    FAILED(MessageStatus.FAILED);

    private final MessageStatus status;

    DeliveryOutcome(MessageStatus status) {
        this.status = status;
    }

    /** The status a message reported with this outcome is in. */
    public MessageStatus status() {
        return status;
    }
}
