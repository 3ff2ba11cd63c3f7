package dev.crmkit.inmemory;

import dev.crmkit.model.Checks;
import dev.crmkit.model.ConflictException;
import dev.crmkit.model.ValidationException;
import dev.crmkit.model.forecast.QuotaScope;
import dev.crmkit.spi.Ids;
import dev.crmkit.spi.forecast.QuotaRecord;
import dev.crmkit.spi.forecast.QuotaStore;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Sales quotas, one row per member, scope and period, replaced by compare-and-set on its version. */
final class InMemoryQuotaStore implements QuotaStore {
    private static final String TYPE = "quota";

    private final UnitOfWork unit;
    private final Table<QuotaRecord> table;

    InMemoryQuotaStore(UnitOfWork unit) {
        this.unit = unit;
        this.table = new Table<>(TYPE, unit);
    }

    @Override
    public QuotaRecord save(QuotaRecord quota, long expectedVersion) {
        Checks.required("quota", quota);
        if (expectedVersion < 0) {
            throw new ValidationException("expectedVersion", "must be 0 (no quota yet) or more");
        }
        return unit.inTransaction(() -> {
            Optional<QuotaRecord> stored = stored(quota.tenantId(), quota.memberId(), quota.scope(), quota.period());
            if (stored.map(QuotaRecord::version).orElse(0L) != expectedVersion) {
                throw ConflictException.staleVersion(TYPE, quota.memberId() + "/" + quota.scope() + "/"
                        + quota.period(), expectedVersion);
            }
            QuotaRecord next = new QuotaRecord(quota.tenantId(), stored.map(QuotaRecord::id).orElse(quota.id()),
                    expectedVersion + 1, stored.map(QuotaRecord::createdAt).orElse(quota.createdAt()),
                    quota.updatedAt(), quota.memberId(), quota.scope(), quota.period(), quota.amount(),
                    quota.currency());
            table.put(next);
            return next;
        });
    }

    @Override
    public Optional<QuotaRecord> get(String tenantId, UUID memberId, QuotaScope scope, String period) {
        Checks.tenantId("tenantId", tenantId);
        Checks.id("memberId", memberId);
        Checks.required("scope", scope);
        Checks.required("period", period);
        return unit.inTransaction(() -> stored(tenantId, memberId, scope, period));
    }

    @Override
    public List<QuotaRecord> forPeriod(String tenantId, String period) {
        Checks.tenantId("tenantId", tenantId);
        Checks.required("period", period);
        return unit.inTransaction(() -> table.all(tenantId).stream().filter(q -> q.period().equals(period))
                .sorted(Comparator.comparing(QuotaRecord::memberId, Ids.ORDER).thenComparing(QuotaRecord::scope))
                .toList());
    }

    private Optional<QuotaRecord> stored(String tenantId, UUID memberId, QuotaScope scope, String period) {
        return table.all(tenantId).stream().filter(q -> q.memberId().equals(memberId) && q.scope() == scope
                && q.period().equals(period)).findFirst();
    }
}
