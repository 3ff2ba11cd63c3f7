package dev.crmkit.core.ticket;

import dev.crmkit.core.common.DomainEvent;

/**
 * The domain events of a tenant's service-level settings: its business-hours calendars and its SLA policy. Payloads
 * carry ids, codes, versions and times only.
 */
public sealed interface ServiceLevelEvent extends DomainEvent permits BusinessCalendarSaved, SlaPolicySaved {
    /** The aggregate type of calendar events; the events of one calendar are delivered in order. */
    String CALENDAR = "business-calendar";

    /** The aggregate type of policy events; the events of a tenant's policy are delivered in order. */
    String POLICY = "sla-policy";
}
