package dev.crmkit.jdbc;

import dev.crmkit.model.Checks;
import dev.crmkit.model.ConflictException;
import dev.crmkit.model.NotFoundException;
import dev.crmkit.model.loyalty.ExpiryKind;
import dev.crmkit.model.loyalty.ProgrammeRuleKind;
import dev.crmkit.spi.loyalty.ProgrammeExpiry;
import dev.crmkit.spi.loyalty.ProgrammeRecord;
import dev.crmkit.spi.loyalty.ProgrammeRuleRecord;
import dev.crmkit.spi.loyalty.ProgrammeStore;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Programmes in {@code crm_loyalty_programme}, by code through {@code uq_crm_loyalty_programme_code}, with their rules
 * in {@code crm_loyalty_programme_rule} in {@code seq_no} order. An update is a compare-and-set on the version that
 * then replaces the rules whole.
 */
final class JdbcProgrammeStore implements ProgrammeStore {
    private static final String TYPE = "programme";
    private static final Map<String, String> UNIQUE = Map.of("uq_crm_loyalty_programme_code", "code");
    private static final String SELECT = "SELECT tenant_id, id, version, created_at, updated_at, code, currency,"
            + " qualifying_per_unit, redeemable_per_unit, return_window_days, expiry_kind, expiry_months"
            + " FROM crm_loyalty_programme";

    private final Database db;

    JdbcProgrammeStore(Database db) {
        this.db = db;
    }

    @Override
    public ProgrammeRecord insert(ProgrammeRecord p) {
        Checks.required("programme", p);
        ProgrammeRecord stored = new ProgrammeRecord(p.tenantId(), p.id(), 1, p.createdAt(), p.updatedAt(), p.code(),
                p.currency(), p.qualifyingPerUnit(), p.redeemablePerUnit(), p.returnWindowDays(), p.rules(),
                p.expiryKind(), p.expiryMonths());
        return db.write(TYPE, UNIQUE, c -> {
            db.update(c, "INSERT INTO crm_loyalty_programme (tenant_id, id, version, created_at, updated_at, code,"
                    + " currency, qualifying_per_unit, redeemable_per_unit, return_window_days, expiry_kind,"
                    + " expiry_months)"
                    + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    List.of(p.tenantId(), p.id(), 1L, p.createdAt(), p.updatedAt(), p.code(), p.currency(),
                            p.qualifyingPerUnit(), p.redeemablePerUnit(), p.returnWindowDays(), p.expiryKind(),
                            p.expiryMonths()));
            insertRules(c, p);
            return stored;
        });
    }

    @Override
    public ProgrammeRecord update(ProgrammeRecord p, long expectedVersion) {
        Checks.required("programme", p);
        return db.write(TYPE, UNIQUE, c -> {
            int changed = db.update(c, "UPDATE crm_loyalty_programme SET version = ?, updated_at = ?, currency = ?,"
                    + " qualifying_per_unit = ?, redeemable_per_unit = ?, return_window_days = ?, expiry_kind = ?,"
                    + " expiry_months = ? WHERE tenant_id = ? AND id = ? AND version = ?",
                    List.of(expectedVersion + 1, p.updatedAt(), p.currency(), p.qualifyingPerUnit(),
                            p.redeemablePerUnit(), p.returnWindowDays(), p.expiryKind(), p.expiryMonths(),
                            p.tenantId(), p.id(), expectedVersion));
            if (changed == 0) {
                throw load(c, p.tenantId(), p.id()).isPresent()
                        ? ConflictException.staleVersion(TYPE, p.id(), expectedVersion)
                        : new NotFoundException(TYPE, p.id());
            }
            db.update(c, "DELETE FROM crm_loyalty_programme_rule WHERE tenant_id = ? AND programme_id = ?",
                    List.of(p.tenantId(), p.id()));
            insertRules(c, p);
            return load(c, p.tenantId(), p.id()).orElseThrow();
        });
    }

    private void insertRules(Connection c, ProgrammeRecord p) throws SQLException {
        List<List<?>> rows = new ArrayList<>();
        for (int i = 0; i < p.rules().size(); i++) {
            ProgrammeRuleRecord r = p.rules().get(i);
            rows.add(Arrays.asList(p.tenantId(), p.id(), i + 1, r.kind(), r.key(), r.factor(), r.qualifyingPoints(),
                    r.redeemablePoints(), r.category(), r.validFrom(), r.validUntil()));
        }
        if (!rows.isEmpty()) {
            db.batch(c, "INSERT INTO crm_loyalty_programme_rule (tenant_id, programme_id, seq_no, kind, rule_key,"
                    + " factor, qualifying_points, redeemable_points, category, valid_from, valid_until)"
                    + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", rows);
        }
    }

    @Override
    public Optional<ProgrammeRecord> get(String tenantId, UUID id) {
        Checks.tenantId("tenantId", tenantId);
        Checks.id("id", id);
        return db.read(TYPE, c -> load(c, tenantId, id));
    }

    @Override
    public Optional<ProgrammeRecord> findByCode(String tenantId, String code) {
        Checks.tenantId("tenantId", tenantId);
        Checks.text("code", code, 64);
        return db.read(TYPE, c -> complete(c, db.one(c, SELECT + " WHERE tenant_id = ? AND code = ?",
                List.of(tenantId, code), JdbcProgrammeStore::head)));
    }

    /** The policy alone, from the programme's row: one indexed read, no rules. */
    @Override
    public Optional<ProgrammeExpiry> findExpiry(String tenantId, String code) {
        Checks.tenantId("tenantId", tenantId);
        Checks.text("code", code, 64);
        return db.read(TYPE, c -> db.one(c, "SELECT expiry_kind, expiry_months FROM crm_loyalty_programme"
                + " WHERE tenant_id = ? AND code = ?", List.of(tenantId, code),
                r -> new ProgrammeExpiry(r.enumValue(ExpiryKind.class, "expiry_kind"), r.integer("expiry_months"))));
    }

    private Optional<ProgrammeRecord> load(Connection c, String tenantId, UUID id) throws SQLException {
        return complete(c, db.one(c, SELECT + " WHERE tenant_id = ? AND id = ?", List.of(tenantId, id),
                JdbcProgrammeStore::head));
    }

    private Optional<ProgrammeRecord> complete(Connection c, Optional<Head> head) throws SQLException {
        if (head.isEmpty()) {
            return Optional.empty();
        }
        Head h = head.get();
        List<ProgrammeRuleRecord> rules = db.list(c, "SELECT kind, rule_key, factor, qualifying_points,"
                + " redeemable_points, category, valid_from, valid_until FROM crm_loyalty_programme_rule"
                + " WHERE tenant_id = ? AND programme_id = ? ORDER BY seq_no", List.of(h.tenantId, h.id),
                r -> new ProgrammeRuleRecord(r.enumValue(ProgrammeRuleKind.class, "kind"), r.text("rule_key"),
                        r.decimal("factor"), r.number("qualifying_points"), r.number("redeemable_points"),
                        r.text("category"), r.instant("valid_from"), r.instant("valid_until")));
        return Optional.of(new ProgrammeRecord(h.tenantId, h.id, h.version, h.createdAt, h.updatedAt, h.code,
                h.currency, h.qualifyingPerUnit, h.redeemablePerUnit, h.returnWindowDays, rules, h.expiryKind,
                h.expiryMonths));
    }

    /** A programme's own row, before its rules are read. */
    private record Head(String tenantId, UUID id, long version, Instant createdAt, Instant updatedAt, String code,
            String currency, BigDecimal qualifyingPerUnit, BigDecimal redeemablePerUnit, int returnWindowDays,
            ExpiryKind expiryKind, int expiryMonths) {
    }

    private static Head head(Row r) throws SQLException {
        return new Head(r.text("tenant_id"), r.id("id"), r.number("version"), r.instant("created_at"),
                r.instant("updated_at"), r.text("code"), r.text("currency"), r.decimal("qualifying_per_unit"),
                r.decimal("redeemable_per_unit"), r.integer("return_window_days"),
                r.enumValue(ExpiryKind.class, "expiry_kind"), r.integer("expiry_months"));
    }
}
