package dev.crmkit.spi.ticket;

import dev.crmkit.spi.StorageCapability;

/**
 * The storage capability of service levels: business-hours calendars (per tenant and team), service-level policies
 * (per tenant) and the milestones of tickets measured against them; and what ticket routing keeps (agents' routing
 * slots, the queue of tickets waiting for an agent).
 */
public interface ServiceLevelStorage extends StorageCapability {
    /** Business-hours calendars. */
    BusinessCalendarStore calendars();

    /** Service-level policies. */
    SlaPolicyStore slaPolicies();

    /** The milestones of tickets. */
    MilestoneStore milestones();

    /** Ticket routing: agents' routing slots, their open-ticket counts and the waiting queue. */
    TicketRoutingStore routing();
}
