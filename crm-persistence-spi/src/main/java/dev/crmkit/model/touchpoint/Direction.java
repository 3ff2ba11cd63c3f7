package dev.crmkit.model.touchpoint;

/** Who started an interaction: the customer (inbound) or the company (outbound). */
public enum Direction {
    /** The customer started the contact: called, wrote, came in. */
    INBOUND,
    /** The company started the contact: called, mailed, sent a message. */
    OUTBOUND
}
