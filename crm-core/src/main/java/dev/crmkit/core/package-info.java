/**
 * The entry point of CRMKit. Build one {@link dev.crmkit.core.Crm} per application with
 * {@link dev.crmkit.core.Crm#builder()} (storage, clock, ids, options), then work per tenant through
 * {@link dev.crmkit.core.Crm#tenant(String)}, whose {@link dev.crmkit.core.TenantCrm} hands out the domain services
 * bound to that tenant: {@code customers()}, {@code customFields()}, and the services of the other domains.
 */
package dev.crmkit.core;
