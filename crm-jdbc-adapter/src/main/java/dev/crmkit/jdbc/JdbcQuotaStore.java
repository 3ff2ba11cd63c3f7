package dev.crmkit.jdbc;

import dev.crmkit.model.Checks;
import dev.crmkit.model.ConflictException;
import dev.crmkit.model.DuplicateException;
import dev.crmkit.model.ValidationException;
import dev.crmkit.model.forecast.QuotaScope;
import dev.crmkit.spi.Ids;
import dev.crmkit.spi.forecast.QuotaRecord;
import dev.crmkit.spi.forecast.QuotaStore;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Sales quotas in {@code crm_quota}, one row per member, scope and period. A first quota is an {@code INSERT} that a
 * racing first quota meets as a duplicate key; a later one an {@code UPDATE ... WHERE version = ?}, which the
 * database re-checks against the committed row, so of two racing changes exactly one is stored.
 */
final class JdbcQuotaStore implements QuotaStore {
    private static final String TYPE = "quota";
    private static final String COLUMNS = "tenant_id, id, version, created_at, updated_at, member_id, scope, period,"
            + " amount, currency";

    private final Database db;

    JdbcQuotaStore(Database db) {
        this.db = db;
    }

    @Override
    public QuotaRecord save(QuotaRecord quota, long expectedVersion) {
        Checks.required("quota", quota);
        if (expectedVersion < 0) {
            throw new ValidationException("expectedVersion", "must be 0 (no quota yet) or more");
        }
        String key = quota.memberId() + "/" + quota.scope() + "/" + quota.period();
        if (expectedVersion == 0) {
            try {
                db.write(TYPE, Map.of(), c -> db.update(c, "INSERT INTO crm_quota (" + COLUMNS
                        + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", Arrays.asList(quota.tenantId(), quota.id(), 1L,
                        quota.createdAt(), quota.updatedAt(), quota.memberId(), quota.scope(), quota.period(),
                        quota.amount(), quota.currency())));
            } catch (DuplicateException e) {
                throw ConflictException.staleVersion(TYPE, key, expectedVersion);
            }
        } else {
            db.write(TYPE, Map.of(), c -> {
                int changed = db.update(c, "UPDATE crm_quota SET version = ?, updated_at = ?, amount = ?, currency = ?"
                        + " WHERE tenant_id = ? AND member_id = ? AND scope = ? AND period = ? AND version = ?",
                        Arrays.asList(expectedVersion + 1, quota.updatedAt(), quota.amount(), quota.currency(),
                                quota.tenantId(), quota.memberId(), quota.scope(), quota.period(), expectedVersion));
                if (changed == 0) {
                    throw ConflictException.staleVersion(TYPE, key, expectedVersion);
                }
                return changed;
            });
        }
        return get(quota.tenantId(), quota.memberId(), quota.scope(), quota.period()).orElseThrow();
    }

    @Override
    public Optional<QuotaRecord> get(String tenantId, UUID memberId, QuotaScope scope, String period) {
        Checks.tenantId("tenantId", tenantId);
        Checks.id("memberId", memberId);
        Checks.required("scope", scope);
        Checks.required("period", period);
        return db.read(TYPE, c -> db.one(c, "SELECT " + COLUMNS + " FROM crm_quota WHERE tenant_id = ?"
                + " AND member_id = ? AND scope = ? AND period = ?", List.of(tenantId, memberId, scope, period),
                JdbcQuotaStore::row));
    }

    @Override
    public List<QuotaRecord> forPeriod(String tenantId, String period) {
        Checks.tenantId("tenantId", tenantId);
        Checks.required("period", period);
        List<QuotaRecord> quotas = new ArrayList<>(db.read(TYPE, c -> db.list(c, "SELECT " + COLUMNS
                + " FROM crm_quota WHERE tenant_id = ? AND period = ?", List.of(tenantId, period),
                JdbcQuotaStore::row)));
        // ordered here: MariaDB keeps ids as text, and Ids.ORDER is the contract's order on every backend
        quotas.sort(Comparator.comparing(QuotaRecord::memberId, Ids.ORDER).thenComparing(QuotaRecord::scope));
        return quotas;
    }

    private static QuotaRecord row(Row r) throws SQLException {
        return new QuotaRecord(r.text("tenant_id"), r.id("id"), r.number("version"), r.instant("created_at"),
                r.instant("updated_at"), r.id("member_id"), QuotaScope.valueOf(r.text("scope")), r.text("period"),
                r.decimal("amount"), r.text("currency"));
    }
}
