package dev.crmkit.core.lead;

import dev.crmkit.core.common.EventType;
import dev.crmkit.model.lead.LeadSource;
import java.time.Instant;
import java.util.UUID;

/** A lead was captured: new, with its source, score and what matching found. */
@EventType("lead.captured")
public record LeadCaptured(String tenantId, UUID leadId, LeadSource source, String campaignId, int score, UUID matchedCustomerId,
        boolean needsReview, Instant occurredAt) implements LeadEvent {
}
