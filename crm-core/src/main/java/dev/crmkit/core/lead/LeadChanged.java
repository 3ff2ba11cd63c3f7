package dev.crmkit.core.lead;

import dev.crmkit.core.common.EventType;
import java.time.Instant;
import java.util.UUID;

/** A lead's details or qualification answers changed. */
@EventType("lead.changed")
public record LeadChanged(String tenantId, UUID leadId, int qualificationAnswers, Instant occurredAt) implements LeadEvent {
}
