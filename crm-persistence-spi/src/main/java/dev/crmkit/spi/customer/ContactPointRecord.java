package dev.crmkit.spi.customer;

import dev.crmkit.model.Checks;
import dev.crmkit.model.ValidationException;
import dev.crmkit.model.customer.ContactPointKind;
import dev.crmkit.model.customer.PostalAddress;
import dev.crmkit.spi.StoredRecord;
import java.time.Instant;
import java.util.UUID;

/**
 * One way to reach a customer. {@code value} is the normalized form the core matched and de-duplicates on
 * (at most 320 characters); {@code address} is present exactly for {@link ContactPointKind#POSTAL}.
 * {@code label} says which one it is ({@code home}, {@code work}); {@code primary} marks the one to use first.
 * The store keeps what it is given: that a customer has at most one primary point per kind is the core's rule.
 */
public record ContactPointRecord(
        String tenantId,
        UUID id,
        long version,
        Instant createdAt,
        Instant updatedAt,
        UUID customerId,
        ContactPointKind kind,
        String label,
        String value,
        PostalAddress address,
        boolean primary) implements StoredRecord {

    /**
     * Checks the rules above: tenant id, id, a version of 1 or more and both timestamps are required, and the
     * timestamps are truncated to microseconds, the precision every backend keeps.
     *
     * @throws ValidationException naming the first component that breaks a rule
     */
    public ContactPointRecord {
        Checks.tenantId("tenantId", tenantId);
        Checks.id("id", id);
        Checks.version("version", version);
        createdAt = Checks.instant("createdAt", createdAt);
        updatedAt = Checks.instant("updatedAt", updatedAt);
        Checks.id("customerId", customerId);
        Checks.required("kind", kind);
        Checks.optionalText("label", label, 50);
        Checks.text("value", value, 320);
        if ((kind == ContactPointKind.POSTAL) != (address != null)) {
            throw new ValidationException("address", "must be given for postal contact points and only for them");
        }
    }

    /** This record moved to another customer, at another version and update time. */
    public ContactPointRecord movedTo(UUID newCustomerId, long newVersion, Instant newUpdatedAt) {
        return new ContactPointRecord(tenantId, id, newVersion, createdAt, newUpdatedAt, newCustomerId, kind, label,
                value, address, primary);
    }
}
