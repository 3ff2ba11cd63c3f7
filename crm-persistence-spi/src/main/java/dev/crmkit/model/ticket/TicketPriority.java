package dev.crmkit.model.ticket;

/** How urgent a ticket is, lowest first. */
public enum TicketPriority {
    /** Can wait. */
    LOW,
    /** The usual. */
    NORMAL,
    /** Comes before the usual. */
    HIGH,
    /** Comes first. */
    URGENT
}
