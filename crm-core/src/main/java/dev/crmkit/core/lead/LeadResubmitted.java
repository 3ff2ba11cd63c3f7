package dev.crmkit.core.lead;

import dev.crmkit.spi.lead.LeadSource;
import java.time.Instant;
import java.util.UUID;

/** A capture matched an open lead and was folded into it. */
public record LeadResubmitted(String tenantId, UUID leadId, LeadSource source, String campaignId, Instant occurredAt) implements LeadEvent {
}
