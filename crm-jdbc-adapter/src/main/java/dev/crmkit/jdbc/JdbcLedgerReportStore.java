package dev.crmkit.jdbc;

import dev.crmkit.model.Checks;
import dev.crmkit.model.Cursor;
import dev.crmkit.model.Page;
import dev.crmkit.model.PageRequest;
import dev.crmkit.model.ValidationException;
import dev.crmkit.model.loyalty.LedgerEntryKind;
import dev.crmkit.model.loyalty.ProgrammeRuleKind;
import dev.crmkit.spi.loyalty.LedgerEntryRecord;
import dev.crmkit.spi.loyalty.LedgerKindSums;
import dev.crmkit.spi.loyalty.LedgerReportStore;
import dev.crmkit.spi.loyalty.LedgerSums;
import dev.crmkit.spi.loyalty.PointsBreakage;
import dev.crmkit.spi.loyalty.PointsLiability;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The ledger reports as one grouped query each over {@code crm_loyalty_ledger}: a statement through the membership's
 * index ({@code ix_crm_loyalty_ledger_membership}), split into opening and period by conditional sums; liability and
 * breakage joined to the memberships for their programme, the liability's value multiplied in the query by the
 * programme's {@code POINT_VALUE} rule.
 */
final class JdbcLedgerReportStore implements LedgerReportStore {
    private static final String TYPE = "ledger entry";
    private static final String COLUMNS = "tenant_id, id, membership_id, kind, qualifying_points, redeemable_points,"
            + " source_type, source_ref, idempotency_key, posted_at";

    private final Database db;

    JdbcLedgerReportStore(Database db) {
        this.db = db;
    }

    @Override
    public List<LedgerKindSums> statement(String tenantId, UUID membershipId, Instant from, Instant to) {
        Checks.tenantId("tenantId", tenantId);
        Checks.id("membershipId", membershipId);
        Instant[] period = period(from, to);
        String sql = "SELECT kind,"
                + " SUM(CASE WHEN posted_at < ? THEN qualifying_points ELSE 0 END) AS open_q,"
                + " SUM(CASE WHEN posted_at < ? THEN redeemable_points ELSE 0 END) AS open_r,"
                + " SUM(CASE WHEN posted_at < ? THEN 1 ELSE 0 END) AS open_n,"
                + " SUM(CASE WHEN posted_at >= ? THEN qualifying_points ELSE 0 END) AS period_q,"
                + " SUM(CASE WHEN posted_at >= ? THEN redeemable_points ELSE 0 END) AS period_r,"
                + " SUM(CASE WHEN posted_at >= ? THEN 1 ELSE 0 END) AS period_n"
                + " FROM crm_loyalty_ledger WHERE tenant_id = ? AND membership_id = ? AND posted_at < ?"
                + " GROUP BY kind";
        Instant start = period[0];
        List<Object> parameters = List.of(start, start, start, start, start, start, tenantId, membershipId,
                period[1]);
        List<LedgerKindSums> rows = new ArrayList<>(db.read(TYPE, c -> db.list(c, sql, parameters,
                r -> new LedgerKindSums(r.enumValue(LedgerEntryKind.class, "kind"),
                        new LedgerSums(r.number("open_q"), r.number("open_r"), r.number("open_n")),
                        new LedgerSums(r.number("period_q"), r.number("period_r"), r.number("period_n"))))));
        rows.sort(Comparator.comparing(LedgerKindSums::kind));
        return List.copyOf(rows);
    }

    @Override
    public Page<LedgerEntryRecord> entries(String tenantId, UUID membershipId, Instant from, Instant to,
            PageRequest page) {
        Checks.tenantId("tenantId", tenantId);
        Checks.id("membershipId", membershipId);
        Instant[] period = period(from, to);
        Checks.required("page", page);
        StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + " FROM crm_loyalty_ledger"
                + " WHERE tenant_id = ? AND membership_id = ? AND posted_at >= ? AND posted_at < ?");
        List<Object> parameters = new ArrayList<>(List.of(tenantId, membershipId, period[0], period[1]));
        if (page.after() != null) {
            sql.append(" AND id > ?");
            parameters.add(JdbcInteractionStore.parseId(page.after().keys(1).get(0)));
        }
        sql.append(" ORDER BY id").append(Database.limit(page.limit()));
        List<LedgerEntryRecord> items = db.read(TYPE, c -> db.list(c, sql.toString(), parameters,
                r -> new LedgerEntryRecord(r.text("tenant_id"), r.id("id"), r.id("membership_id"),
                        r.enumValue(LedgerEntryKind.class, "kind"), r.number("qualifying_points"),
                        r.number("redeemable_points"), r.text("source_type"), r.text("source_ref"),
                        r.text("idempotency_key"), r.instant("posted_at"))));
        Optional<Cursor> next = items.size() == page.limit()
                ? Optional.of(Cursor.of(List.of(items.get(items.size() - 1).id().toString())))
                : Optional.empty();
        return new Page<>(items, next);
    }

    @Override
    public List<PointsLiability> liability(String tenantId, Instant asOf) {
        Checks.tenantId("tenantId", tenantId);
        Instant at = Checks.instant("asOf", asOf);
        String sums = "SELECT m.programme AS programme, COUNT(DISTINCT m.id) AS memberships,"
                + " SUM(CASE WHEN l.kind NOT IN (?, ?) THEN l.redeemable_points ELSE 0 END) AS available,"
                + " SUM(CASE WHEN l.kind = ? THEN l.redeemable_points ELSE 0 END) AS pending,"
                + " SUM(CASE WHEN l.kind = ? THEN l.redeemable_points ELSE 0 END) AS owed"
                + " FROM crm_loyalty_ledger l JOIN crm_loyalty_membership m"
                + " ON m.tenant_id = l.tenant_id AND m.id = l.membership_id"
                + " WHERE l.tenant_id = ? AND l.posted_at < ? GROUP BY m.programme";
        String sql = "SELECT t.programme, t.memberships, t.available, t.pending, t.owed, p.currency,"
                + " v.factor AS point_value, t.available * v.factor AS liability FROM (" + sums + ") t"
                + " LEFT JOIN crm_loyalty_programme p ON p.tenant_id = ? AND p.code = t.programme"
                + " LEFT JOIN crm_loyalty_programme_rule v ON v.tenant_id = p.tenant_id AND v.programme_id = p.id"
                + " AND v.kind = ? ORDER BY t.programme";
        List<Object> parameters = List.of(LedgerEntryKind.PENDING, LedgerEntryKind.CLAWBACK,
                LedgerEntryKind.PENDING, LedgerEntryKind.CLAWBACK, tenantId, at, tenantId,
                ProgrammeRuleKind.POINT_VALUE);
        return db.read(TYPE, c -> db.list(c, sql, parameters,
                r -> new PointsLiability(r.text("programme"), r.text("currency"), r.decimal("point_value"),
                        r.number("memberships"), r.number("available"), r.number("pending"), r.number("owed"),
                        scale4(r.decimal("liability")))));
    }

    @Override
    public List<PointsBreakage> breakage(String tenantId, Instant from, Instant to) {
        Checks.tenantId("tenantId", tenantId);
        Instant[] period = period(from, to);
        Instant start = period[0];
        String sql = "SELECT m.programme AS programme,"
                + " SUM(CASE WHEN l.kind = ? AND l.posted_at >= ? THEN l.redeemable_points ELSE 0 END) AS issued,"
                + " SUM(CASE WHEN l.kind = ? AND l.posted_at >= ? THEN -l.redeemable_points ELSE 0 END) AS expired,"
                + " SUM(CASE WHEN l.kind = ? AND l.posted_at >= ? THEN -l.redeemable_points ELSE 0 END) AS redeemed,"
                + " SUM(CASE WHEN l.kind = ? THEN l.redeemable_points ELSE 0 END) AS issued_all,"
                + " SUM(CASE WHEN l.kind = ? THEN -l.redeemable_points ELSE 0 END) AS expired_all,"
                + " SUM(CASE WHEN l.kind = ? THEN -l.redeemable_points ELSE 0 END) AS redeemed_all,"
                + " SUM(CASE WHEN l.kind NOT IN (?, ?) THEN l.redeemable_points ELSE 0 END) AS outstanding"
                + " FROM crm_loyalty_ledger l JOIN crm_loyalty_membership m"
                + " ON m.tenant_id = l.tenant_id AND m.id = l.membership_id"
                + " WHERE l.tenant_id = ? AND l.posted_at < ? GROUP BY m.programme ORDER BY m.programme";
        List<Object> parameters = List.of(LedgerEntryKind.ACCRUAL, start, LedgerEntryKind.EXPIRY, start,
                LedgerEntryKind.REDEMPTION, start, LedgerEntryKind.ACCRUAL, LedgerEntryKind.EXPIRY,
                LedgerEntryKind.REDEMPTION, LedgerEntryKind.PENDING, LedgerEntryKind.CLAWBACK, tenantId, period[1]);
        return db.read(TYPE, c -> db.list(c, sql, parameters,
                r -> new PointsBreakage(r.text("programme"), r.number("issued"), r.number("expired"),
                        r.number("redeemed"), r.number("issued_all"), r.number("expired_all"),
                        r.number("redeemed_all"), r.number("outstanding"))));
    }

    private static BigDecimal scale4(BigDecimal value) {
        return value == null ? null : value.setScale(4, RoundingMode.HALF_EVEN);
    }

    /** The period's bounds, truncated to microseconds as the ledger's instants are. */
    private static Instant[] period(Instant from, Instant to) {
        Instant start = Checks.instant("from", from);
        Instant end = Checks.instant("to", to);
        if (!start.isBefore(end)) {
            throw new ValidationException("to", "must be after from");
        }
        return new Instant[] {start, end};
    }
}
