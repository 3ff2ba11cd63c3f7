package dev.crmkit.jdbc;

import dev.crmkit.model.Checks;
import dev.crmkit.model.Cursor;
import dev.crmkit.model.Page;
import dev.crmkit.model.PageRequest;
import dev.crmkit.model.loyalty.LedgerEntryKind;
import dev.crmkit.spi.loyalty.LedgerEntryRecord;
import dev.crmkit.spi.loyalty.LedgerLots;
import dev.crmkit.spi.loyalty.LedgerStore;
import dev.crmkit.spi.loyalty.LedgerSums;
import dev.crmkit.spi.loyalty.MembershipRecord;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The points ledger in {@code crm_loyalty_ledger}, insert-only: a membership's entries through
 * {@code ix_crm_loyalty_ledger_membership}, a retried posting through {@code uq_crm_loyalty_ledger_key}; the sums are
 * one aggregate query over the membership's rows (of the available kinds, or of one kind), and so are the lots
 * expiry asks for.
 */
final class JdbcLedgerStore implements LedgerStore {
    private static final String TYPE = "ledger entry";
    private static final Map<String, String> UNIQUE = Map.of("uq_crm_loyalty_ledger_key", "idempotencyKey");
    private static final String COLUMNS = "tenant_id, id, membership_id, kind, qualifying_points, redeemable_points,"
            + " source_type, source_ref, idempotency_key, posted_at";
    private static final String SELECT = "SELECT " + COLUMNS + " FROM crm_loyalty_ledger";

    private final Database db;

    JdbcLedgerStore(Database db) {
        this.db = db;
    }

    @Override
    public LedgerEntryRecord append(LedgerEntryRecord e) {
        Checks.required("entry", e);
        return db.write(TYPE, UNIQUE, c -> {
            insert(c, e);
            return e;
        });
    }

    /**
     * A posting ({@code LoyaltyStorage.post}) in one write: the membership's compare-and-set
     * ({@link JdbcMembershipStore#storeBalances}), then the entry's {@code INSERT}. In a unit CRMKit began it has no
     * savepoint ({@link Database#writeWithoutSavepoint}): a stale version or a missing membership is found before
     * anything is written and leaves the unit usable; a used key fails the insert after the update, and the unit can
     * then only roll back. In a host's transaction it is behind a savepoint, and a used key undoes both. The update
     * goes first, as when they were two writes: postings to one membership queue on
     * its row lock and the later ones fail on the version (retryable), so two nodes posting under one key meet on the
     * row rather than on the key, and the loser's next try finds the winner's entry.
     */
    void post(JdbcMembershipStore memberships, MembershipRecord m, long expectedVersion, LedgerEntryRecord e) {
        Checks.required("membership", m);
        Checks.required("entry", e);
        db.writeWithoutSavepoint(TYPE, UNIQUE, c -> {
            memberships.storeBalances(c, m, expectedVersion);
            insert(c, e);
            return null;
        });
    }

    private void insert(Connection c, LedgerEntryRecord e) throws SQLException {
        db.update(c, "INSERT INTO crm_loyalty_ledger (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                Arrays.asList(e.tenantId(), e.id(), e.membershipId(), e.kind(), e.qualifyingPoints(),
                        e.redeemablePoints(), e.sourceType(), e.sourceReference(), e.idempotencyKey(),
                        e.postedAt()));
    }

    @Override
    public Optional<LedgerEntryRecord> findByIdempotencyKey(String tenantId, String idempotencyKey) {
        Checks.tenantId("tenantId", tenantId);
        Checks.text("idempotencyKey", idempotencyKey, 100);
        return db.read(TYPE, c -> db.one(c, SELECT + " WHERE tenant_id = ? AND idempotency_key = ?",
                List.of(tenantId, idempotencyKey), JdbcLedgerStore::entry));
    }

    @Override
    public Page<LedgerEntryRecord> entries(String tenantId, UUID membershipId, PageRequest page) {
        Checks.tenantId("tenantId", tenantId);
        Checks.id("membershipId", membershipId);
        Checks.required("page", page);
        StringBuilder sql = new StringBuilder(SELECT + " WHERE tenant_id = ? AND membership_id = ?");
        List<Object> parameters = new ArrayList<>(List.of(tenantId, membershipId));
        if (page.after() != null) {
            sql.append(" AND id < ?");
            parameters.add(JdbcInteractionStore.parseId(page.after().keys(1).get(0)));
        }
        sql.append(" ORDER BY id DESC").append(Database.limit(page.limit()));
        List<LedgerEntryRecord> items = db.read(TYPE, c -> db.list(c, sql.toString(), parameters,
                JdbcLedgerStore::entry));
        Optional<Cursor> next = items.size() == page.limit()
                ? Optional.of(Cursor.of(List.of(items.get(items.size() - 1).id().toString())))
                : Optional.empty();
        return new Page<>(items, next);
    }

    @Override
    public LedgerSums sums(String tenantId, UUID membershipId) {
        Checks.tenantId("tenantId", tenantId);
        Checks.id("membershipId", membershipId);
        return sum(" AND kind NOT IN (?, ?)", List.of(tenantId, membershipId, LedgerEntryKind.PENDING,
                LedgerEntryKind.CLAWBACK));
    }

    @Override
    public LedgerSums sums(String tenantId, UUID membershipId, LedgerEntryKind kind) {
        Checks.tenantId("tenantId", tenantId);
        Checks.id("membershipId", membershipId);
        Checks.required("kind", kind);
        return sum(" AND kind = ?", List.of(tenantId, membershipId, kind));
    }

    @Override
    public LedgerLots lots(String tenantId, UUID membershipId, UUID throughId) {
        Checks.tenantId("tenantId", tenantId);
        Checks.id("membershipId", membershipId);
        Checks.id("throughId", throughId);
        return db.read(TYPE, c -> db.one(c, "SELECT COALESCE(SUM(CASE WHEN redeemable_points > 0 AND id <= ?"
                + " THEN redeemable_points ELSE 0 END), 0) AS credited, COALESCE(SUM(CASE WHEN redeemable_points < 0"
                + " THEN -redeemable_points ELSE 0 END), 0) AS debited FROM crm_loyalty_ledger"
                + " WHERE tenant_id = ? AND membership_id = ? AND kind NOT IN (?, ?)",
                List.of(throughId, tenantId, membershipId, LedgerEntryKind.PENDING, LedgerEntryKind.CLAWBACK),
                r -> new LedgerLots(r.number("credited"), r.number("debited"))).orElseThrow());
    }

    private LedgerSums sum(String kinds, List<?> parameters) {
        return db.read(TYPE, c -> db.one(c, "SELECT COALESCE(SUM(qualifying_points), 0) AS qualifying,"
                + " COALESCE(SUM(redeemable_points), 0) AS redeemable, COUNT(*) AS entries FROM crm_loyalty_ledger"
                + " WHERE tenant_id = ? AND membership_id = ?" + kinds, parameters,
                r -> new LedgerSums(r.number("qualifying"), r.number("redeemable"), r.number("entries")))
                .orElseThrow());
    }

    private static LedgerEntryRecord entry(Row r) throws SQLException {
        return new LedgerEntryRecord(r.text("tenant_id"), r.id("id"), r.id("membership_id"),
                r.enumValue(LedgerEntryKind.class, "kind"), r.number("qualifying_points"),
                r.number("redeemable_points"), r.text("source_type"), r.text("source_ref"),
                r.text("idempotency_key"), r.instant("posted_at"));
    }
}
