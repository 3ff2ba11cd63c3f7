package dev.crmkit.core.lead;

import dev.crmkit.core.common.EventType;
import dev.crmkit.model.lead.LeadSource;
import java.time.Instant;
import java.util.UUID;

/** A qualified lead became a customer (new or existing) and perhaps an opportunity; its touch points moved to the customer. */
@EventType("lead.converted")
public record LeadConverted(String tenantId, UUID leadId, UUID customerId, boolean newCustomer, UUID opportunityId,
        LeadSource source, String campaignId, int touchPointsMoved, Instant occurredAt) implements LeadEvent {
}
