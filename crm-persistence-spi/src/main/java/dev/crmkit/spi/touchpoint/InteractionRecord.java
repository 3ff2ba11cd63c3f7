package dev.crmkit.spi.touchpoint;

import dev.crmkit.model.Checks;
import dev.crmkit.model.touchpoint.Channel;
import dev.crmkit.model.touchpoint.Direction;
import dev.crmkit.model.touchpoint.Purpose;
import dev.crmkit.spi.StoredRecord;
import java.time.Instant;
import java.util.UUID;

/**
 * One touch point: a contact between the company and a customer on a channel, at a time.
 *
 * <ul>
 *   <li>{@code customerId}: the party the contact was with: a customer, or a lead that has not converted yet (ids
 *       are unique across both, and conversion moves a lead's interactions to its customer).</li>
 *   <li>{@code outcome}: a short code such as {@code reached}, {@code no-answer}, {@code order-placed}; optional, at most 50.</li>
 *   <li>{@code agentId}: the user who handled it; optional, at most 100.</li>
 *   <li>{@code summary}: free text; optional, at most 4000.</li>
 *   <li>{@code idempotencyKey}: the caller's key for a retried recording; optional, unique in the tenant, at most 100.</li>
 * </ul>
 */
public record InteractionRecord(
        String tenantId,
        UUID id,
        long version,
        Instant createdAt,
        Instant updatedAt,
        UUID customerId,
        Channel channel,
        Direction direction,
        Purpose purpose,
        String outcome,
        String agentId,
        String summary,
        Instant occurredAt,
        String idempotencyKey) implements StoredRecord {

    /**
     * Checks the rules above: tenant id, id, a version of 1 or more and both timestamps are required, and the
     * timestamps are truncated to microseconds, the precision every backend keeps.
     * {@code occurredAt} is required and truncated the same way.
     *
     * @throws dev.crmkit.model.ValidationException naming the first component that breaks a rule
     */
    public InteractionRecord {
        Checks.tenantId("tenantId", tenantId);
        Checks.id("id", id);
        Checks.version("version", version);
        createdAt = Checks.instant("createdAt", createdAt);
        updatedAt = Checks.instant("updatedAt", updatedAt);
        Checks.id("customerId", customerId);
        Checks.required("channel", channel);
        Checks.required("direction", direction);
        Checks.required("purpose", purpose);
        Checks.optionalText("outcome", outcome, 50);
        Checks.optionalText("agentId", agentId, 100);
        Checks.optionalText("summary", summary, 4000);
        occurredAt = Checks.instant("occurredAt", occurredAt);
        Checks.optionalText("idempotencyKey", idempotencyKey, 100);
    }
}
