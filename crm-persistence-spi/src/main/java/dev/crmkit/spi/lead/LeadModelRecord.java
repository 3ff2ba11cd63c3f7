package dev.crmkit.spi.lead;

import dev.crmkit.model.Checks;
import dev.crmkit.spi.StoredRecord;
import java.time.Instant;
import java.util.UUID;

/**
 * A tenant's trained lead-scoring model, stored so that every application node scores with the same model and a
 * restart changes nothing. A tenant has at most one current model; each training replaces it at the next version, so
 * {@code version} is the model's version. {@code id} and {@code createdAt} name the tenant's model as first stored and
 * stay; {@code updatedAt} is when the current version was stored.
 *
 * <ul>
 *   <li>{@code kind}: which model the body holds ({@code naive-bayes}); 1 to 64 characters.</li>
 *   <li>{@code body}: the trained model as the core encodes it, opaque to storage; 1 to 1,000,000 characters. It holds
 *       counts of attribute values of closed leads, never a lead's personal data.</li>
 * </ul>
 */
public record LeadModelRecord(
        String tenantId,
        UUID id,
        long version,
        Instant createdAt,
        Instant updatedAt,
        String kind,
        String body) implements StoredRecord {

    /** The longest body a model may have. */
    public static final int MAX_BODY = 1_000_000;

    /**
     * Checks the rules above: tenant id, id, a version of 1 or more and both timestamps are required, and the
     * timestamps are truncated to microseconds, the precision every backend keeps.
     *
     * @throws dev.crmkit.model.ValidationException naming the first component that breaks a rule
     */
    public LeadModelRecord {
        Checks.tenantId("tenantId", tenantId);
        Checks.id("id", id);
        Checks.version("version", version);
        createdAt = Checks.instant("createdAt", createdAt);
        updatedAt = Checks.instant("updatedAt", updatedAt);
        Checks.text("kind", kind, 64);
        Checks.text("body", body, MAX_BODY);
    }

    /** Names the tenant, id, version and kind only: the body is long. */
    @Override
    public String toString() {
        return "LeadModelRecord[tenantId=" + tenantId + ", id=" + id + ", version=" + version + ", kind=" + kind + "]";
    }
}
