package dev.crmkit.core.lead;

import dev.crmkit.core.common.EventType;
import dev.crmkit.model.lead.LeadSource;
import java.time.Instant;
import java.util.UUID;

/** A capture matched an open lead and was folded into it. */
@EventType("lead.resubmitted")
public record LeadResubmitted(String tenantId, UUID leadId, LeadSource source, String campaignId, Instant occurredAt) implements LeadEvent {
}
