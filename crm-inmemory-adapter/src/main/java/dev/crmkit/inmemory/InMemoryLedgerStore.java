package dev.crmkit.inmemory;

import dev.crmkit.model.Checks;
import dev.crmkit.model.DuplicateException;
import dev.crmkit.model.Page;
import dev.crmkit.model.PageRequest;
import dev.crmkit.model.loyalty.LedgerEntryKind;
import dev.crmkit.spi.Ids;
import dev.crmkit.spi.loyalty.LedgerEntryRecord;
import dev.crmkit.spi.loyalty.LedgerStore;
import dev.crmkit.spi.loyalty.LedgerSums;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Predicate;

final class InMemoryLedgerStore implements LedgerStore {
    private static final String TYPE = "ledger entry";
    private static final Comparator<LedgerEntryRecord> NEWEST_FIRST =
            Comparator.comparing(LedgerEntryRecord::id, Ids.ORDER).reversed();

    private final UnitOfWork unit;
    private final Map<String, NavigableMap<UUID, LedgerEntryRecord>> tenants = new HashMap<>();

    InMemoryLedgerStore(UnitOfWork unit) {
        this.unit = unit;
    }

    private NavigableMap<UUID, LedgerEntryRecord> rows(String tenantId) {
        return tenants.computeIfAbsent(tenantId, t -> new TreeMap<>(Ids.ORDER));
    }

    @Override
    public LedgerEntryRecord append(LedgerEntryRecord entry) {
        Checks.required("entry", entry);
        return unit.inTransaction(() -> {
            checkAppendable(entry);
            NavigableMap<UUID, LedgerEntryRecord> rows = rows(entry.tenantId());
            rows.put(entry.id(), entry);
            unit.onRollback(() -> rows.remove(entry.id()));
            return entry;
        });
    }

    /** Fails as {@link #append} would when the entry's id or key is taken; call it inside a unit. */
    void checkAppendable(LedgerEntryRecord entry) {
        if (rows(entry.tenantId()).containsKey(entry.id())) {
            throw new DuplicateException(TYPE, "id");
        }
        if (key(entry.tenantId(), entry.idempotencyKey()).isPresent()) {
            throw new DuplicateException(TYPE, "idempotencyKey");
        }
    }

    @Override
    public Optional<LedgerEntryRecord> findByIdempotencyKey(String tenantId, String idempotencyKey) {
        Checks.tenantId("tenantId", tenantId);
        Checks.text("idempotencyKey", idempotencyKey, 100);
        return unit.inTransaction(() -> key(tenantId, idempotencyKey));
    }

    private Optional<LedgerEntryRecord> key(String tenantId, String idempotencyKey) {
        return rows(tenantId).values().stream().filter(e -> e.idempotencyKey().equals(idempotencyKey)).findFirst();
    }

    @Override
    public Page<LedgerEntryRecord> entries(String tenantId, UUID membershipId, PageRequest page) {
        Checks.tenantId("tenantId", tenantId);
        Checks.id("membershipId", membershipId);
        Checks.required("page", page);
        return unit.inTransaction(() -> Paging.page(
                rows(tenantId).values().stream().filter(e -> e.membershipId().equals(membershipId)), NEWEST_FIRST,
                page, 1, e -> List.of(e.id().toString()),
                keys -> {
                    UUID after = Paging.id(keys.get(0));
                    return e -> Ids.ORDER.compare(e.id(), after) < 0;
                }));
    }

    @Override
    public LedgerSums sums(String tenantId, UUID membershipId) {
        Checks.tenantId("tenantId", tenantId);
        Checks.id("membershipId", membershipId);
        return sum(tenantId, membershipId, LedgerEntryKind::changesAvailable);
    }

    @Override
    public LedgerSums sums(String tenantId, UUID membershipId, LedgerEntryKind kind) {
        Checks.tenantId("tenantId", tenantId);
        Checks.id("membershipId", membershipId);
        Checks.required("kind", kind);
        return sum(tenantId, membershipId, kind::equals);
    }

    private LedgerSums sum(String tenantId, UUID membershipId, Predicate<LedgerEntryKind> kinds) {
        return unit.inTransaction(() -> {
            long qualifying = 0;
            long redeemable = 0;
            long entries = 0;
            for (LedgerEntryRecord e : rows(tenantId).values()) {
                if (e.membershipId().equals(membershipId) && kinds.test(e.kind())) {
                    qualifying += e.qualifyingPoints();
                    redeemable += e.redeemablePoints();
                    entries++;
                }
            }
            return new LedgerSums(qualifying, redeemable, entries);
        });
    }

    /** The tenant's entries in id order, for the ledger reports; the caller holds the unit. */
    List<LedgerEntryRecord> entriesOf(String tenantId) {
        return List.copyOf(rows(tenantId).values());
    }

    /** The membership's entries, for the tier measures; the caller holds the unit. */
    List<LedgerEntryRecord> entriesOf(String tenantId, UUID membershipId) {
        return rows(tenantId).values().stream().filter(e -> e.membershipId().equals(membershipId)).toList();
    }
}
