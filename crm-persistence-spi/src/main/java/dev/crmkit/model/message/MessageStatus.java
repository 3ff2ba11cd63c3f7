package dev.crmkit.model.message;

/**
 * Where a message is in its life. The core's messaging domain decides which changes are legal; the storage keeps the
 * status it is given.
 */
public enum MessageStatus {
    /** Waiting to be handed to its channel: new, held back by a rate limit, or waiting to be retried. */
    QUEUED,
    /** Being handed to its channel: the outcome is not recorded yet. */
    SENDING,
    /** The channel accepted it (for a list channel: it is on its list). */
    SENT,
    /** The provider reported it delivered. */
    DELIVERED,
    /** The provider reported that the address rejected it. */
    BOUNCED,
    /** The recipient marked it as unwanted (a spam complaint). */
    COMPLAINED,
    /** It could not be sent or delivered, and no retry follows. */
    FAILED,
    /** It was called off before it was handed to its channel. */
    CANCELLED
}
