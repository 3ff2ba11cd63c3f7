package dev.crmkit.inmemory;

import dev.crmkit.model.Checks;
import dev.crmkit.model.Page;
import dev.crmkit.model.PageRequest;
import dev.crmkit.model.ValidationException;
import dev.crmkit.spi.Ids;
import dev.crmkit.spi.customer.MatchKeyRecord;
import dev.crmkit.spi.customer.MatchKeyStore;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;

/** Match keys in two maps per tenant: key to customers, and customer to keys; changes are undone on rollback. */
final class InMemoryMatchKeyStore implements MatchKeyStore {
    private static final Comparator<MatchKeyRecord> ORDER = Comparator.comparing(MatchKeyRecord::key)
            .thenComparing(MatchKeyRecord::customerId, Ids.ORDER);

    private final UnitOfWork unit;
    private final Map<String, TreeMap<String, TreeSet<UUID>>> byKey = new HashMap<>();
    private final Map<String, Map<UUID, Set<String>>> byCustomer = new HashMap<>();

    InMemoryMatchKeyStore(UnitOfWork unit) {
        this.unit = unit;
    }

    @Override
    public void replace(String tenantId, UUID customerId, Set<String> keys) {
        Checks.tenantId("tenantId", tenantId);
        Checks.id("customerId", customerId);
        Set<String> checked = checkKeys("keys", keys);
        unit.inTransaction(() -> {
            put(tenantId, customerId, checked);
            return null;
        });
    }

    @Override
    public void replaceAll(String tenantId, Map<UUID, Set<String>> keysByCustomer) {
        Checks.tenantId("tenantId", tenantId);
        Checks.required("keysByCustomer", keysByCustomer);
        Checks.limit("keysByCustomer.size", Math.max(1, keysByCustomer.size()), MAX_KEYS);
        Map<UUID, Set<String>> checked = new HashMap<>();
        keysByCustomer.forEach((id, keys) -> {
            Checks.id("customerId", id);
            checked.put(id, checkKeys("keys[" + id + "]", keys));
        });
        unit.inTransaction(() -> {
            checked.forEach((id, keys) -> put(tenantId, id, keys));
            return null;
        });
    }

    private static Set<String> checkKeys(String field, Set<String> keys) {
        Checks.noNulls(field, keys);
        Checks.limit(field + ".size", Math.max(1, keys.size()), MAX_KEYS);
        for (String key : keys) {
            Checks.text(field, key, MAX_KEY_LENGTH);
        }
        return Set.copyOf(keys);
    }

    private void put(String tenantId, UUID customerId, Set<String> keys) {
        Map<UUID, Set<String>> customers = byCustomer.computeIfAbsent(tenantId, t -> new HashMap<>());
        Set<String> before = customers.getOrDefault(customerId, Set.of());
        write(tenantId, customerId, before, keys);
        unit.onRollback(() -> write(tenantId, customerId, keys, before));
    }

    private void write(String tenantId, UUID customerId, Set<String> before, Set<String> after) {
        TreeMap<String, TreeSet<UUID>> keys = byKey.computeIfAbsent(tenantId, t -> new TreeMap<>());
        for (String key : before) {
            TreeSet<UUID> ids = keys.get(key);
            if (ids != null) {
                ids.remove(customerId);
                if (ids.isEmpty()) {
                    keys.remove(key);
                }
            }
        }
        for (String key : after) {
            keys.computeIfAbsent(key, k -> new TreeSet<>(Ids.ORDER)).add(customerId);
        }
        Map<UUID, Set<String>> customers = byCustomer.computeIfAbsent(tenantId, t -> new HashMap<>());
        if (after.isEmpty()) {
            customers.remove(customerId);
        } else {
            customers.put(customerId, after);
        }
    }

    @Override
    public Page<MatchKeyRecord> find(String tenantId, Collection<String> keys, PageRequest page) {
        Checks.tenantId("tenantId", tenantId);
        Set<String> wanted = new LinkedHashSet<>(Checks.noNulls("keys", keys));
        Checks.limit("keys.size", Math.max(1, wanted.size()), MAX_KEYS);
        Checks.required("page", page);
        if (page.after() != null) {
            List<String> parts = page.after().keys(2);
            Paging.id(parts.get(1));
        }
        return unit.inTransaction(() -> {
            TreeMap<String, TreeSet<UUID>> stored = byKey.getOrDefault(tenantId, new TreeMap<>());
            List<MatchKeyRecord> rows = wanted.stream()
                    .filter(stored::containsKey)
                    .flatMap(k -> stored.get(k).stream().map(id -> new MatchKeyRecord(tenantId, k, id)))
                    .toList();
            return Paging.page(rows.stream(), ORDER, page, 2, r -> List.of(r.key(), r.customerId().toString()),
                    parts -> {
                        MatchKeyRecord after = after(tenantId, parts);
                        return r -> ORDER.compare(r, after) > 0;
                    });
        });
    }

    @Override
    public List<SharedKey> sharedKeys(String tenantId, String afterKey, int limit) {
        Checks.tenantId("tenantId", tenantId);
        if (afterKey != null) {
            Checks.text("afterKey", afterKey, MAX_KEY_LENGTH);
        }
        Checks.limit("limit", limit, MAX_KEYS);
        return unit.inTransaction(() -> {
            TreeMap<String, TreeSet<UUID>> stored = byKey.getOrDefault(tenantId, new TreeMap<>());
            List<SharedKey> shared = new ArrayList<>();
            for (Map.Entry<String, TreeSet<UUID>> e : (afterKey == null ? stored : stored.tailMap(afterKey, false))
                    .entrySet()) {
                if (e.getValue().size() > 1) {
                    shared.add(new SharedKey(e.getKey(), e.getValue().size()));
                    if (shared.size() == limit) {
                        break;
                    }
                }
            }
            return shared;
        });
    }

    private static MatchKeyRecord after(String tenantId, List<String> parts) {
        try {
            return new MatchKeyRecord(tenantId, parts.get(0), Paging.id(parts.get(1)));
        } catch (ValidationException e) {
            throw new ValidationException("cursor", "is not a cursor this library issued");
        }
    }
}
