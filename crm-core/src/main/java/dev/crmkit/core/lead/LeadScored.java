package dev.crmkit.core.lead;

import java.time.Instant;
import java.util.UUID;

/** A lead's score changed, from one value to another. */
public record LeadScored(String tenantId, UUID leadId, int fromScore, int toScore, Instant occurredAt) implements LeadEvent {
}
