package dev.crmkit.core.opportunity;

import dev.crmkit.core.common.EventType;
import dev.crmkit.model.opportunity.ReopenRule;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A pipeline was defined or redefined: its stage keys in order and its reopen rule, at a version. */
@EventType("pipeline.defined")
public record PipelineDefined(String tenantId, UUID pipelineId, long version, List<String> stageKeys,
        ReopenRule reopenRule, Instant occurredAt) implements OpportunityEvent {
    @Override
    public String aggregateId() {
        return pipelineId.toString();
    }

    @Override
    public String aggregateType() {
        return PIPELINE;
    }
}
