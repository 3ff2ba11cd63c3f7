package dev.crmkit.core.customer;

import dev.crmkit.spi.customer.RelationshipRecord;
import java.util.UUID;

/**
 * A person's role at an organization: the buyer, the decision maker, an employee.
 *
 * @param id the relationship's id
 * @param personId the person customer
 * @param organizationId the organization customer
 * @param role the role, as the caller named it
 */
public record Relationship(UUID id, UUID personId, UUID organizationId, String role) {
    static Relationship of(RelationshipRecord r) {
        return new Relationship(r.id(), r.personId(), r.organizationId(), r.role());
    }
}
