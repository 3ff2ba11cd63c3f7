package dev.crmkit.spi.team;

import dev.crmkit.model.Checks;
import dev.crmkit.spi.StoredRecord;
import java.time.Instant;
import java.util.UUID;

/**
 * A team of members: a name (1 to 100 characters, unique per tenant) and an optional manager, who is a team
 * member id.
 */
public record TeamRecord(
        String tenantId,
        UUID id,
        long version,
        Instant createdAt,
        Instant updatedAt,
        String name,
        UUID managerId) implements StoredRecord {

    /**
     * Checks the rules above: tenant id, id, a version of 1 or more and both timestamps are required, and the
     * timestamps are truncated to microseconds, the precision every backend keeps.
     *
     * @throws dev.crmkit.model.ValidationException naming the first component that breaks a rule
     */
    public TeamRecord {
        Checks.tenantId("tenantId", tenantId);
        Checks.id("id", id);
        Checks.version("version", version);
        createdAt = Checks.instant("createdAt", createdAt);
        updatedAt = Checks.instant("updatedAt", updatedAt);
        Checks.text("name", name, 100);
    }
}
