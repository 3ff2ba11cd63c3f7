package dev.crmkit.core;

import dev.crmkit.core.module.TenantServices;

/**
 * CRMKit for one tenant: the services of every registered domain, each bound to the tenant, so commands carry no
 * tenant id and a tenant can never see or change another's data through it. Ask for a service by its type:
 *
 * <pre>{@code
 * TenantCrm shop = crm.tenant("acme-shop");
 * CustomerService customers = shop.service(CustomerService.class);
 * LeadService leads = shop.service(LeadService.class);
 * }</pre>
 *
 * <p>The built-in domains offer {@code CustomerService}, {@code CustomFieldService}, {@code TouchPointService},
 * {@code CustomerViewService}, {@code TeamService}, {@code LeadService} and {@code OpportunityService}; a host's own
 * domains offer theirs the same way. Cheap to obtain; keep one or ask {@link Crm#tenant} again per request, as
 * convenient. Thread-safe.
 */
public interface TenantCrm extends TenantServices {
}
