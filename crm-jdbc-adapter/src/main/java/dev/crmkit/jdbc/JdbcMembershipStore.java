package dev.crmkit.jdbc;

import dev.crmkit.model.Checks;
import dev.crmkit.model.ConflictException;
import dev.crmkit.model.NotFoundException;
import dev.crmkit.model.loyalty.ExpiryKind;
import dev.crmkit.model.loyalty.LedgerEntryKind;
import dev.crmkit.model.loyalty.MembershipStatus;
import dev.crmkit.spi.loyalty.LedgerEntryRecord;
import dev.crmkit.spi.loyalty.MembershipRecord;
import dev.crmkit.spi.loyalty.MembershipStore;
import dev.crmkit.spi.loyalty.PostingLookup;
import dev.crmkit.spi.loyalty.PostingTarget;
import dev.crmkit.spi.loyalty.ProgrammeExpiry;
import dev.crmkit.spi.loyalty.TierSchemeStamp;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Memberships in {@code crm_loyalty_membership}: by member number through {@code uq_crm_loyalty_membership_number},
 * by customer and programme through {@code uq_crm_loyalty_membership_customer}, all of a customer's through
 * {@code ix_crm_loyalty_membership_customer}. An update is a compare-and-set on the version.
 */
final class JdbcMembershipStore implements MembershipStore {
    private static final String TYPE = "membership";
    private static final Map<String, String> UNIQUE = Map.of("uq_crm_loyalty_membership_number", "memberNumber",
            "uq_crm_loyalty_membership_customer", "customer");
    private static final String COLUMNS = "tenant_id, id, version, created_at, updated_at, programme, customer_id,"
            + " member_number, status, qualifying_points, redeemable_points";
    private static final String SELECT = "SELECT " + COLUMNS + " FROM crm_loyalty_membership";

    private final Database db;

    JdbcMembershipStore(Database db) {
        this.db = db;
    }

    @Override
    public MembershipRecord insert(MembershipRecord m) {
        Checks.required("membership", m);
        MembershipRecord stored = new MembershipRecord(m.tenantId(), m.id(), 1, m.createdAt(), m.updatedAt(),
                m.programme(), m.customerId(), m.memberNumber(), m.status(), m.qualifyingPoints(),
                m.redeemablePoints());
        return db.write(TYPE, UNIQUE, c -> {
            db.update(c, "INSERT INTO crm_loyalty_membership (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    List.of(m.tenantId(), m.id(), 1L, m.createdAt(), m.updatedAt(), m.programme(), m.customerId(),
                            m.memberNumber(), m.status(), m.qualifyingPoints(), m.redeemablePoints()));
            return stored;
        });
    }

    @Override
    public Optional<MembershipRecord> get(String tenantId, UUID id) {
        Checks.tenantId("tenantId", tenantId);
        Checks.id("id", id);
        return db.read(TYPE, c -> load(c, tenantId, id));
    }

    @Override
    public Optional<MembershipRecord> findByMemberNumber(String tenantId, String memberNumber) {
        Checks.tenantId("tenantId", tenantId);
        Checks.text("memberNumber", memberNumber, 32);
        return db.read(TYPE, c -> db.one(c, SELECT + " WHERE tenant_id = ? AND member_number = ?",
                List.of(tenantId, memberNumber), JdbcMembershipStore::membership));
    }

    @Override
    public Optional<MembershipRecord> findByCustomer(String tenantId, String programme, UUID customerId) {
        Checks.tenantId("tenantId", tenantId);
        Checks.text("programme", programme, 64);
        Checks.id("customerId", customerId);
        return db.read(TYPE, c -> db.one(c, SELECT + " WHERE tenant_id = ? AND programme = ? AND customer_id = ?",
                List.of(tenantId, programme, customerId), JdbcMembershipStore::membership));
    }

    @Override
    public List<MembershipRecord> forCustomer(String tenantId, UUID customerId) {
        Checks.tenantId("tenantId", tenantId);
        Checks.id("customerId", customerId);
        return db.read(TYPE, c -> db.list(c, SELECT + " WHERE tenant_id = ? AND customer_id = ? ORDER BY programme",
                List.of(tenantId, customerId), JdbcMembershipStore::membership));
    }

    @Override
    public MembershipRecord update(MembershipRecord m, long expectedVersion) {
        Checks.required("membership", m);
        return db.write(TYPE, UNIQUE, c -> {
            int changed = db.update(c, "UPDATE crm_loyalty_membership SET version = ?, updated_at = ?, customer_id = ?,"
                    + " status = ?, qualifying_points = ?, redeemable_points = ?"
                    + " WHERE tenant_id = ? AND id = ? AND version = ?",
                    List.of(expectedVersion + 1, m.updatedAt(), m.customerId(), m.status(), m.qualifyingPoints(),
                            m.redeemablePoints(), m.tenantId(), m.id(), expectedVersion));
            if (changed == 0) {
                throw load(c, m.tenantId(), m.id()).isPresent()
                        ? ConflictException.staleVersion(TYPE, m.id(), expectedVersion)
                        : new NotFoundException(TYPE, m.id());
            }
            return load(c, m.tenantId(), m.id()).orElseThrow();
        });
    }

    /**
     * The membership's status, balances and {@code updatedAt} at {@code expectedVersion + 1}, on the unit's
     * connection, for a posting ({@link JdbcLedgerStore#post}): the compare-and-set {@link #update} runs without its
     * customer, and without reading the row back (the caller holds the record it read at {@code expectedVersion}).
     */
    void storeBalances(Connection c, MembershipRecord m, long expectedVersion) throws SQLException {
        int changed = db.update(c, "UPDATE crm_loyalty_membership SET version = ?, updated_at = ?, status = ?,"
                + " qualifying_points = ?, redeemable_points = ? WHERE tenant_id = ? AND id = ? AND version = ?",
                List.of(expectedVersion + 1, m.updatedAt(), m.status(), m.qualifyingPoints(), m.redeemablePoints(),
                        m.tenantId(), m.id(), expectedVersion));
        if (changed == 0) {
            throw load(c, m.tenantId(), m.id()).isPresent()
                    ? ConflictException.staleVersion(TYPE, m.id(), expectedVersion)
                    : new NotFoundException(TYPE, m.id());
        }
    }

    /**
     * The membership with its programme's expiry policy and its tier scheme's stamp, in one statement: the
     * membership by its primary key, the programme through {@code uq_crm_loyalty_programme_code} and the scheme
     * through {@code uq_crm_loyalty_tier_scheme_programme}, both outer-joined.
     */
    Optional<PostingTarget> postingTarget(String tenantId, UUID id) {
        Checks.tenantId("tenantId", tenantId);
        Checks.id("id", id);
        return db.read(TYPE, c -> db.one(c, POSTING_TARGET, List.of(tenantId, id), JdbcMembershipStore::target));
    }

    private static final String POSTING_TARGET = "SELECT m.tenant_id, m.id, m.version, m.created_at, m.updated_at,"
            + " m.programme, m.customer_id, m.member_number, m.status, m.qualifying_points, m.redeemable_points,"
            + " p.expiry_kind, p.expiry_months, s.id AS scheme_id, s.version AS scheme_version,"
            + " s.updated_at AS scheme_updated_at"
            + " FROM crm_loyalty_membership m"
            + " LEFT JOIN crm_loyalty_programme p ON p.tenant_id = m.tenant_id AND p.code = m.programme"
            + " LEFT JOIN crm_loyalty_tier_scheme s ON s.tenant_id = m.tenant_id AND s.programme = m.programme"
            + " WHERE m.tenant_id = ? AND m.id = ?";

    /**
     * The posting target and the entry stored under the key, in one statement: {@link #POSTING_TARGET} with the ledger
     * outer-joined through {@code uq_crm_loyalty_ledger_key} on the tenant and key alone (an entry of another
     * membership is a used key too). When the tenant has no such membership there is no row to join to, and the key is
     * looked up alone: a used key is then still a retry or a conflict, not a missing membership.
     */
    PostingLookup postingLookup(String tenantId, UUID id, String idempotencyKey, JdbcLedgerStore ledger) {
        Checks.tenantId("tenantId", tenantId);
        Checks.id("id", id);
        Checks.text("idempotencyKey", idempotencyKey, 100);
        Optional<PostingLookup> joined = db.read(TYPE, c -> db.one(c, POSTING_LOOKUP,
                List.of(idempotencyKey, tenantId, id), JdbcMembershipStore::lookup));
        return joined.orElseGet(() -> new PostingLookup(ledger.findByIdempotencyKey(tenantId, idempotencyKey)
                .orElse(null), null));
    }

    private static final String POSTING_LOOKUP = "SELECT m.tenant_id, m.id, m.version, m.created_at, m.updated_at,"
            + " m.programme, m.customer_id, m.member_number, m.status, m.qualifying_points, m.redeemable_points,"
            + " p.expiry_kind, p.expiry_months, s.id AS scheme_id, s.version AS scheme_version,"
            + " s.updated_at AS scheme_updated_at, l.id AS entry_id, l.membership_id AS entry_membership_id,"
            + " l.kind AS entry_kind, l.qualifying_points AS entry_qualifying_points,"
            + " l.redeemable_points AS entry_redeemable_points, l.source_type AS entry_source_type,"
            + " l.source_ref AS entry_source_ref, l.idempotency_key AS entry_idempotency_key,"
            + " l.posted_at AS entry_posted_at"
            + " FROM crm_loyalty_membership m"
            + " LEFT JOIN crm_loyalty_programme p ON p.tenant_id = m.tenant_id AND p.code = m.programme"
            + " LEFT JOIN crm_loyalty_tier_scheme s ON s.tenant_id = m.tenant_id AND s.programme = m.programme"
            + " LEFT JOIN crm_loyalty_ledger l ON l.tenant_id = m.tenant_id AND l.idempotency_key = ?"
            + " WHERE m.tenant_id = ? AND m.id = ?";

    private static PostingLookup lookup(Row r) throws SQLException {
        UUID entryId = r.id("entry_id");
        LedgerEntryRecord stored = entryId == null ? null : new LedgerEntryRecord(r.text("tenant_id"), entryId,
                r.id("entry_membership_id"), r.enumValue(LedgerEntryKind.class, "entry_kind"),
                r.number("entry_qualifying_points"), r.number("entry_redeemable_points"), r.text("entry_source_type"),
                r.text("entry_source_ref"), r.text("entry_idempotency_key"), r.instant("entry_posted_at"));
        return new PostingLookup(stored, target(r));
    }

    private static PostingTarget target(Row r) throws SQLException {
        String expiryKind = r.text("expiry_kind");
        UUID schemeId = r.id("scheme_id");
        return new PostingTarget(membership(r),
                expiryKind == null ? null : new ProgrammeExpiry(ExpiryKind.valueOf(expiryKind),
                        r.integer("expiry_months")),
                schemeId == null ? null : new TierSchemeStamp(schemeId, r.number("scheme_version"),
                        r.instant("scheme_updated_at")));
    }

    private Optional<MembershipRecord> load(Connection c, String tenantId, UUID id) throws SQLException {
        return db.one(c, SELECT + " WHERE tenant_id = ? AND id = ?", List.of(tenantId, id),
                JdbcMembershipStore::membership);
    }

    private static MembershipRecord membership(Row r) throws SQLException {
        return new MembershipRecord(r.text("tenant_id"), r.id("id"), r.number("version"), r.instant("created_at"),
                r.instant("updated_at"), r.text("programme"), r.id("customer_id"), r.text("member_number"),
                r.enumValue(MembershipStatus.class, "status"), r.number("qualifying_points"),
                r.number("redeemable_points"));
    }
}
