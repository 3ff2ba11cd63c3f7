package dev.crmkit.inmemory;

import dev.crmkit.model.Checks;
import dev.crmkit.model.DuplicateException;
import dev.crmkit.model.Page;
import dev.crmkit.model.PageRequest;
import dev.crmkit.model.customer.CustomerCriterion;
import dev.crmkit.spi.Ids;
import dev.crmkit.spi.customer.CustomerRecord;
import dev.crmkit.spi.customer.CustomerStore;
import dev.crmkit.spi.customer.SharedValue;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;

final class InMemoryCustomerStore implements CustomerStore {
    private final UnitOfWork unit;
    private final Table<CustomerRecord> table;

    InMemoryCustomerStore(UnitOfWork unit) {
        this.unit = unit;
        this.table = new Table<>("customer", unit);
    }

    @Override
    public CustomerRecord insert(CustomerRecord customer) {
        Checks.required("customer", customer);
        return unit.inTransaction(() -> {
            table.checkInsertable(customer);
            checkExternalRefFree(customer);
            return table.insert(customer);
        });
    }

    private void checkExternalRefFree(CustomerRecord customer) {
        if (customer.externalRef() == null) {
            return;
        }
        for (CustomerRecord other : table.all(customer.tenantId())) {
            if (!other.id().equals(customer.id()) && customer.externalRef().equals(other.externalRef())) {
                throw new DuplicateException("customer", "externalRef");
            }
        }
    }

    @Override
    public void insertAll(List<CustomerRecord> customers) {
        Checks.noNulls("customers", customers);
        unit.run(() -> customers.forEach(this::insert));
    }

    @Override
    public void lock(String tenantId, UUID id) {
        Checks.tenantId("tenantId", tenantId);
        Checks.id("id", id);
        unit.run(() -> table.lock(tenantId, id));
    }

    @Override
    public CustomerRecord update(CustomerRecord customer, long expectedVersion) {
        Checks.required("customer", customer);
        return unit.inTransaction(() -> {
            CustomerRecord stored = table.expect(customer.tenantId(), customer.id(), expectedVersion);
            checkExternalRefFree(customer);
            CustomerRecord next = new CustomerRecord(customer.tenantId(), customer.id(), expectedVersion + 1,
                    stored.createdAt(), customer.updatedAt(), customer.kind(), customer.displayName(),
                    customer.givenName(), customer.familyName(), customer.organizationName(), customer.nameKey(),
                    customer.externalRef(), customer.lifecycleStage(), customer.ownerId(), customer.tags(),
                    customer.customFields(), customer.mergedInto());
            table.put(next);
            return next;
        });
    }

    @Override
    public Optional<CustomerRecord> get(String tenantId, UUID id) {
        Checks.tenantId("tenantId", tenantId);
        Checks.id("id", id);
        return unit.inTransaction(() -> table.get(tenantId, id));
    }

    @Override
    public List<CustomerRecord> getAll(String tenantId, List<UUID> ids) {
        Checks.tenantId("tenantId", tenantId);
        Checks.noNulls("ids", ids);
        return unit.inTransaction(() -> new HashSet<>(ids).stream()
                .map(id -> table.get(tenantId, id))
                .flatMap(Optional::stream)
                .collect(Collectors.toList()));
    }

    @Override
    public Optional<CustomerRecord> findByExternalRef(String tenantId, String externalRef) {
        Checks.tenantId("tenantId", tenantId);
        Checks.text("externalRef", externalRef, 100);
        return unit.inTransaction(() -> table.all(tenantId).stream()
                .filter(c -> externalRef.equals(c.externalRef()))
                .findFirst());
    }

    @Override
    public Set<String> existingExternalRefs(String tenantId, Collection<String> externalRefs) {
        Checks.tenantId("tenantId", tenantId);
        Set<String> wanted = new HashSet<>(Checks.noNulls("externalRefs", externalRefs));
        Checks.limit("externalRefs.size", Math.max(1, wanted.size()), PageRequest.MAX_LIMIT);
        return unit.inTransaction(() -> table.all(tenantId).stream()
                .map(CustomerRecord::externalRef)
                .filter(ref -> ref != null && wanted.contains(ref))
                .collect(Collectors.toSet()));
    }

    @Override
    public Page<CustomerRecord> find(String tenantId, CustomerCriterion criterion, PageRequest page) {
        Checks.tenantId("tenantId", tenantId);
        Checks.required("criterion", criterion);
        Checks.required("page", page);
        return unit.inTransaction(() -> Paging.page(
                table.all(tenantId).stream().filter(c -> !c.isMerged() && criterion.test(c)),
                (a, b) -> Ids.ORDER.compare(a.id(), b.id()), page, 1,
                c -> List.of(c.id().toString()),
                keys -> {
                    UUID after = Paging.id(keys.get(0));
                    return c -> Ids.ORDER.compare(c.id(), after) > 0;
                }));
    }

    @Override
    public long count(String tenantId, CustomerCriterion criterion) {
        Checks.tenantId("tenantId", tenantId);
        Checks.required("criterion", criterion);
        return unit.inTransaction(() -> table.all(tenantId).stream()
                .filter(c -> !c.isMerged() && criterion.test(c))
                .count());
    }

    @Override
    public List<CustomerRecord> findByNameKey(String tenantId, String nameKey, int limit) {
        Checks.tenantId("tenantId", tenantId);
        Checks.text("nameKey", nameKey, 100);
        Checks.limit("limit", limit, PageRequest.MAX_LIMIT);
        return unit.inTransaction(() -> table.all(tenantId).stream()
                .filter(c -> !c.isMerged() && nameKey.equals(c.nameKey()))
                .limit(limit)
                .collect(Collectors.toList()));
    }

    @Override
    public List<CustomerRecord> findByNameKeys(String tenantId, Collection<String> nameKeys, int limit) {
        Checks.tenantId("tenantId", tenantId);
        Set<String> wanted = new HashSet<>(Checks.noNulls("nameKeys", nameKeys));
        Checks.limit("nameKeys.size", Math.max(1, wanted.size()), PageRequest.MAX_LIMIT);
        Checks.limit("limit", limit, PageRequest.MAX_LIMIT);
        return unit.inTransaction(() -> table.all(tenantId).stream()
                .filter(c -> !c.isMerged() && c.nameKey() != null && wanted.contains(c.nameKey()))
                .limit(limit)
                .collect(Collectors.toList()));
    }

    @Override
    public Page<SharedValue> sharedNameKeys(String tenantId, PageRequest page) {
        Checks.tenantId("tenantId", tenantId);
        Checks.required("page", page);
        return unit.inTransaction(() -> {
            Map<String, Set<UUID>> byKey = new TreeMap<>();
            for (CustomerRecord c : table.all(tenantId)) {
                if (!c.isMerged() && c.nameKey() != null) {
                    byKey.computeIfAbsent(c.nameKey(), k -> new HashSet<>()).add(c.id());
                }
            }
            return SharedValues.page(byKey, page);
        });
    }

    /** All rows of a tenant, for the other stores of this storage. */
    List<CustomerRecord> all(String tenantId) {
        return new ArrayList<>(table.all(tenantId));
    }
}
