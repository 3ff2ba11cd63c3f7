package dev.crmkit.inmemory;

import dev.crmkit.model.Checks;
import dev.crmkit.model.ConflictException;
import dev.crmkit.model.DuplicateException;
import dev.crmkit.model.Page;
import dev.crmkit.model.PageRequest;
import dev.crmkit.model.lead.LeadFilter;
import dev.crmkit.spi.Ids;
import dev.crmkit.spi.lead.LeadKey;
import dev.crmkit.spi.lead.LeadRecord;
import dev.crmkit.spi.lead.LeadRotationRecord;
import dev.crmkit.spi.lead.LeadStore;
import dev.crmkit.spi.lead.LeadTally;
import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

final class InMemoryLeadStore implements LeadStore {
    private static final String TYPE = "lead";

    private final UnitOfWork unit;
    private final Table<LeadRecord> table;
    private final Map<String, Map<String, LeadRotationRecord>> rotations = new HashMap<>();

    InMemoryLeadStore(UnitOfWork unit) {
        this.unit = unit;
        this.table = new Table<>(TYPE, unit);
    }

    @Override
    public LeadRecord insert(LeadRecord lead) {
        Checks.required("lead", lead);
        return unit.inTransaction(() -> {
            checkInsertable(lead);
            return table.insert(lead);
        });
    }

    @Override
    public void insertAll(List<LeadRecord> leads) {
        Checks.noNulls("leads", leads);
        unit.run(() -> leads.forEach(lead -> {
            checkInsertable(lead);
            table.insert(lead);
        }));
    }

    private void checkInsertable(LeadRecord lead) {
        table.checkInsertable(lead);
        if (lead.idempotencyKey() != null && byKey(lead.tenantId(), lead.idempotencyKey()).isPresent()) {
            throw new DuplicateException(TYPE, "idempotencyKey");
        }
    }

    @Override
    public void lock(String tenantId, UUID id) {
        Checks.tenantId("tenantId", tenantId);
        Checks.id("id", id);
        unit.run(() -> table.lock(tenantId, id));
    }

    @Override
    public LeadRecord update(LeadRecord lead, long expectedVersion) {
        Checks.required("lead", lead);
        return unit.inTransaction(() -> {
            LeadRecord stored = table.expect(lead.tenantId(), lead.id(), expectedVersion);
            LeadRecord next = new LeadRecord(lead.tenantId(), lead.id(), expectedVersion + 1, stored.createdAt(),
                    lead.updatedAt(), lead.details(), lead.nameKey(), lead.attribution(), lead.status(),
                    lead.disqualificationReason(), lead.qualification(), lead.score(), lead.scoreFactors(),
                    lead.ownerId(), lead.assignedAt(), lead.firstContactDueAt(), lead.firstContactedAt(),
                    lead.matchedCustomerId(), lead.needsReview(), lead.convertedCustomerId(),
                    lead.convertedOpportunityId(), lead.closedAt(), stored.idempotencyKey());
            table.put(next);
            return next;
        });
    }

    @Override
    public int moveCustomer(String tenantId, UUID fromCustomerId, UUID toCustomerId, Instant now) {
        Checks.tenantId("tenantId", tenantId);
        Checks.id("fromCustomerId", fromCustomerId);
        Checks.id("toCustomerId", toCustomerId);
        Instant at = Checks.instant("now", now);
        return unit.inTransaction(() -> {
            List<LeadRecord> moving = table.all(tenantId).stream()
                    .filter(l -> fromCustomerId.equals(l.matchedCustomerId())
                            || fromCustomerId.equals(l.convertedCustomerId()))
                    .toList();
            for (LeadRecord l : moving) {
                UUID matched = fromCustomerId.equals(l.matchedCustomerId()) ? toCustomerId : l.matchedCustomerId();
                UUID converted = fromCustomerId.equals(l.convertedCustomerId()) ? toCustomerId
                        : l.convertedCustomerId();
                table.put(new LeadRecord(tenantId, l.id(), l.version() + 1, l.createdAt(), at, l.details(),
                        l.nameKey(), l.attribution(), l.status(), l.disqualificationReason(), l.qualification(),
                        l.score(), l.scoreFactors(), l.ownerId(), l.assignedAt(), l.firstContactDueAt(),
                        l.firstContactedAt(), matched, l.needsReview(), converted, l.convertedOpportunityId(),
                        l.closedAt(), l.idempotencyKey()));
            }
            return moving.size();
        });
    }

    @Override
    public Optional<LeadRecord> get(String tenantId, UUID id) {
        Checks.tenantId("tenantId", tenantId);
        Checks.id("id", id);
        return unit.inTransaction(() -> table.get(tenantId, id));
    }

    @Override
    public List<LeadRecord> getAll(String tenantId, Collection<UUID> ids) {
        Checks.tenantId("tenantId", tenantId);
        Checks.noNulls("ids", ids);
        return unit.inTransaction(() -> ids.stream().distinct().map(id -> table.get(tenantId, id).orElse(null))
                .filter(Objects::nonNull).toList());
    }

    @Override
    public Optional<LeadRecord> findByIdempotencyKey(String tenantId, String idempotencyKey) {
        Checks.tenantId("tenantId", tenantId);
        Checks.text("idempotencyKey", idempotencyKey, 100);
        return unit.inTransaction(() -> byKey(tenantId, idempotencyKey));
    }

    @Override
    public List<LeadRecord> findByIdempotencyKeys(String tenantId, Collection<String> idempotencyKeys) {
        Checks.tenantId("tenantId", tenantId);
        Set<String> wanted = new HashSet<>(Checks.noNulls("idempotencyKeys", idempotencyKeys));
        Checks.limit("idempotencyKeys.size", Math.max(1, wanted.size()), MAX_LOOKUP);
        return unit.inTransaction(() -> table.all(tenantId).stream()
                .filter(l -> l.idempotencyKey() != null && wanted.contains(l.idempotencyKey())).toList());
    }

    private Optional<LeadRecord> byKey(String tenantId, String idempotencyKey) {
        return table.all(tenantId).stream().filter(l -> idempotencyKey.equals(l.idempotencyKey())).findFirst();
    }

    @Override
    public List<LeadRecord> findOpenByKey(String tenantId, LeadKey key, Collection<String> values, int limit) {
        Checks.tenantId("tenantId", tenantId);
        Checks.required("key", key);
        Set<String> wanted = new HashSet<>(Checks.noNulls("values", values));
        Checks.limit("limit", limit, MAX_LOOKUP);
        Function<LeadRecord, String> value = switch (key) {
            case EMAIL -> l -> l.details().email();
            case PHONE -> l -> l.details().phone();
            case NAME_KEY -> LeadRecord::nameKey;
        };
        return unit.inTransaction(() -> table.all(tenantId).stream()
                .filter(l -> l.isOpen() && value.apply(l) != null && wanted.contains(value.apply(l)))
                .limit(limit).toList());
    }

    @Override
    public List<LeadRecord> convertedInto(String tenantId, UUID customerId, int limit) {
        Checks.tenantId("tenantId", tenantId);
        Checks.id("customerId", customerId);
        Checks.limit("limit", limit, MAX_LOOKUP);
        return unit.inTransaction(() -> table.all(tenantId).stream()
                .filter(l -> customerId.equals(l.convertedCustomerId()))
                .sorted(Comparator.comparing(LeadRecord::closedAt).thenComparing(LeadRecord::id, Ids.ORDER))
                .limit(limit).toList());
    }

    @Override
    public Page<LeadRecord> find(String tenantId, LeadFilter filter, PageRequest page) {
        Checks.tenantId("tenantId", tenantId);
        Checks.required("filter", filter);
        Checks.required("page", page);
        return unit.inTransaction(() -> Paging.page(table.all(tenantId).stream().filter(filter::matches),
                (a, b) -> Ids.ORDER.compare(a.id(), b.id()), page, 1, l -> List.of(l.id().toString()),
                keys -> {
                    UUID after = Paging.id(keys.get(0));
                    return l -> Ids.ORDER.compare(l.id(), after) > 0;
                }));
    }

    @Override
    public Map<UUID, Integer> openCountsByOwner(String tenantId, Collection<UUID> ownerIds) {
        Checks.tenantId("tenantId", tenantId);
        Checks.noNulls("ownerIds", ownerIds);
        return unit.inTransaction(() -> {
            Map<UUID, Integer> counts = new LinkedHashMap<>();
            ownerIds.forEach(id -> counts.put(id, 0));
            for (LeadRecord lead : table.all(tenantId)) {
                if (lead.isOpen() && lead.ownerId() != null && counts.containsKey(lead.ownerId())) {
                    counts.merge(lead.ownerId(), 1, Integer::sum);
                }
            }
            return counts;
        });
    }

    @Override
    public List<LeadTally> tally(String tenantId, Instant from, Instant to) {
        Checks.tenantId("tenantId", tenantId);
        Instant start = Checks.instant("from", from);
        Instant end = Checks.instant("to", to);
        return unit.inTransaction(() -> table.all(tenantId).stream()
                .filter(l -> !l.createdAt().isBefore(start) && l.createdAt().isBefore(end))
                .collect(Collectors.groupingBy(l -> new LeadTally(l.attribution().source(), l.status(), 0),
                        Collectors.counting()))
                .entrySet().stream()
                .map(e -> new LeadTally(e.getKey().source(), e.getKey().status(), e.getValue()))
                .sorted(Comparator.comparing(LeadTally::source).thenComparing(LeadTally::status))
                .toList());
    }

    @Override
    public Optional<LeadRotationRecord> rotation(String tenantId, String pool) {
        Checks.tenantId("tenantId", tenantId);
        Checks.text("pool", pool, 100);
        return unit.inTransaction(() -> Optional.ofNullable(pools(tenantId).get(pool)));
    }

    @Override
    public LeadRotationRecord saveRotation(LeadRotationRecord rotation, long expectedVersion) {
        Checks.required("rotation", rotation);
        if (expectedVersion < 0) {
            throw new dev.crmkit.model.ValidationException("expectedVersion", "must not be negative");
        }
        return unit.inTransaction(() -> {
            Map<String, LeadRotationRecord> pools = pools(rotation.tenantId());
            LeadRotationRecord stored = pools.get(rotation.pool());
            long storedVersion = stored == null ? 0 : stored.version();
            if (storedVersion != expectedVersion) {
                throw ConflictException.staleVersion("leadRotation", rotation.pool(), expectedVersion);
            }
            LeadRotationRecord next = new LeadRotationRecord(rotation.tenantId(), rotation.pool(),
                    rotation.lastMemberId(), expectedVersion + 1);
            pools.put(rotation.pool(), next);
            unit.onRollback(() -> {
                if (stored == null) {
                    pools.remove(rotation.pool());
                } else {
                    pools.put(rotation.pool(), stored);
                }
            });
            return next;
        });
    }

    private Map<String, LeadRotationRecord> pools(String tenantId) {
        return rotations.computeIfAbsent(tenantId, t -> new HashMap<>());
    }
}
