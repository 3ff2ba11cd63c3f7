package dev.crmkit.core.lead;

import dev.crmkit.core.customer.CustomerService;
import dev.crmkit.core.customer.RegisterCustomer;
import dev.crmkit.core.customer.RegisterOrganization;
import dev.crmkit.core.customer.RegisterPerson;
import dev.crmkit.core.module.DomainContext;
import dev.crmkit.model.NotFoundException;
import dev.crmkit.model.lead.LeadDetails;
import dev.crmkit.spi.lead.LeadRecord;
import dev.crmkit.spi.touchpoint.TouchPointStorage;
import java.time.Instant;
import java.util.UUID;

/**
 * The work a conversion does outside the lead, inside the caller's transaction, once the lead aggregate allowed it:
 * finds or registers the customer, moves the lead's touch points to it, and opens the opportunity if asked. Closing
 * the lead as converted is the aggregate's ({@code LeadAggregate.convert}).
 */
final class LeadConverter {
    private final DomainContext context;
    private final String tenantId;
    private final CustomerService customers;
    private final OpportunityOpener opportunities;

    LeadConverter(DomainContext context, String tenantId, CustomerService customers, OpportunityOpener opportunities) {
        this.context = context;
        this.tenantId = tenantId;
        this.customers = customers;
        this.opportunities = opportunities;
    }

    /** What the conversion found or made: the customer (new or not), the opportunity (or null), the touch points moved. */
    record Converted(UUID customerId, boolean newCustomer, UUID opportunityId, int touchPointsMoved) {
    }

    Converted convert(LeadRecord lead, ConvertLead command, Instant now) {
        UUID customerId;
        boolean newCustomer = false;
        if (command.customerId() != null) {
            customerId = customers.get(command.customerId()).id();
        } else if (lead.matchedCustomerId() != null && exists(lead.matchedCustomerId())) {
            customerId = customers.get(lead.matchedCustomerId()).id();
        } else {
            customerId = customers.register(registration(lead.details(), lead.ownerId())).customer().id();
            newCustomer = true;
        }
        int moved = context.storage(TouchPointStorage.class).interactions().moveAll(tenantId, lead.id(), customerId, now);
        UUID opportunityId = command.opportunityName() == null ? null
                : opportunities.open(customerId, command.opportunityName(), command.amount(), lead.ownerId(),
                        lead.id(), lead.attribution().source(), command.actor());
        return new Converted(customerId, newCustomer, opportunityId, moved);
    }

    private boolean exists(UUID customerId) {
        try {
            customers.get(customerId);
            return true;
        } catch (NotFoundException e) {
            return false;
        }
    }

    /** A person when the lead names one, else the company as an organization. */
    private static RegisterCustomer registration(LeadDetails d, UUID owner) {
        if (d.givenName() != null || d.familyName() != null) {
            RegisterPerson person = RegisterPerson.named(d.givenName(), d.familyName());
            if (d.companyName() != null) {
                person = person.withOrganizationName(d.companyName());
            }
            if (d.email() != null) {
                person = person.withEmail(d.email());
            }
            if (d.phone() != null) {
                person = person.withPhone(d.phone());
            }
            return owner == null ? person : person.withOwner(owner);
        }
        RegisterOrganization organization = RegisterOrganization.named(d.companyName() != null ? d.companyName()
                : d.email());
        if (d.email() != null) {
            organization = organization.withEmail(d.email());
        }
        if (d.phone() != null) {
            organization = organization.withPhone(d.phone());
        }
        return owner == null ? organization : organization.withOwner(owner);
    }
}
