package dev.crmkit.core.lead;

import java.time.Instant;
import java.util.UUID;

/** A lead was not contacted by its first-contact target: an alert for its owner (null: unassigned) and their manager. */
public record LeadFirstContactOverdue(String tenantId, UUID leadId, UUID ownerId, Instant dueAt, Instant occurredAt) implements LeadEvent {
}
