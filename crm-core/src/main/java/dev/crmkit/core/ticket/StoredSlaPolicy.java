package dev.crmkit.core.ticket;

import java.time.Instant;
import java.util.UUID;

/**
 * A tenant's SLA policy as stored, with the version to replace it over.
 *
 * @param id        the policy's id
 * @param version   its version (pass it to {@link TicketService#saveSlaPolicy} to replace it)
 * @param updatedAt when it was last stored
 * @param policy    the policy
 */
public record StoredSlaPolicy(UUID id, long version, Instant updatedAt, SlaPolicy policy) {
}
