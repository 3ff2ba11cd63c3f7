package dev.crmkit.inmemory;

import dev.crmkit.model.Checks;
import dev.crmkit.model.Page;
import dev.crmkit.model.PageRequest;
import dev.crmkit.model.customer.ContactPointKind;
import dev.crmkit.spi.Ids;
import dev.crmkit.spi.customer.ContactPointRecord;
import dev.crmkit.spi.customer.ContactPointStore;
import dev.crmkit.spi.customer.SharedValue;
import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;

final class InMemoryContactPointStore implements ContactPointStore {
    private static final Comparator<ContactPointRecord> BY_KIND_PRIMARY_ID = Comparator
            .comparing(ContactPointRecord::kind)
            .thenComparing(c -> !c.primary())
            .thenComparing(ContactPointRecord::id, Ids.ORDER);

    private final UnitOfWork unit;
    private final Table<ContactPointRecord> table;

    InMemoryContactPointStore(UnitOfWork unit) {
        this.unit = unit;
        this.table = new Table<>("contact point", unit);
    }

    @Override
    public ContactPointRecord insert(ContactPointRecord contactPoint) {
        Checks.required("contactPoint", contactPoint);
        return unit.inTransaction(() -> table.insert(contactPoint));
    }

    @Override
    public void insertAll(List<ContactPointRecord> contactPoints) {
        Checks.noNulls("contactPoints", contactPoints);
        unit.run(() -> contactPoints.forEach(table::insert));
    }

    @Override
    public ContactPointRecord update(ContactPointRecord c, long expectedVersion) {
        Checks.required("contactPoint", c);
        return unit.inTransaction(() -> {
            ContactPointRecord stored = table.expect(c.tenantId(), c.id(), expectedVersion);
            ContactPointRecord next = new ContactPointRecord(c.tenantId(), c.id(), expectedVersion + 1,
                    stored.createdAt(), c.updatedAt(), c.customerId(), c.kind(), c.label(), c.value(), c.address(),
                    c.primary());
            table.put(next);
            return next;
        });
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
    public Optional<ContactPointRecord> get(String tenantId, UUID id) {
        Checks.tenantId("tenantId", tenantId);
        Checks.id("id", id);
        return unit.inTransaction(() -> table.get(tenantId, id));
    }

    @Override
    public List<ContactPointRecord> forCustomer(String tenantId, UUID customerId) {
        Checks.tenantId("tenantId", tenantId);
        Checks.id("customerId", customerId);
        return unit.inTransaction(() -> table.all(tenantId).stream()
                .filter(c -> c.customerId().equals(customerId))
                .sorted(BY_KIND_PRIMARY_ID)
                .collect(Collectors.toList()));
    }

    @Override
    public List<ContactPointRecord> forCustomers(String tenantId, List<UUID> customerIds) {
        Checks.tenantId("tenantId", tenantId);
        Set<UUID> ids = new HashSet<>(Checks.noNulls("customerIds", customerIds));
        return unit.inTransaction(() -> table.all(tenantId).stream()
                .filter(c -> ids.contains(c.customerId()))
                .collect(Collectors.toList()));
    }

    @Override
    public List<ContactPointRecord> findByValue(String tenantId, ContactPointKind kind, String value, int limit) {
        Checks.tenantId("tenantId", tenantId);
        Checks.required("kind", kind);
        Checks.text("value", value, 320);
        Checks.limit("limit", limit, PageRequest.MAX_LIMIT);
        return unit.inTransaction(() -> table.all(tenantId).stream()
                .filter(c -> c.kind() == kind && c.value().equals(value))
                .limit(limit)
                .collect(Collectors.toList()));
    }

    @Override
    public List<ContactPointRecord> findByValues(String tenantId, ContactPointKind kind, Collection<String> values,
            int limit) {
        Checks.tenantId("tenantId", tenantId);
        Checks.required("kind", kind);
        Set<String> wanted = new HashSet<>(Checks.noNulls("values", values));
        Checks.limit("values.size", Math.max(1, wanted.size()), PageRequest.MAX_LIMIT);
        Checks.limit("limit", limit, PageRequest.MAX_LIMIT);
        return unit.inTransaction(() -> table.all(tenantId).stream()
                .filter(c -> c.kind() == kind && wanted.contains(c.value()))
                .limit(limit)
                .collect(Collectors.toList()));
    }

    @Override
    public Set<String> existingValues(String tenantId, ContactPointKind kind, Collection<String> values) {
        Checks.tenantId("tenantId", tenantId);
        Checks.required("kind", kind);
        Set<String> wanted = new HashSet<>(Checks.noNulls("values", values));
        Checks.limit("values.size", Math.max(1, wanted.size()), PageRequest.MAX_LIMIT);
        return unit.inTransaction(() -> table.all(tenantId).stream()
                .filter(c -> c.kind() == kind && wanted.contains(c.value()))
                .map(ContactPointRecord::value)
                .collect(Collectors.toSet()));
    }

    @Override
    public Page<SharedValue> sharedValues(String tenantId, ContactPointKind kind, PageRequest page) {
        Checks.tenantId("tenantId", tenantId);
        Checks.required("kind", kind);
        Checks.required("page", page);
        return unit.inTransaction(() -> {
            Map<String, Set<UUID>> byValue = new TreeMap<>();
            for (ContactPointRecord c : table.all(tenantId)) {
                if (c.kind() == kind) {
                    byValue.computeIfAbsent(c.value(), v -> new HashSet<>()).add(c.customerId());
                }
            }
            return SharedValues.page(byValue, page);
        });
    }

    @Override
    public int moveAll(String tenantId, UUID fromCustomerId, UUID toCustomerId, Instant now) {
        Checks.tenantId("tenantId", tenantId);
        Checks.id("fromCustomerId", fromCustomerId);
        Checks.id("toCustomerId", toCustomerId);
        Instant at = Checks.instant("now", now);
        return unit.inTransaction(() -> {
            List<ContactPointRecord> moving = table.all(tenantId).stream()
                    .filter(c -> c.customerId().equals(fromCustomerId))
                    .collect(Collectors.toList());
            moving.forEach(c -> table.put(c.movedTo(toCustomerId, c.version() + 1, at)));
            return moving.size();
        });
    }
}
