package dev.crmkit.model.ticket;

/** What a customer asks for with a ticket. */
public enum TicketKind {
    /** A request for a service: a change, an installation, an account matter. */
    SERVICE_REQUEST,
    /** A complaint about a product, a service or how the customer was treated. */
    COMPLAINT,
    /** A product sent back, with a return authorization and the host's product and order references. */
    PRODUCT_RETURN,
    /** A question the customer wants answered. */
    INFORMATION_REQUEST,
    /** Something that stopped working and needs restoring. */
    INCIDENT
}
