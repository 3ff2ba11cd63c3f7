package dev.crmkit.core.ticket;

/** What happened to an open milestone's clock, in {@link TicketMilestoneChanged}. */
public enum MilestoneChange {
    /** The ticket waits on the customer: the clock stopped counting. */
    PAUSED,
    /** The customer answered: the clock counts again, and the due time moved by the paused business time. */
    RESUMED,
    /** The ticket's priority changed: the milestone has the target of the new priority. */
    RETARGETED
}
