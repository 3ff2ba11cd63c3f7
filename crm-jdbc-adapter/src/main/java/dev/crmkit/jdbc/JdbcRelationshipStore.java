package dev.crmkit.jdbc;

import dev.crmkit.model.Checks;
import dev.crmkit.model.ConflictException;
import dev.crmkit.model.NotFoundException;
import dev.crmkit.model.PageRequest;
import dev.crmkit.spi.customer.RelationshipRecord;
import dev.crmkit.spi.customer.RelationshipStore;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Person-organization relationships in {@code crm_relationship}, unique per person, organization and role. */
final class JdbcRelationshipStore implements RelationshipStore {
    private static final String TYPE = "relationship";
    private static final Map<String, String> UNIQUE = Map.of("uq_crm_relationship_role", "role");
    private static final String COLUMNS = "tenant_id, id, version, created_at, updated_at, person_id, organization_id, role";

    private final Database db;

    JdbcRelationshipStore(Database db) {
        this.db = db;
    }

    @Override
    public RelationshipRecord insert(RelationshipRecord relationship) {
        Checks.required("relationship", relationship);
        RelationshipRecord stored = new RelationshipRecord(relationship.tenantId(), relationship.id(), 1,
                relationship.createdAt(), relationship.updatedAt(), relationship.personId(),
                relationship.organizationId(), relationship.role());
        db.write(TYPE, UNIQUE, c -> db.update(c, "INSERT INTO crm_relationship (" + COLUMNS
                + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?)", List.of(stored.tenantId(), stored.id(), 1L, stored.createdAt(),
                stored.updatedAt(), stored.personId(), stored.organizationId(), stored.role())));
        return stored;
    }

    @Override
    public void delete(String tenantId, UUID id, long expectedVersion) {
        Checks.tenantId("tenantId", tenantId);
        Checks.id("id", id);
        db.write(TYPE, UNIQUE, c -> {
            int deleted = db.update(c, "DELETE FROM crm_relationship WHERE tenant_id = ? AND id = ? AND version = ?",
                    List.of(tenantId, id, expectedVersion));
            if (deleted == 0) {
                throw load(c, tenantId, id).isPresent()
                        ? ConflictException.staleVersion(TYPE, id, expectedVersion)
                        : new NotFoundException(TYPE, id);
            }
            return null;
        });
    }

    @Override
    public Optional<RelationshipRecord> get(String tenantId, UUID id) {
        Checks.tenantId("tenantId", tenantId);
        Checks.id("id", id);
        return db.read(TYPE, c -> load(c, tenantId, id));
    }

    @Override
    public List<RelationshipRecord> involving(String tenantId, UUID customerId, int limit) {
        Checks.tenantId("tenantId", tenantId);
        Checks.id("customerId", customerId);
        Checks.limit("limit", limit, PageRequest.MAX_LIMIT);
        return db.read(TYPE, c -> involving(c, tenantId, customerId, limit));
    }

    private List<RelationshipRecord> involving(Connection c, String tenantId, UUID customerId, int limit)
            throws SQLException {
        return db.list(c, "SELECT " + COLUMNS + " FROM crm_relationship WHERE tenant_id = ?"
                + " AND (person_id = ? OR organization_id = ?) ORDER BY id"
                + Database.limit(limit), List.of(tenantId, customerId, customerId), JdbcRelationshipStore::relationship);
    }

    @Override
    public int moveAll(String tenantId, UUID fromCustomerId, UUID toCustomerId, Instant now) {
        Checks.tenantId("tenantId", tenantId);
        Checks.id("fromCustomerId", fromCustomerId);
        Checks.id("toCustomerId", toCustomerId);
        Instant at = Checks.instant("now", now);
        if (fromCustomerId.equals(toCustomerId)) {
            return 0;
        }
        return db.write(TYPE, UNIQUE, c -> {
            int changed = 0;
            // A customer has few relationships; each one is decided on its own: moved, or deleted when the move
            // would link the survivor to itself or duplicate one the survivor already has.
            for (RelationshipRecord r : involving(c, tenantId, fromCustomerId, Integer.MAX_VALUE)) {
                UUID person = r.personId().equals(fromCustomerId) ? toCustomerId : r.personId();
                UUID organization = r.organizationId().equals(fromCustomerId) ? toCustomerId : r.organizationId();
                boolean selfLink = person.equals(organization);
                boolean duplicate = !selfLink && db.one(c, "SELECT 1 AS found FROM crm_relationship WHERE tenant_id = ?"
                        + " AND person_id = ? AND organization_id = ? AND role = ?",
                        List.of(tenantId, person, organization, r.role()), row -> row.integer("found")).isPresent();
                if (selfLink || duplicate) {
                    db.update(c, "DELETE FROM crm_relationship WHERE tenant_id = ? AND id = ?", List.of(tenantId, r.id()));
                } else {
                    db.update(c, "UPDATE crm_relationship SET person_id = ?, organization_id = ?, version = version + 1,"
                            + " updated_at = ? WHERE tenant_id = ? AND id = ?",
                            List.of(person, organization, at, tenantId, r.id()));
                }
                changed++;
            }
            return changed;
        });
    }

    private Optional<RelationshipRecord> load(Connection c, String tenantId, UUID id) throws SQLException {
        return db.one(c, "SELECT " + COLUMNS + " FROM crm_relationship WHERE tenant_id = ? AND id = ?",
                List.of(tenantId, id), JdbcRelationshipStore::relationship);
    }

    private static RelationshipRecord relationship(Row r) throws SQLException {
        return new RelationshipRecord(r.text("tenant_id"), r.id("id"), r.number("version"), r.instant("created_at"),
                r.instant("updated_at"), r.id("person_id"), r.id("organization_id"), r.text("role"));
    }
}
