package dev.crmkit.core.lead;

import dev.crmkit.core.common.EventType;
import java.time.Instant;
import java.util.UUID;

/** A lead's score changed, from one value to another. */
@EventType("lead.scored")
public record LeadScored(String tenantId, UUID leadId, int fromScore, int toScore, Instant occurredAt) implements LeadEvent {
}
