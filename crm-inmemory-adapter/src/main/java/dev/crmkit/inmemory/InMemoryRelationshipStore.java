package dev.crmkit.inmemory;

import dev.crmkit.model.Checks;
import dev.crmkit.model.DuplicateException;
import dev.crmkit.model.PageRequest;
import dev.crmkit.spi.customer.RelationshipRecord;
import dev.crmkit.spi.customer.RelationshipStore;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

final class InMemoryRelationshipStore implements RelationshipStore {
    private final UnitOfWork unit;
    private final Table<RelationshipRecord> table;

    InMemoryRelationshipStore(UnitOfWork unit) {
        this.unit = unit;
        this.table = new Table<>("relationship", unit);
    }

    @Override
    public RelationshipRecord insert(RelationshipRecord r) {
        Checks.required("relationship", r);
        return unit.inTransaction(() -> {
            table.checkInsertable(r);
            if (hasSame(r.tenantId(), r.personId(), r.organizationId(), r.role(), null)) {
                throw new DuplicateException("relationship", "role");
            }
            return table.insert(r);
        });
    }

    private boolean hasSame(String tenantId, UUID person, UUID organization, String role, UUID exceptId) {
        return table.all(tenantId).stream().anyMatch(o -> !o.id().equals(exceptId)
                && o.personId().equals(person) && o.organizationId().equals(organization) && o.role().equals(role));
    }

    @Override
    public void delete(String tenantId, UUID id, long expectedVersion) {
        Checks.tenantId("tenantId", tenantId);
        Checks.id("id", id);
        unit.run(() -> {
            table.expect(tenantId, id, expectedVersion);
            table.remove(tenantId, id);
        });
    }

    @Override
    public Optional<RelationshipRecord> get(String tenantId, UUID id) {
        Checks.tenantId("tenantId", tenantId);
        Checks.id("id", id);
        return unit.inTransaction(() -> table.get(tenantId, id));
    }

    @Override
    public List<RelationshipRecord> involving(String tenantId, UUID customerId, int limit) {
        Checks.tenantId("tenantId", tenantId);
        Checks.id("customerId", customerId);
        Checks.limit("limit", limit, PageRequest.MAX_LIMIT);
        return unit.inTransaction(() -> table.all(tenantId).stream()
                .filter(r -> r.personId().equals(customerId) || r.organizationId().equals(customerId))
                .limit(limit)
                .collect(Collectors.toList()));
    }

    @Override
    public int moveAll(String tenantId, UUID fromCustomerId, UUID toCustomerId, Instant now) {
        Checks.tenantId("tenantId", tenantId);
        Checks.id("fromCustomerId", fromCustomerId);
        Checks.id("toCustomerId", toCustomerId);
        Instant at = Checks.instant("now", now);
        return unit.inTransaction(() -> {
            List<RelationshipRecord> affected = table.all(tenantId).stream()
                    .filter(r -> r.personId().equals(fromCustomerId) || r.organizationId().equals(fromCustomerId))
                    .collect(Collectors.toList());
            for (RelationshipRecord r : affected) {
                UUID person = r.personId().equals(fromCustomerId) ? toCustomerId : r.personId();
                UUID organization = r.organizationId().equals(fromCustomerId) ? toCustomerId : r.organizationId();
                if (person.equals(organization) || hasSame(tenantId, person, organization, r.role(), r.id())) {
                    table.remove(tenantId, r.id());
                } else {
                    table.put(new RelationshipRecord(tenantId, r.id(), r.version() + 1, r.createdAt(), at, person,
                            organization, r.role()));
                }
            }
            return affected.size();
        });
    }
}
