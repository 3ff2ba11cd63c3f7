package dev.crmkit.core.lead;

import dev.crmkit.core.common.EventType;
import java.time.Instant;
import java.util.UUID;

/** A lead got another owner (null: none), automatically, by hand or when its owner left. */
@EventType("lead.assigned")
public record LeadAssigned(String tenantId, UUID leadId, UUID fromOwnerId, UUID toOwnerId, Assignment how, Instant occurredAt) implements LeadEvent {
}
