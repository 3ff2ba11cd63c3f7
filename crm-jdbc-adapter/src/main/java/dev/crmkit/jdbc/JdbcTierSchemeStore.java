package dev.crmkit.jdbc;

import dev.crmkit.model.Checks;
import dev.crmkit.model.ConflictException;
import dev.crmkit.model.NotFoundException;
import dev.crmkit.model.loyalty.TierBasis;
import dev.crmkit.spi.loyalty.TierRecord;
import dev.crmkit.spi.loyalty.TierSchemeRecord;
import dev.crmkit.spi.loyalty.TierSchemeStore;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Tier schemes in {@code crm_loyalty_tier_scheme}, one per programme through
 * {@code uq_crm_loyalty_tier_scheme_programme}, with their tiers in {@code crm_loyalty_tier} and the tiers' benefits in
 * {@code crm_loyalty_tier_benefit}, both in {@code seq_no} order. An update is a compare-and-set on the version that
 * then replaces the tiers whole.
 */
final class JdbcTierSchemeStore implements TierSchemeStore {
    private static final String TYPE = "tier scheme";
    private static final Map<String, String> UNIQUE = Map.of("uq_crm_loyalty_tier_scheme_programme", "programme");
    private static final String SELECT = "SELECT tenant_id, id, version, created_at, updated_at, programme, basis,"
            + " window_months FROM crm_loyalty_tier_scheme";

    private final Database db;

    JdbcTierSchemeStore(Database db) {
        this.db = db;
    }

    @Override
    public TierSchemeRecord insert(TierSchemeRecord s) {
        Checks.required("scheme", s);
        TierSchemeRecord stored = new TierSchemeRecord(s.tenantId(), s.id(), 1, s.createdAt(), s.updatedAt(),
                s.programme(), s.basis(), s.windowMonths(), s.tiers());
        return db.write(TYPE, UNIQUE, c -> {
            db.update(c, "INSERT INTO crm_loyalty_tier_scheme (tenant_id, id, version, created_at, updated_at,"
                    + " programme, basis, window_months) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                    List.of(s.tenantId(), s.id(), 1L, s.createdAt(), s.updatedAt(), s.programme(), s.basis(),
                            s.windowMonths()));
            insertTiers(c, s);
            return stored;
        });
    }

    @Override
    public TierSchemeRecord update(TierSchemeRecord s, long expectedVersion) {
        Checks.required("scheme", s);
        return db.write(TYPE, UNIQUE, c -> {
            int changed = db.update(c, "UPDATE crm_loyalty_tier_scheme SET version = ?, updated_at = ?, basis = ?,"
                    + " window_months = ? WHERE tenant_id = ? AND id = ? AND version = ?",
                    List.of(expectedVersion + 1, s.updatedAt(), s.basis(), s.windowMonths(), s.tenantId(), s.id(),
                            expectedVersion));
            if (changed == 0) {
                throw load(c, SELECT + " WHERE tenant_id = ? AND id = ?", s.tenantId(), s.id()).isPresent()
                        ? ConflictException.staleVersion(TYPE, s.id(), expectedVersion)
                        : new NotFoundException(TYPE, s.id());
            }
            for (String table : List.of("crm_loyalty_tier_benefit", "crm_loyalty_tier")) {
                db.update(c, "DELETE FROM " + table + " WHERE tenant_id = ? AND scheme_id = ?",
                        List.of(s.tenantId(), s.id()));
            }
            insertTiers(c, s);
            return load(c, SELECT + " WHERE tenant_id = ? AND id = ?", s.tenantId(), s.id()).orElseThrow();
        });
    }

    private void insertTiers(Connection c, TierSchemeRecord s) throws SQLException {
        List<List<?>> tiers = new ArrayList<>();
        List<List<?>> benefits = new ArrayList<>();
        for (int i = 0; i < s.tiers().size(); i++) {
            TierRecord t = s.tiers().get(i);
            tiers.add(List.of(s.tenantId(), s.id(), i + 1, t.code(), t.name(), t.threshold()));
            for (int j = 0; j < t.benefits().size(); j++) {
                benefits.add(List.of(s.tenantId(), s.id(), i + 1, j + 1, t.benefits().get(j)));
            }
        }
        db.batch(c, "INSERT INTO crm_loyalty_tier (tenant_id, scheme_id, seq_no, code, name, threshold)"
                + " VALUES (?, ?, ?, ?, ?, ?)", tiers);
        if (!benefits.isEmpty()) {
            db.batch(c, "INSERT INTO crm_loyalty_tier_benefit (tenant_id, scheme_id, tier_seq_no, seq_no, benefit)"
                    + " VALUES (?, ?, ?, ?, ?)", benefits);
        }
    }

    @Override
    public Optional<TierSchemeRecord> findByProgramme(String tenantId, String programme) {
        Checks.tenantId("tenantId", tenantId);
        Checks.text("programme", programme, 64);
        return db.read(TYPE, c -> load(c, SELECT + " WHERE tenant_id = ? AND programme = ?", tenantId, programme));
    }

    private Optional<TierSchemeRecord> load(Connection c, String sql, String tenantId, Object key)
            throws SQLException {
        Optional<Head> head = db.one(c, sql, List.of(tenantId, key), JdbcTierSchemeStore::head);
        if (head.isEmpty()) {
            return Optional.empty();
        }
        Head h = head.get();
        Map<Integer, List<String>> benefits = new LinkedHashMap<>();
        for (Benefit b : db.list(c, "SELECT tier_seq_no, benefit FROM crm_loyalty_tier_benefit"
                + " WHERE tenant_id = ? AND scheme_id = ? ORDER BY tier_seq_no, seq_no", List.of(h.tenantId, h.id),
                r -> new Benefit(r.integer("tier_seq_no"), r.text("benefit")))) {
            benefits.computeIfAbsent(b.tier, k -> new ArrayList<>()).add(b.benefit);
        }
        List<TierRecord> tiers = db.list(c, "SELECT seq_no, code, name, threshold FROM crm_loyalty_tier"
                + " WHERE tenant_id = ? AND scheme_id = ? ORDER BY seq_no", List.of(h.tenantId, h.id),
                r -> new TierRecord(r.text("code"), r.text("name"), r.number("threshold"),
                        benefits.getOrDefault(r.integer("seq_no"), List.of())));
        return Optional.of(new TierSchemeRecord(h.tenantId, h.id, h.version, h.createdAt, h.updatedAt, h.programme,
                h.basis, h.windowMonths, tiers));
    }

    /** A scheme's own row, before its tiers are read. */
    private record Head(String tenantId, UUID id, long version, Instant createdAt, Instant updatedAt,
            String programme, TierBasis basis, int windowMonths) {
    }

    /** One benefit row. */
    private record Benefit(int tier, String benefit) {
    }

    private static Head head(Row r) throws SQLException {
        return new Head(r.text("tenant_id"), r.id("id"), r.number("version"), r.instant("created_at"),
                r.instant("updated_at"), r.text("programme"), r.enumValue(TierBasis.class, "basis"),
                r.integer("window_months"));
    }
}
