package dev.crmkit.core.lead;

import dev.crmkit.core.common.Actor;
import dev.crmkit.core.common.Money;
import dev.crmkit.model.lead.LeadSource;
import java.util.UUID;

/**
 * How conversion opens an opportunity, inside the conversion's transaction: {@code Crm} connects it to the
 * opportunity service, so this package needs no compile-time knowledge of pipelines. Returns the new
 * opportunity's id.
 */
@FunctionalInterface
public interface OpportunityOpener {
    /** Opens an opportunity for the customer in the tenant's default pipeline and returns its id. */
    UUID open(UUID customerId, String name, Money amount, UUID ownerId, UUID sourceLeadId, LeadSource source,
            Actor actor);
}
