package dev.crmkit.jdbc;

import dev.crmkit.model.Checks;
import dev.crmkit.model.ConflictException;
import dev.crmkit.model.Cursor;
import dev.crmkit.model.NotFoundException;
import dev.crmkit.model.Page;
import dev.crmkit.model.PageRequest;
import dev.crmkit.spi.loyalty.RewardRecord;
import dev.crmkit.spi.loyalty.RewardStore;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The stored rewards catalogue in {@code crm_loyalty_reward}, by code through {@code uq_crm_loyalty_reward_code}
 * (which also serves the pages by code). An update, a redemption's taking of stock included, is a compare-and-set on
 * the version.
 */
final class JdbcRewardStore implements RewardStore {
    private static final String TYPE = "reward";
    private static final Map<String, String> UNIQUE = Map.of("uq_crm_loyalty_reward_code", "code");
    private static final String COLUMNS = "tenant_id, id, version, created_at, updated_at, code, name, points,"
            + " valid_from, valid_until, stock";
    private static final String SELECT = "SELECT " + COLUMNS + " FROM crm_loyalty_reward";

    private final Database db;

    JdbcRewardStore(Database db) {
        this.db = db;
    }

    @Override
    public RewardRecord insert(RewardRecord r) {
        Checks.required("reward", r);
        RewardRecord stored = new RewardRecord(r.tenantId(), r.id(), 1, r.createdAt(), r.updatedAt(), r.code(),
                r.name(), r.points(), r.validFrom(), r.validUntil(), r.stock());
        return db.write(TYPE, UNIQUE, c -> {
            db.update(c, "INSERT INTO crm_loyalty_reward (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    Arrays.asList(r.tenantId(), r.id(), 1L, r.createdAt(), r.updatedAt(), r.code(), r.name(),
                            r.points(), r.validFrom(), r.validUntil(), r.stock()));
            return stored;
        });
    }

    @Override
    public RewardRecord update(RewardRecord r, long expectedVersion) {
        Checks.required("reward", r);
        return db.write(TYPE, UNIQUE, c -> {
            int changed = db.update(c, "UPDATE crm_loyalty_reward SET version = ?, updated_at = ?, name = ?,"
                    + " points = ?, valid_from = ?, valid_until = ?, stock = ?"
                    + " WHERE tenant_id = ? AND id = ? AND version = ?",
                    Arrays.asList(expectedVersion + 1, r.updatedAt(), r.name(), r.points(), r.validFrom(),
                            r.validUntil(), r.stock(), r.tenantId(), r.id(), expectedVersion));
            if (changed == 0) {
                throw load(c, r.tenantId(), r.id()).isPresent()
                        ? ConflictException.staleVersion(TYPE, r.id(), expectedVersion)
                        : new NotFoundException(TYPE, r.id());
            }
            return load(c, r.tenantId(), r.id()).orElseThrow();
        });
    }

    @Override
    public Optional<RewardRecord> get(String tenantId, UUID id) {
        Checks.tenantId("tenantId", tenantId);
        Checks.id("id", id);
        return db.read(TYPE, c -> load(c, tenantId, id));
    }

    @Override
    public Optional<RewardRecord> findByCode(String tenantId, String code) {
        Checks.tenantId("tenantId", tenantId);
        Checks.text("code", code, 100);
        return db.read(TYPE, c -> db.one(c, SELECT + " WHERE tenant_id = ? AND code = ?", List.of(tenantId, code),
                JdbcRewardStore::reward));
    }

    @Override
    public Page<RewardRecord> page(String tenantId, PageRequest page) {
        Checks.tenantId("tenantId", tenantId);
        Checks.required("page", page);
        StringBuilder sql = new StringBuilder(SELECT + " WHERE tenant_id = ?");
        List<Object> parameters = new ArrayList<>(List.of(tenantId));
        if (page.after() != null) {
            sql.append(" AND code > ?");
            parameters.add(page.after().keys(1).get(0));
        }
        sql.append(" ORDER BY code").append(Database.limit(page.limit()));
        List<RewardRecord> items = db.read(TYPE, c -> db.list(c, sql.toString(), parameters,
                JdbcRewardStore::reward));
        Optional<Cursor> next = items.size() == page.limit()
                ? Optional.of(Cursor.of(List.of(items.get(items.size() - 1).code())))
                : Optional.empty();
        return new Page<>(items, next);
    }

    private Optional<RewardRecord> load(Connection c, String tenantId, UUID id) throws SQLException {
        return db.one(c, SELECT + " WHERE tenant_id = ? AND id = ?", List.of(tenantId, id), JdbcRewardStore::reward);
    }

    private static RewardRecord reward(Row r) throws SQLException {
        return new RewardRecord(r.text("tenant_id"), r.id("id"), r.number("version"), r.instant("created_at"),
                r.instant("updated_at"), r.text("code"), r.text("name"), r.number("points"),
                r.instant("valid_from"), r.instant("valid_until"), r.optionalNumber("stock"));
    }
}
