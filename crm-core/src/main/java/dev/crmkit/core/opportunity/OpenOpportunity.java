package dev.crmkit.core.opportunity;

import dev.crmkit.core.common.Money;
import dev.crmkit.model.opportunity.ForecastCategory;
import dev.crmkit.model.opportunity.OpportunityContact;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Opens a deal for a customer. Start with {@link #of} and add the rest with the {@code with...} methods; everything
 * but the customer and the name is optional:
 *
 * <ul>
 *   <li>{@code pipelineId}: null for the tenant's default pipeline; {@code stageKey}: null for its first open
 *       stage; {@code probability} and {@code forecastCategory}: null for the stage's.</li>
 *   <li>{@code amount}: with line items, null or their total; {@code ownerId}: a team member of the tenant.</li>
 *   <li>{@code sourceLeadId}, {@code leadSource}: the lead it was converted from and that lead's source code.</li>
 * </ul>
 */
public record OpenOpportunity(UUID customerId, String name, UUID pipelineId, String stageKey, UUID ownerId,
        Money amount, Integer probability, ForecastCategory forecastCategory, LocalDate expectedCloseDate,
        List<LineItem> lineItems, Set<OpportunityContact> contacts, Set<String> competitors, UUID sourceLeadId,
        String leadSource) {

    /** A deal in the default pipeline's first open stage, with nothing else set. */
    public static OpenOpportunity of(UUID customerId, String name) {
        return new OpenOpportunity(customerId, name, null, null, null, null, null, null, null, List.of(), Set.of(),
                Set.of(), null, null);
    }

    /** This deal in a pipeline. */
    public OpenOpportunity inPipeline(UUID pipelineId) {
        return new OpenOpportunity(customerId, name, pipelineId, stageKey, ownerId, amount, probability,
                forecastCategory, expectedCloseDate, lineItems, contacts, competitors, sourceLeadId, leadSource);
    }

    /** This deal opened in an open stage other than the first. */
    public OpenOpportunity inStage(String stageKey) {
        return new OpenOpportunity(customerId, name, pipelineId, stageKey, ownerId, amount, probability,
                forecastCategory, expectedCloseDate, lineItems, contacts, competitors, sourceLeadId, leadSource);
    }

    /** This deal owned by a team member. */
    public OpenOpportunity ownedBy(UUID ownerId) {
        return new OpenOpportunity(customerId, name, pipelineId, stageKey, ownerId, amount, probability,
                forecastCategory, expectedCloseDate, lineItems, contacts, competitors, sourceLeadId, leadSource);
    }

    /** This deal with an amount. */
    public OpenOpportunity withAmount(Money amount) {
        return new OpenOpportunity(customerId, name, pipelineId, stageKey, ownerId, amount, probability,
                forecastCategory, expectedCloseDate, lineItems, contacts, competitors, sourceLeadId, leadSource);
    }

    /** This deal with a probability (0 to 100) other than the stage's. */
    public OpenOpportunity withProbability(int probability) {
        return new OpenOpportunity(customerId, name, pipelineId, stageKey, ownerId, amount, probability,
                forecastCategory, expectedCloseDate, lineItems, contacts, competitors, sourceLeadId, leadSource);
    }

    /** This deal in a forecast category other than the stage's. */
    public OpenOpportunity withForecastCategory(ForecastCategory category) {
        return new OpenOpportunity(customerId, name, pipelineId, stageKey, ownerId, amount, probability, category,
                expectedCloseDate, lineItems, contacts, competitors, sourceLeadId, leadSource);
    }

    /** This deal expected to close on a date. */
    public OpenOpportunity closingOn(LocalDate date) {
        return new OpenOpportunity(customerId, name, pipelineId, stageKey, ownerId, amount, probability,
                forecastCategory, date, lineItems, contacts, competitors, sourceLeadId, leadSource);
    }

    /** This deal with line items, from which its amount derives. */
    public OpenOpportunity withLineItems(List<LineItem> items) {
        return new OpenOpportunity(customerId, name, pipelineId, stageKey, ownerId, amount, probability,
                forecastCategory, expectedCloseDate, items, contacts, competitors, sourceLeadId, leadSource);
    }

    /** This deal with contact roles. */
    public OpenOpportunity withContacts(Set<OpportunityContact> contacts) {
        return new OpenOpportunity(customerId, name, pipelineId, stageKey, ownerId, amount, probability,
                forecastCategory, expectedCloseDate, lineItems, contacts, competitors, sourceLeadId, leadSource);
    }

    /** This deal with competitors' names. */
    public OpenOpportunity withCompetitors(Set<String> competitors) {
        return new OpenOpportunity(customerId, name, pipelineId, stageKey, ownerId, amount, probability,
                forecastCategory, expectedCloseDate, lineItems, contacts, competitors, sourceLeadId, leadSource);
    }

    /** This deal converted from a lead with a source code such as {@code web-form} (either may be null). */
    public OpenOpportunity fromLead(UUID leadId, String source) {
        return new OpenOpportunity(customerId, name, pipelineId, stageKey, ownerId, amount, probability,
                forecastCategory, expectedCloseDate, lineItems, contacts, competitors, leadId, source);
    }
}
