package dev.crmkit.core.lead;

import dev.crmkit.core.common.EventType;
import java.time.Instant;
import java.util.UUID;

/** A lead was not contacted by its first-contact target: an alert for its owner (null: unassigned) and their manager. */
@EventType("lead.first-contact-overdue")
public record LeadFirstContactOverdue(String tenantId, UUID leadId, UUID ownerId, Instant dueAt, Instant occurredAt) implements LeadEvent {
}
