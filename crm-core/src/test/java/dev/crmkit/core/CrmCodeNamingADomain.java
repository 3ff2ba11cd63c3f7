package dev.crmkit.core;

/** A deliberate violation of the domain-modules rule: code in {@code Crm}'s package that names a domain's service. */
public final class CrmCodeNamingADomain {
    dev.crmkit.core.lead.LeadService leads;
}
