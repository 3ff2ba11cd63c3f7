package dev.crmkit.spi.customer;

import dev.crmkit.model.Checks;
import dev.crmkit.model.ValidationException;
import dev.crmkit.spi.StoredRecord;
import java.time.Instant;
import java.util.UUID;

/**
 * A person's relationship to an organization, with a role ({@code buyer}, {@code decision maker},
 * {@code employee}; at most 100 characters). Both ends are customer ids in the same tenant, and differ.
 */
public record RelationshipRecord(
        String tenantId,
        UUID id,
        long version,
        Instant createdAt,
        Instant updatedAt,
        UUID personId,
        UUID organizationId,
        String role) implements StoredRecord {

    /**
     * Checks the rules above: tenant id, id, a version of 1 or more and both timestamps are required, and the
     * timestamps are truncated to microseconds, the precision every backend keeps.
     *
     * @throws ValidationException naming the first component that breaks a rule
     */
    public RelationshipRecord {
        Checks.tenantId("tenantId", tenantId);
        Checks.id("id", id);
        Checks.version("version", version);
        createdAt = Checks.instant("createdAt", createdAt);
        updatedAt = Checks.instant("updatedAt", updatedAt);
        Checks.id("personId", personId);
        Checks.id("organizationId", organizationId);
        if (personId.equals(organizationId)) {
            throw new ValidationException("organizationId", "must differ from personId");
        }
        Checks.text("role", role, 100);
    }
}
