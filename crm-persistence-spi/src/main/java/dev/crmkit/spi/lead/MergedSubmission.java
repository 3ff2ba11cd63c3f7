package dev.crmkit.spi.lead;

import dev.crmkit.spi.Checks;
import java.time.Instant;
import java.util.UUID;

/**
 * A submission that capture merged into an existing open lead instead of storing it as a lead of its own, kept by
 * its idempotency key so that a retry of it is recognised and replayed rather than merged a second time. (A
 * submission stored as a new lead needs no such record: the lead carries its key.)
 *
 * <ul>
 *   <li>{@code idempotencyKey}: the submission's key, 1 to 100 characters, unique among the tenant's merged
 *       submissions.</li>
 *   <li>{@code leadId}: the lead it was merged into.</li>
 *   <li>{@code mergedAt}: when.</li>
 * </ul>
 */
public record MergedSubmission(String tenantId, String idempotencyKey, UUID leadId, Instant mergedAt) {
    public MergedSubmission {
        Checks.tenantId("tenantId", tenantId);
        Checks.text("idempotencyKey", idempotencyKey, 100);
        Checks.id("leadId", leadId);
        Checks.instant("mergedAt", mergedAt);
    }
}
