package dev.crmkit.core;

import dev.crmkit.core.common.CoreContext;
import dev.crmkit.core.customer.CustomerService;
import dev.crmkit.core.customer.CustomerSettings;
import dev.crmkit.core.customer.ContactValues;
import dev.crmkit.core.customfield.CustomFieldService;
import dev.crmkit.core.lead.LeadService;
import dev.crmkit.core.lead.LeadSettings;
import dev.crmkit.core.lead.OpportunityOpener;
import dev.crmkit.core.lead.PredictiveModels;
import dev.crmkit.core.opportunity.OpenOpportunity;
import dev.crmkit.core.opportunity.OpportunityService;
import dev.crmkit.core.team.TeamService;
import dev.crmkit.core.touchpoint.TouchPointService;
import dev.crmkit.core.view.CustomerViewService;

/** The services of one tenant, made once per handle. */
final class DefaultTenantCrm implements TenantCrm {
    private final String tenantId;
    private final CustomerService customers;
    private final CustomFieldService customFields;
    private final TouchPointService touchPoints;
    private final CustomerViewService customerViews;
    private final TeamService teams;
    private final LeadService leads;
    private final OpportunityService opportunities;

    DefaultTenantCrm(CoreContext context, String tenantId, CustomerSettings customerSettings,
            LeadSettings leadSettings, PredictiveModels predictiveModels) {
        this.tenantId = tenantId;
        this.customers = CustomerService.forTenant(context, tenantId, customerSettings);
        this.customFields = CustomFieldService.forTenant(context, tenantId);
        this.touchPoints = TouchPointService.create(context, tenantId);
        this.customerViews = CustomerViewService.create(context, tenantId);
        this.teams = TeamService.create(context, tenantId);
        this.opportunities = OpportunityService.create(context, tenantId);
        this.leads = LeadService.create(context, tenantId, leadSettings,
                ContactValues.forRegion(customerSettings.defaultPhoneRegion()), customers, teams, predictiveModels,
                opportunityOpener(opportunities));
    }

    @Override
    public String tenantId() {
        return tenantId;
    }

    @Override
    public CustomerService customers() {
        return customers;
    }

    @Override
    public CustomFieldService customFields() {
        return customFields;
    }

    @Override
    public TouchPointService touchPoints() {
        return touchPoints;
    }

    @Override
    public TeamService teams() {
        return teams;
    }

    @Override
    public LeadService leads() {
        return leads;
    }

    @Override
    public OpportunityService opportunities() {
        return opportunities;
    }

    /** Conversion opens its opportunity through the tenant's opportunity service, in the conversion's transaction. */
    private static OpportunityOpener opportunityOpener(OpportunityService opportunities) {
        return (customerId, name, amount, ownerId, leadId, source, actor) -> {
            OpenOpportunity open = OpenOpportunity.of(customerId, name).ownedBy(ownerId).fromLead(leadId, source.name());
            return opportunities.open(amount == null ? open : open.withAmount(amount), actor).id();
        };
    }

    @Override
    public CustomerViewService customerViews() {
        return customerViews;
    }
}
