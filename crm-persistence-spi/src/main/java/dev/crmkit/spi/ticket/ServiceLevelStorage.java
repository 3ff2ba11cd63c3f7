package dev.crmkit.spi.ticket;

import dev.crmkit.spi.StorageCapability;

/**
 * The storage capability of service levels: business-hours calendars (per tenant and team), service-level policies
 * (per tenant) and the milestones of tickets measured against them.
 */
public interface ServiceLevelStorage extends StorageCapability {
    /** Business-hours calendars. */
    BusinessCalendarStore calendars();

    /** Service-level policies. */
    SlaPolicyStore slaPolicies();

    /** The milestones of tickets. */
    MilestoneStore milestones();
}
