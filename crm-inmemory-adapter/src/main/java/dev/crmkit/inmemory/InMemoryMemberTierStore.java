package dev.crmkit.inmemory;

import dev.crmkit.model.Checks;
import dev.crmkit.model.DuplicateException;
import dev.crmkit.model.loyalty.LedgerEntryKind;
import dev.crmkit.spi.Ids;
import dev.crmkit.spi.loyalty.LedgerEntryRecord;
import dev.crmkit.spi.loyalty.MemberTierRecord;
import dev.crmkit.spi.loyalty.MemberTierStore;
import dev.crmkit.spi.loyalty.TierChangeRecord;
import dev.crmkit.spi.loyalty.TierMeasure;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;

final class InMemoryMemberTierStore implements MemberTierStore {
    private static final String TYPE = "member tier";

    private final UnitOfWork unit;
    private final Table<MemberTierRecord> table;
    private final InMemoryLedgerStore ledger;
    private final Map<String, NavigableMap<UUID, TierChangeRecord>> changes = new HashMap<>();

    InMemoryMemberTierStore(UnitOfWork unit, InMemoryLedgerStore ledger) {
        this.unit = unit;
        this.table = new Table<>(TYPE, unit);
        this.ledger = ledger;
    }

    @Override
    public MemberTierRecord insert(MemberTierRecord t) {
        Checks.required("tier", t);
        return unit.inTransaction(() -> table.insert(new MemberTierRecord(t.tenantId(), t.id(), 1, t.createdAt(),
                t.updatedAt(), t.programme(), t.tier(), t.since(), t.reviewAt())));
    }

    @Override
    public MemberTierRecord update(MemberTierRecord t, long expectedVersion) {
        Checks.required("tier", t);
        return unit.inTransaction(() -> {
            MemberTierRecord stored = table.expect(t.tenantId(), t.id(), expectedVersion);
            MemberTierRecord next = new MemberTierRecord(stored.tenantId(), stored.id(), expectedVersion + 1,
                    stored.createdAt(), t.updatedAt(), stored.programme(), t.tier(), t.since(), t.reviewAt());
            table.put(next);
            return next;
        });
    }

    @Override
    public Optional<MemberTierRecord> get(String tenantId, UUID membershipId) {
        Checks.tenantId("tenantId", tenantId);
        Checks.id("membershipId", membershipId);
        return unit.inTransaction(() -> table.get(tenantId, membershipId));
    }

    @Override
    public TierChangeRecord append(TierChangeRecord change) {
        Checks.required("change", change);
        return unit.inTransaction(() -> {
            NavigableMap<UUID, TierChangeRecord> rows = changes.computeIfAbsent(change.tenantId(),
                    t -> new TreeMap<>(Ids.ORDER));
            if (rows.containsKey(change.id())) {
                throw new DuplicateException(TYPE + " change", "id");
            }
            rows.put(change.id(), change);
            unit.onRollback(() -> rows.remove(change.id()));
            return change;
        });
    }

    @Override
    public List<TierChangeRecord> history(String tenantId, UUID membershipId, int limit) {
        Checks.tenantId("tenantId", tenantId);
        Checks.id("membershipId", membershipId);
        Checks.limit("limit", limit, 1000);
        return unit.inTransaction(() -> {
            List<TierChangeRecord> all = changes.getOrDefault(tenantId, new TreeMap<>(Ids.ORDER)).values().stream()
                    .filter(c -> c.membershipId().equals(membershipId)).toList();
            return List.copyOf(all.subList(Math.max(0, all.size() - limit), all.size()));
        });
    }

    @Override
    public TierMeasure measure(String tenantId, UUID membershipId, Instant after) {
        Checks.tenantId("tenantId", tenantId);
        Checks.id("membershipId", membershipId);
        Instant from = Checks.instant("after", after);
        return unit.inTransaction(() -> {
            long qualifying = 0;
            long accruals = 0;
            for (LedgerEntryRecord e : ledger.entriesOf(tenantId, membershipId)) {
                // pending points and points owed are kept apart from the balance, as LedgerStore.sums keeps them
                if (e.postedAt().isAfter(from) && e.kind() != LedgerEntryKind.PENDING
                        && e.kind() != LedgerEntryKind.CLAWBACK) {
                    qualifying += e.qualifyingPoints();
                    accruals += e.kind() == LedgerEntryKind.ACCRUAL ? 1 : 0;
                }
            }
            return new TierMeasure(qualifying, accruals);
        });
    }
}
