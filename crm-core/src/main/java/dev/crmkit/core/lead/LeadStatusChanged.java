package dev.crmkit.core.lead;

import dev.crmkit.core.common.EventType;
import dev.crmkit.model.lead.LeadStatus;
import java.time.Instant;
import java.util.UUID;

/** A lead moved in its lifecycle. */
@EventType("lead.status-changed")
public record LeadStatusChanged(String tenantId, UUID leadId, LeadStatus from, LeadStatus to, Instant occurredAt) implements LeadEvent {
}
