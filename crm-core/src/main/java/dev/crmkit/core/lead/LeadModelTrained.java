package dev.crmkit.core.lead;

import dev.crmkit.core.common.DomainEvent;
import dev.crmkit.core.common.EventType;
import java.time.Instant;
import java.util.UUID;

/**
 * A tenant's predictive lead-scoring model was trained and stored as its current model: every node scores with it
 * from now on. Says what it was trained on: how many converted and how many disqualified leads (the two outcomes it
 * tells apart), captured between {@code historyFrom} and {@code historyTo}; counts and times only, no lead's data.
 *
 * @param modelId           the tenant's model, the same id for every version
 * @param modelVersion      the version stored, 1 for the tenant's first model
 * @param model             which model: {@code naive-bayes}
 * @param convertedLeads    the converted leads it learned from
 * @param disqualifiedLeads the disqualified leads it learned from
 * @param historyFrom       when the earliest of those leads was captured
 * @param historyTo         when the latest of those leads was captured
 */
@EventType("lead.model-trained")
public record LeadModelTrained(String tenantId, UUID modelId, long modelVersion, String model, long convertedLeads,
        long disqualifiedLeads, Instant historyFrom, Instant historyTo, Instant occurredAt) implements DomainEvent {

    /** The lead domain's aggregate type, {@code lead}, which the type name starts with. */
    @Override
    public String aggregateType() {
        return LeadEvent.LEAD;
    }

    /** The model's id, not a lead's: the trainings of one tenant are delivered in order. */
    @Override
    public String aggregateId() {
        return modelId.toString();
    }
}
