package dev.crmkit.core;

import dev.crmkit.core.common.CoreContext;
import dev.crmkit.core.customer.CustomerService;
import dev.crmkit.core.customer.CustomerSettings;
import dev.crmkit.core.customfield.CustomFieldService;
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
    private final OpportunityService opportunities;

    DefaultTenantCrm(CoreContext context, String tenantId, CustomerSettings customerSettings) {
        this.tenantId = tenantId;
        this.customers = CustomerService.forTenant(context, tenantId, customerSettings);
        this.customFields = CustomFieldService.forTenant(context, tenantId);
        this.touchPoints = TouchPointService.create(context, tenantId);
        this.customerViews = CustomerViewService.create(context, tenantId);
        this.teams = TeamService.create(context, tenantId);
        this.opportunities = OpportunityService.create(context, tenantId);
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
    public OpportunityService opportunities() {
        return opportunities;
    }

    @Override
    public CustomerViewService customerViews() {
        return customerViews;
    }
}
