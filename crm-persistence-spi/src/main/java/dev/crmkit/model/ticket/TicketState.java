package dev.crmkit.model.ticket;

/**
 * Where a ticket is in its life. The allowed moves between them are written once, in the ticket domain's
 * {@code TicketAggregate}, and shown in {@code docs/service.md}.
 */
public enum TicketState {
    /** Opened, not yet taken up by an agent. */
    NEW,
    /** Being worked on. */
    OPEN,
    /** Waiting for the customer to answer. */
    WAITING_ON_CUSTOMER,
    /** Waiting for a third party: a supplier, a carrier, another department. */
    WAITING_ON_THIRD_PARTY,
    /** Solved; the customer may still reopen it within the tenant's window. */
    RESOLVED,
    /** Done: closed after it was resolved, or merged into another ticket as a duplicate. */
    CLOSED;

    /** Whether the ticket waits on someone other than the agent. */
    public boolean isWaiting() {
        return this == WAITING_ON_CUSTOMER || this == WAITING_ON_THIRD_PARTY;
    }

    /** Whether the ticket still needs work: not resolved and not closed. */
    public boolean isActive() {
        return this != RESOLVED && this != CLOSED;
    }
}
