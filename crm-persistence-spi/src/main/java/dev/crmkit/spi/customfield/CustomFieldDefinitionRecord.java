package dev.crmkit.spi.customfield;

import dev.crmkit.model.Checks;
import dev.crmkit.model.customfield.CustomFieldType;
import dev.crmkit.model.customfield.CustomFieldValue;
import dev.crmkit.spi.StoredRecord;
import java.time.Instant;
import java.util.UUID;

/**
 * A tenant's definition of one custom field on customers: its key (unique in the tenant), a label, its type,
 * and whether every customer must have it. Defining a field is what makes its key legal in values and criteria.
 */
public record CustomFieldDefinitionRecord(
        String tenantId,
        UUID id,
        long version,
        Instant createdAt,
        Instant updatedAt,
        String key,
        String label,
        CustomFieldType type,
        boolean required) implements StoredRecord {

    /**
     * Checks the rules above: tenant id, id, a version of 1 or more and both timestamps are required, and the
     * timestamps are truncated to microseconds, the precision every backend keeps.
     * The key must match {@link CustomFieldValue#KEY}.
     *
     * @throws dev.crmkit.model.ValidationException naming the first component that breaks a rule
     */
    public CustomFieldDefinitionRecord {
        Checks.tenantId("tenantId", tenantId);
        Checks.id("id", id);
        Checks.version("version", version);
        createdAt = Checks.instant("createdAt", createdAt);
        updatedAt = Checks.instant("updatedAt", updatedAt);
        CustomFieldValue.checkKey("key", key);
        Checks.text("label", label, 200);
        Checks.required("type", type);
    }

    /** This definition at another version and update time. */
    public CustomFieldDefinitionRecord withVersion(long newVersion, Instant newUpdatedAt) {
        return new CustomFieldDefinitionRecord(tenantId, id, newVersion, createdAt, newUpdatedAt, key, label, type, required);
    }
}
