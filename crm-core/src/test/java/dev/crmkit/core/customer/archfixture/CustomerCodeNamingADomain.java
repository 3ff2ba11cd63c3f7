package dev.crmkit.core.customer.archfixture;

/**
 * A deliberate violation of the customer domain's declared uses: customer code that moves leads and deals itself, as
 * the customer merge did before each domain took part in it through its own merge part.
 */
public final class CustomerCodeNamingADomain {
    dev.crmkit.spi.lead.LeadStorage leads;
    dev.crmkit.core.opportunity.OpportunityService deals;
}
