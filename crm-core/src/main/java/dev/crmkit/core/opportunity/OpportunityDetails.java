package dev.crmkit.core.opportunity;

import dev.crmkit.core.common.Money;
import dev.crmkit.model.opportunity.ForecastCategory;
import dev.crmkit.model.opportunity.OpportunityContact;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * What {@link OpportunityService#revise} sets on a deal: everything a rep edits, but not its stage (which moves
 * through the lifecycle) nor its customer, pipeline or origin. Start from {@link #of(Opportunity)} and change parts
 * with the {@code with...} methods; the rules are those of {@link OpenOpportunity}.
 */
public record OpportunityDetails(String name, UUID ownerId, Money amount, int probability,
        ForecastCategory forecastCategory, LocalDate expectedCloseDate, List<LineItem> lineItems,
        Set<OpportunityContact> contacts, Set<String> competitors) {

    /** The details a deal has now. */
    public static OpportunityDetails of(Opportunity o) {
        return new OpportunityDetails(o.name(), o.ownerId(), o.amount(), o.probability(), o.forecastCategory(),
                o.expectedCloseDate(), o.lineItems(), o.contacts(), o.competitors());
    }

    /** These details with another name. */
    public OpportunityDetails withName(String name) {
        return new OpportunityDetails(name, ownerId, amount, probability, forecastCategory, expectedCloseDate,
                lineItems, contacts, competitors);
    }

    /** These details with another owner ({@code null}: unowned). */
    public OpportunityDetails withOwner(UUID ownerId) {
        return new OpportunityDetails(name, ownerId, amount, probability, forecastCategory, expectedCloseDate,
                lineItems, contacts, competitors);
    }

    /** These details with another amount; with line items it must be null or their total. */
    public OpportunityDetails withAmount(Money amount) {
        return new OpportunityDetails(name, ownerId, amount, probability, forecastCategory, expectedCloseDate,
                lineItems, contacts, competitors);
    }

    /** These details with another probability, 0 to 100. */
    public OpportunityDetails withProbability(int probability) {
        return new OpportunityDetails(name, ownerId, amount, probability, forecastCategory, expectedCloseDate,
                lineItems, contacts, competitors);
    }

    /** These details in another forecast category. */
    public OpportunityDetails withForecastCategory(ForecastCategory category) {
        return new OpportunityDetails(name, ownerId, amount, probability, category, expectedCloseDate, lineItems,
                contacts, competitors);
    }

    /** These details with another expected close date. */
    public OpportunityDetails closingOn(LocalDate date) {
        return new OpportunityDetails(name, ownerId, amount, probability, forecastCategory, date, lineItems, contacts,
                competitors);
    }

    /** These details with other line items; the amount is then derived from them (none: no amount). */
    public OpportunityDetails withLineItems(List<LineItem> items) {
        return new OpportunityDetails(name, ownerId, null, probability, forecastCategory, expectedCloseDate, items,
                contacts, competitors);
    }

    /** These details with other contact roles. */
    public OpportunityDetails withContacts(Set<OpportunityContact> contacts) {
        return new OpportunityDetails(name, ownerId, amount, probability, forecastCategory, expectedCloseDate,
                lineItems, contacts, competitors);
    }

    /** These details with other competitors. */
    public OpportunityDetails withCompetitors(Set<String> competitors) {
        return new OpportunityDetails(name, ownerId, amount, probability, forecastCategory, expectedCloseDate,
                lineItems, contacts, competitors);
    }
}
