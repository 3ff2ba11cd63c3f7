package dev.crmkit.core;

import dev.crmkit.core.customer.CustomerService;
import dev.crmkit.core.customfield.CustomFieldService;
import dev.crmkit.core.lead.LeadService;
import dev.crmkit.core.opportunity.OpportunityService;
import dev.crmkit.core.team.TeamService;
import dev.crmkit.core.touchpoint.TouchPointService;
import dev.crmkit.core.view.CustomerViewService;

/**
 * CRMKit for one tenant: every service it hands out is bound to the tenant, so commands carry no tenant id and a
 * tenant can never see or change another's data through it. Cheap to obtain; keep one or ask {@link Crm#tenant}
 * again per request, as convenient. Thread-safe.
 */
public interface TenantCrm {
    /** The tenant this handle is bound to. */
    String tenantId();

    /** Customers: persons and organizations, their contact points, duplicates, merges and imports. */
    CustomerService customers();

    /** The tenant's custom field definitions. */
    CustomFieldService customFields();

    /** Interactions on every channel, each customer's timeline, and follow-up tasks. */
    TouchPointService touchPoints();

    /** The sales reps, service agents and managers, their availability, and their teams. */
    TeamService teams();

    /** Leads from capture through scoring, distribution and qualification to conversion. */
    LeadService leads();

    /** Sales pipelines, the deals moving through them, their stage history and the sales reports. */
    OpportunityService opportunities();

    /** The 360-degree view of a customer in one call. */
    CustomerViewService customerViews();
}
