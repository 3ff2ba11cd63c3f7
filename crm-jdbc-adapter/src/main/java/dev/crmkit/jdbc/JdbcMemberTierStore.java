package dev.crmkit.jdbc;

import dev.crmkit.model.Checks;
import dev.crmkit.model.ConflictException;
import dev.crmkit.model.NotFoundException;
import dev.crmkit.model.loyalty.LedgerEntryKind;
import dev.crmkit.spi.loyalty.MemberTierRecord;
import dev.crmkit.spi.loyalty.MemberTierStore;
import dev.crmkit.spi.loyalty.TierChangeRecord;
import dev.crmkit.spi.loyalty.TierMeasure;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Members' tiers in {@code crm_loyalty_member_tier} (keyed by the membership's id, updated by compare-and-set on the
 * version), their history in {@code crm_loyalty_tier_change} (insert-only, through
 * {@code ix_crm_loyalty_tier_change_membership}), and the tier measures as one aggregate query over
 * {@code crm_loyalty_ledger} through {@code ix_crm_loyalty_ledger_posted}.
 */
final class JdbcMemberTierStore implements MemberTierStore {
    private static final String TYPE = "member tier";
    private static final String SELECT = "SELECT tenant_id, id, version, created_at, updated_at, programme, tier,"
            + " since, review_at FROM crm_loyalty_member_tier";
    private static final String CHANGES = "SELECT tenant_id, id, membership_id, from_tier, to_tier, measure,"
            + " scheme_version, occurred_at FROM crm_loyalty_tier_change";

    private final Database db;

    JdbcMemberTierStore(Database db) {
        this.db = db;
    }

    @Override
    public MemberTierRecord insert(MemberTierRecord t) {
        Checks.required("tier", t);
        MemberTierRecord stored = new MemberTierRecord(t.tenantId(), t.id(), 1, t.createdAt(), t.updatedAt(),
                t.programme(), t.tier(), t.since(), t.reviewAt());
        return db.write(TYPE, Map.of(), c -> {
            db.update(c, "INSERT INTO crm_loyalty_member_tier (tenant_id, id, version, created_at, updated_at,"
                    + " programme, tier, since, review_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    Arrays.asList(t.tenantId(), t.id(), 1L, t.createdAt(), t.updatedAt(), t.programme(), t.tier(),
                            t.since(), t.reviewAt()));
            return stored;
        });
    }

    @Override
    public MemberTierRecord update(MemberTierRecord t, long expectedVersion) {
        Checks.required("tier", t);
        return db.write(TYPE, Map.of(), c -> {
            int changed = db.update(c, "UPDATE crm_loyalty_member_tier SET version = ?, updated_at = ?, tier = ?,"
                    + " since = ?, review_at = ? WHERE tenant_id = ? AND id = ? AND version = ?",
                    Arrays.asList(expectedVersion + 1, t.updatedAt(), t.tier(), t.since(), t.reviewAt(),
                            t.tenantId(), t.id(), expectedVersion));
            if (changed == 0) {
                throw load(c, t.tenantId(), t.id()).isPresent()
                        ? ConflictException.staleVersion(TYPE, t.id(), expectedVersion)
                        : new NotFoundException(TYPE, t.id());
            }
            return load(c, t.tenantId(), t.id()).orElseThrow();
        });
    }

    @Override
    public Optional<MemberTierRecord> get(String tenantId, UUID membershipId) {
        Checks.tenantId("tenantId", tenantId);
        Checks.id("membershipId", membershipId);
        return db.read(TYPE, c -> load(c, tenantId, membershipId));
    }

    private Optional<MemberTierRecord> load(Connection c, String tenantId, UUID id) throws SQLException {
        return db.one(c, SELECT + " WHERE tenant_id = ? AND id = ?", List.of(tenantId, id), r -> new MemberTierRecord(
                r.text("tenant_id"), r.id("id"), r.number("version"), r.instant("created_at"),
                r.instant("updated_at"), r.text("programme"), r.text("tier"), r.instant("since"),
                r.instant("review_at")));
    }

    @Override
    public TierChangeRecord append(TierChangeRecord t) {
        Checks.required("change", t);
        return db.write(TYPE + " change", Map.of(), c -> {
            db.update(c, "INSERT INTO crm_loyalty_tier_change (tenant_id, id, membership_id, from_tier, to_tier,"
                    + " measure, scheme_version, occurred_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                    Arrays.asList(t.tenantId(), t.id(), t.membershipId(), t.fromTier(), t.toTier(), t.measure(),
                            t.schemeVersion(), t.occurredAt()));
            return t;
        });
    }

    @Override
    public List<TierChangeRecord> history(String tenantId, UUID membershipId, int limit) {
        Checks.tenantId("tenantId", tenantId);
        Checks.id("membershipId", membershipId);
        Checks.limit("limit", limit, 1000);
        List<TierChangeRecord> newestFirst = db.read(TYPE, c -> db.list(c, CHANGES
                + " WHERE tenant_id = ? AND membership_id = ? ORDER BY id DESC" + Database.limit(limit),
                List.of(tenantId, membershipId), r -> new TierChangeRecord(r.text("tenant_id"), r.id("id"),
                        r.id("membership_id"), r.text("from_tier"), r.text("to_tier"), r.number("measure"),
                        r.number("scheme_version"), r.instant("occurred_at"))));
        List<TierChangeRecord> oldestFirst = new ArrayList<>(newestFirst);
        Collections.reverse(oldestFirst);
        return List.copyOf(oldestFirst);
    }

    @Override
    public TierMeasure measure(String tenantId, UUID membershipId, Instant after) {
        Checks.tenantId("tenantId", tenantId);
        Checks.id("membershipId", membershipId);
        Instant from = Checks.instant("after", after);
        return db.read(TYPE, c -> db.one(c, "SELECT COALESCE(SUM(qualifying_points), 0) AS qualifying,"
                + " COALESCE(SUM(CASE WHEN kind = ? THEN 1 ELSE 0 END), 0) AS accruals FROM crm_loyalty_ledger"
                + " WHERE tenant_id = ? AND membership_id = ? AND posted_at > ? AND kind NOT IN (?, ?)",
                List.of(LedgerEntryKind.ACCRUAL, tenantId, membershipId, from, LedgerEntryKind.PENDING,
                        LedgerEntryKind.CLAWBACK),
                r -> new TierMeasure(r.number("qualifying"), r.number("accruals"))).orElseThrow());
    }
}
