package dev.crmkit.core.lead;

import java.time.Instant;
import java.util.UUID;

/** A lead's details or qualification answers changed. */
public record LeadChanged(String tenantId, UUID leadId, int qualificationAnswers, Instant occurredAt) implements LeadEvent {
}
