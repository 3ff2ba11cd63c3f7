package dev.crmkit.core.lead;

import dev.crmkit.core.common.Actor;
import dev.crmkit.core.common.Money;
import dev.crmkit.core.common.Text;
import dev.crmkit.model.Checks;
import java.util.UUID;

/**
 * Converts a qualified lead. The customer is {@code customerId} when given, else the customer the lead was linked
 * to on capture, else a new one registered from the lead's details (a person, or an organization when the lead
 * names only a company). With {@code opportunityName} set, an opportunity for the customer opens in the tenant's
 * default pipeline, owned by the lead's owner, with {@code amount} if given. Start with {@link #of(UUID, Actor)}.
 */
public record ConvertLead(UUID leadId, UUID customerId, String opportunityName, Money amount, Actor actor) {
    /**
     * @throws dev.crmkit.model.ValidationException ({@code leadId}, {@code actor}) when either is null;
     *     ({@code opportunityName}) when it is longer than 200 characters; ({@code amount}) when an amount comes
     *     without an opportunity name
     */
    public ConvertLead {
        Checks.id("leadId", leadId);
        Checks.required("actor", actor);
        opportunityName = Text.optional("opportunityName", opportunityName, 200);
        if (amount != null && opportunityName == null) {
            throw new dev.crmkit.model.ValidationException("amount", "needs an opportunityName to belong to");
        }
    }

    /** Converts to the linked or a new customer, without an opportunity. */
    public static ConvertLead of(UUID leadId, Actor actor) {
        return new ConvertLead(leadId, null, null, null, actor);
    }

    /** The same conversion into an existing customer. */
    public ConvertLead intoCustomer(UUID customerId) {
        return new ConvertLead(leadId, customerId, opportunityName, amount, actor);
    }

    /** The same conversion, also opening an opportunity of this name and amount (null if not known yet). */
    public ConvertLead withOpportunity(String name, Money amount) {
        return new ConvertLead(leadId, customerId, name, amount, actor);
    }
}
