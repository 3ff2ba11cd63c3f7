package dev.crmkit.model.opportunity;

import dev.crmkit.model.Checks;
import dev.crmkit.spi.opportunity.OpportunityRecord;
import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;

/**
 * Which opportunities a query selects; every condition set must hold, an unset one (null or empty) selects all.
 *
 * @param customerId deals of this customer
 * @param ownerId    deals owned by this team member
 * @param pipelineId deals in this pipeline
 * @param stageKey   deals in a stage with this key
 * @param statuses   deals with one of these statuses
 */
public record OpportunityFilter(UUID customerId, UUID ownerId, UUID pipelineId, String stageKey,
        Set<StageOutcome> statuses) {
    /**
     * Copies the statuses into an unmodifiable set.
     *
     * @throws dev.crmkit.model.ValidationException ({@code statuses}) when the set is null or holds null; ({@code
     *     stageKey}) when the key is longer than 64 characters
     */
    public OpportunityFilter {
        Checks.optionalText("stageKey", stageKey, 64);
        Checks.noNulls("statuses", statuses);
        statuses = statuses.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(statuses));
    }

    /** Every deal. */
    public static OpportunityFilter all() {
        return new OpportunityFilter(null, null, null, null, Set.of());
    }

    /** This filter, also requiring the customer. */
    public OpportunityFilter ofCustomer(UUID customerId) {
        return new OpportunityFilter(customerId, ownerId, pipelineId, stageKey, statuses);
    }

    /** This filter, also requiring the owner. */
    public OpportunityFilter ownedBy(UUID ownerId) {
        return new OpportunityFilter(customerId, ownerId, pipelineId, stageKey, statuses);
    }

    /** This filter, also requiring the pipeline. */
    public OpportunityFilter inPipeline(UUID pipelineId) {
        return new OpportunityFilter(customerId, ownerId, pipelineId, stageKey, statuses);
    }

    /** This filter, also requiring the stage key. */
    public OpportunityFilter inStage(String stageKey) {
        return new OpportunityFilter(customerId, ownerId, pipelineId, stageKey, statuses);
    }

    /** This filter, also requiring one of the statuses. */
    public OpportunityFilter withStatuses(Set<StageOutcome> statuses) {
        return new OpportunityFilter(customerId, ownerId, pipelineId, stageKey, statuses);
    }

    /** Whether {@code o} meets every condition: the reference meaning every store's query must match. */
    public boolean matches(OpportunityRecord o) {
        return (customerId == null || customerId.equals(o.customerId()))
                && (ownerId == null || ownerId.equals(o.ownerId()))
                && (pipelineId == null || pipelineId.equals(o.pipelineId()))
                && (stageKey == null || stageKey.equals(o.stageKey()))
                && (statuses.isEmpty() || statuses.contains(o.status()));
    }
}
