package dev.crmkit.model.ticket;

/** The service-level milestones a ticket is measured against. */
public enum MilestoneKind {
    /** The first public response of an agent after the ticket was opened. */
    FIRST_RESPONSE,
    /** The next public response of an agent after a reply of the customer. */
    NEXT_RESPONSE,
    /** The ticket resolved. */
    RESOLUTION
}
