package dev.crmkit.model.ticket;

/** Where a ticket came in. */
public enum TicketChannel {
    /** An e-mail to the service address. */
    EMAIL,
    /** A form on the company's website. */
    WEB_FORM,
    /** A phone call taken by an agent. */
    PHONE,
    /** A chat conversation. */
    CHAT,
    /** The customer portal, where a signed-in customer opens tickets. */
    PORTAL
}
