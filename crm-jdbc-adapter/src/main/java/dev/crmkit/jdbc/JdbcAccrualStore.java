package dev.crmkit.jdbc;

import dev.crmkit.model.Checks;
import dev.crmkit.model.ConflictException;
import dev.crmkit.model.NotFoundException;
import dev.crmkit.model.loyalty.AccrualStatus;
import dev.crmkit.spi.Ids;
import dev.crmkit.spi.loyalty.AccrualLineRecord;
import dev.crmkit.spi.loyalty.AccrualRecord;
import dev.crmkit.spi.loyalty.AccrualStore;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * What purchases earned members in {@code crm_loyalty_accrual}, a purchase's accruals through
 * {@code uq_crm_loyalty_accrual_purchase}, with the points of each line in {@code crm_loyalty_accrual_line}. An update
 * is a compare-and-set on the version that changes the status only.
 */
final class JdbcAccrualStore implements AccrualStore {
    private static final String TYPE = "accrual";
    private static final Map<String, String> UNIQUE = Map.of("uq_crm_loyalty_accrual_purchase", "purchase");
    private static final String SELECT = "SELECT tenant_id, id, version, created_at, updated_at, membership_id,"
            + " purchase_id, status, available_at FROM crm_loyalty_accrual";

    private final Database db;

    JdbcAccrualStore(Database db) {
        this.db = db;
    }

    @Override
    public AccrualRecord insert(AccrualRecord a) {
        Checks.required("accrual", a);
        AccrualRecord stored = new AccrualRecord(a.tenantId(), a.id(), 1, a.createdAt(), a.updatedAt(),
                a.membershipId(), a.purchaseId(), a.status(), a.availableAt(), a.lines());
        return db.write(TYPE, UNIQUE, c -> {
            db.update(c, "INSERT INTO crm_loyalty_accrual (tenant_id, id, version, created_at, updated_at,"
                    + " membership_id, purchase_id, status, available_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    List.of(a.tenantId(), a.id(), 1L, a.createdAt(), a.updatedAt(), a.membershipId(), a.purchaseId(),
                            a.status(), a.availableAt()));
            List<List<?>> rows = new ArrayList<>();
            for (AccrualLineRecord l : a.lines()) {
                rows.add(List.of(a.tenantId(), a.id(), l.lineNumber(), l.qualifyingPoints(), l.redeemablePoints()));
            }
            db.batch(c, "INSERT INTO crm_loyalty_accrual_line (tenant_id, accrual_id, line_number,"
                    + " qualifying_points, redeemable_points) VALUES (?, ?, ?, ?, ?)", rows);
            return stored;
        });
    }

    @Override
    public Optional<AccrualRecord> get(String tenantId, UUID id) {
        Checks.tenantId("tenantId", tenantId);
        Checks.id("id", id);
        return db.read(TYPE, c -> load(c, tenantId, id));
    }

    @Override
    public List<AccrualRecord> forPurchase(String tenantId, UUID purchaseId) {
        Checks.tenantId("tenantId", tenantId);
        Checks.id("purchaseId", purchaseId);
        return db.read(TYPE, c -> {
            List<AccrualRecord> found = new ArrayList<>();
            for (Head h : db.list(c, SELECT + " WHERE tenant_id = ? AND purchase_id = ?",
                    List.of(tenantId, purchaseId), JdbcAccrualStore::head)) {
                found.add(complete(c, h));
            }
            found.sort(Comparator.comparing(AccrualRecord::id, Ids.ORDER));
            return found;
        });
    }

    @Override
    public AccrualRecord update(AccrualRecord a, long expectedVersion) {
        Checks.required("accrual", a);
        return db.write(TYPE, UNIQUE, c -> {
            int changed = db.update(c, "UPDATE crm_loyalty_accrual SET version = ?, updated_at = ?, status = ?"
                    + " WHERE tenant_id = ? AND id = ? AND version = ?",
                    List.of(expectedVersion + 1, a.updatedAt(), a.status(), a.tenantId(), a.id(), expectedVersion));
            if (changed == 0) {
                throw load(c, a.tenantId(), a.id()).isPresent()
                        ? ConflictException.staleVersion(TYPE, a.id(), expectedVersion)
                        : new NotFoundException(TYPE, a.id());
            }
            return load(c, a.tenantId(), a.id()).orElseThrow();
        });
    }

    private Optional<AccrualRecord> load(Connection c, String tenantId, UUID id) throws SQLException {
        Optional<Head> head = db.one(c, SELECT + " WHERE tenant_id = ? AND id = ?", List.of(tenantId, id),
                JdbcAccrualStore::head);
        return head.isEmpty() ? Optional.empty() : Optional.of(complete(c, head.get()));
    }

    private AccrualRecord complete(Connection c, Head h) throws SQLException {
        List<AccrualLineRecord> lines = db.list(c, "SELECT line_number, qualifying_points, redeemable_points"
                + " FROM crm_loyalty_accrual_line WHERE tenant_id = ? AND accrual_id = ? ORDER BY line_number",
                List.of(h.tenantId, h.id), r -> new AccrualLineRecord(r.integer("line_number"),
                        r.number("qualifying_points"), r.number("redeemable_points")));
        return new AccrualRecord(h.tenantId, h.id, h.version, h.createdAt, h.updatedAt, h.membershipId,
                h.purchaseId, h.status, h.availableAt, lines);
    }

    /** An accrual's own row, before its lines are read. */
    private record Head(String tenantId, UUID id, long version, Instant createdAt, Instant updatedAt,
            UUID membershipId, UUID purchaseId, AccrualStatus status, Instant availableAt) {
    }

    private static Head head(Row r) throws SQLException {
        return new Head(r.text("tenant_id"), r.id("id"), r.number("version"), r.instant("created_at"),
                r.instant("updated_at"), r.id("membership_id"), r.id("purchase_id"),
                r.enumValue(AccrualStatus.class, "status"), r.instant("available_at"));
    }
}
