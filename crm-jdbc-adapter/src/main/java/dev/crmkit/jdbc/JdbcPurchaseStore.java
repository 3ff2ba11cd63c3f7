package dev.crmkit.jdbc;

import dev.crmkit.model.Checks;
import dev.crmkit.model.ConflictException;
import dev.crmkit.model.Cursor;
import dev.crmkit.model.DuplicateException;
import dev.crmkit.model.NotFoundException;
import dev.crmkit.model.Page;
import dev.crmkit.model.PageRequest;
import dev.crmkit.model.ValidationException;
import dev.crmkit.model.loyalty.PurchaseSummary;
import dev.crmkit.spi.loyalty.PurchaseLineRecord;
import dev.crmkit.spi.loyalty.PurchaseRecord;
import dev.crmkit.spi.loyalty.PurchaseReturnRecord;
import dev.crmkit.spi.loyalty.PurchaseStore;
import dev.crmkit.spi.loyalty.ReturnLineRecord;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Orders in {@code crm_purchase} with their lines in {@code crm_purchase_line}, returns in
 * {@code crm_purchase_return} with theirs in {@code crm_purchase_return_line}. A customer's orders come through
 * {@code ix_crm_purchase_customer}; a page of orders loads its lines and returns with one query each. The summaries
 * are two aggregate queries over the customer's rows.
 */
final class JdbcPurchaseStore implements PurchaseStore {
    private static final String TYPE = "purchase";
    private static final Map<String, String> UNIQUE = Map.of("uq_crm_purchase_order_ref", "orderReference",
            "uq_crm_purchase_return_ref", "returnReference");
    private static final String SELECT = "SELECT tenant_id, id, version, created_at, updated_at, customer_id,"
            + " order_ref, channel, purchased_at, currency FROM crm_purchase";

    private final Database db;

    JdbcPurchaseStore(Database db) {
        this.db = db;
    }

    @Override
    public PurchaseRecord insert(PurchaseRecord p) {
        Checks.required("purchase", p);
        if (!p.returns().isEmpty()) {
            throw new ValidationException("returns", "must be empty for a new order: add returns with addReturn");
        }
        PurchaseRecord stored = new PurchaseRecord(p.tenantId(), p.id(), 1, p.createdAt(), p.updatedAt(),
                p.customerId(), p.orderReference(), p.channel(), p.purchasedAt(), p.currency(), p.lines(), List.of());
        return db.write(TYPE, UNIQUE, c -> {
            db.update(c, "INSERT INTO crm_purchase (tenant_id, id, version, created_at, updated_at, customer_id,"
                    + " order_ref, channel, purchased_at, currency) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    List.of(p.tenantId(), p.id(), 1L, p.createdAt(), p.updatedAt(), p.customerId(),
                            p.orderReference(), p.channel(), p.purchasedAt(), p.currency()));
            List<List<?>> lines = new ArrayList<>();
            for (int i = 0; i < p.lines().size(); i++) {
                PurchaseLineRecord line = p.lines().get(i);
                lines.add(List.of(p.tenantId(), p.id(), i + 1, line.productReference(), line.category(),
                        line.quantity(), line.amount()));
            }
            db.batch(c, "INSERT INTO crm_purchase_line (tenant_id, purchase_id, line_no, product_ref, category,"
                    + " quantity, amount) VALUES (?, ?, ?, ?, ?, ?, ?)", lines);
            return stored;
        });
    }

    @Override
    public Optional<PurchaseRecord> get(String tenantId, UUID id) {
        Checks.tenantId("tenantId", tenantId);
        Checks.id("id", id);
        return db.read(TYPE, c -> first(c, load(c, SELECT + " WHERE tenant_id = ? AND id = ?", List.of(tenantId, id))));
    }

    @Override
    public Optional<PurchaseRecord> findByOrderReference(String tenantId, String orderReference) {
        Checks.tenantId("tenantId", tenantId);
        Checks.text("orderReference", orderReference, 100);
        return db.read(TYPE, c -> first(c, load(c, SELECT + " WHERE tenant_id = ? AND order_ref = ?",
                List.of(tenantId, orderReference))));
    }

    @Override
    public Optional<PurchaseRecord> findByReturnReference(String tenantId, String returnReference) {
        Checks.tenantId("tenantId", tenantId);
        Checks.text("returnReference", returnReference, 100);
        return db.read(TYPE, c -> {
            Optional<UUID> purchaseId = db.one(c, "SELECT purchase_id FROM crm_purchase_return"
                    + " WHERE tenant_id = ? AND return_ref = ?", List.of(tenantId, returnReference),
                    r -> r.id("purchase_id"));
            return purchaseId.isEmpty() ? Optional.empty()
                    : first(c, load(c, SELECT + " WHERE tenant_id = ? AND id = ?", List.of(tenantId, purchaseId.get())));
        });
    }

    @Override
    public PurchaseRecord addReturn(String tenantId, UUID purchaseId, PurchaseReturnRecord added, Instant at,
            long expectedVersion) {
        Checks.tenantId("tenantId", tenantId);
        Checks.id("purchaseId", purchaseId);
        Checks.required("added", added);
        Instant when = Checks.instant("at", at);
        return db.write(TYPE, UNIQUE, c -> {
            int changed = db.update(c, "UPDATE crm_purchase SET version = ?, updated_at = ?"
                    + " WHERE tenant_id = ? AND id = ? AND version = ?",
                    List.of(expectedVersion + 1, when, tenantId, purchaseId, expectedVersion));
            if (changed == 0) {
                boolean exists = db.one(c, "SELECT id FROM crm_purchase WHERE tenant_id = ? AND id = ?",
                        List.of(tenantId, purchaseId), r -> r.id("id")).isPresent();
                throw exists ? ConflictException.staleVersion(TYPE, purchaseId, expectedVersion)
                        : new NotFoundException(TYPE, purchaseId);
            }
            // MariaDB names every primary key PRIMARY, so a reused return id is asked for rather than translated
            if (db.one(c, "SELECT id FROM crm_purchase_return WHERE tenant_id = ? AND id = ?",
                    List.of(tenantId, added.id()), r -> r.id("id")).isPresent()) {
                throw new DuplicateException(TYPE, "returnId");
            }
            int seq = db.one(c, "SELECT COUNT(*) AS n FROM crm_purchase_return WHERE tenant_id = ? AND purchase_id = ?",
                    List.of(tenantId, purchaseId), r -> r.integer("n")).orElse(0) + 1;
            db.update(c, "INSERT INTO crm_purchase_return (tenant_id, id, purchase_id, seq_no, return_ref, returned_at)"
                    + " VALUES (?, ?, ?, ?, ?, ?)",
                    List.of(tenantId, added.id(), purchaseId, seq, added.returnReference(), added.returnedAt()));
            List<List<?>> lines = new ArrayList<>();
            for (ReturnLineRecord line : added.lines()) {
                lines.add(List.of(tenantId, added.id(), line.lineNumber(), line.quantity(), line.amount()));
            }
            db.batch(c, "INSERT INTO crm_purchase_return_line (tenant_id, return_id, line_no, quantity, amount)"
                    + " VALUES (?, ?, ?, ?, ?)", lines);
            return first(c, load(c, SELECT + " WHERE tenant_id = ? AND id = ?", List.of(tenantId, purchaseId)))
                    .orElseThrow();
        });
    }

    @Override
    public Page<PurchaseRecord> forCustomer(String tenantId, UUID customerId, PageRequest page) {
        Checks.tenantId("tenantId", tenantId);
        Checks.id("customerId", customerId);
        Checks.required("page", page);
        StringBuilder sql = new StringBuilder(SELECT + " WHERE tenant_id = ? AND customer_id = ?");
        List<Object> parameters = new ArrayList<>(List.of(tenantId, customerId));
        if (page.after() != null) {
            sql.append(" AND id < ?");
            parameters.add(JdbcInteractionStore.parseId(page.after().keys(1).get(0)));
        }
        sql.append(" ORDER BY id DESC").append(Database.limit(page.limit()));
        List<PurchaseRecord> items = db.read(TYPE, c -> complete(c, tenantId, load(c, sql.toString(), parameters)));
        Optional<Cursor> next = items.size() == page.limit()
                ? Optional.of(Cursor.of(List.of(items.get(items.size() - 1).id().toString())))
                : Optional.empty();
        return new Page<>(items, next);
    }

    @Override
    public List<PurchaseSummary> summaries(String tenantId, UUID customerId) {
        Checks.tenantId("tenantId", tenantId);
        Checks.id("customerId", customerId);
        return db.read(TYPE, c -> {
            Map<String, BigDecimal> refunded = new HashMap<>();
            db.list(c, "SELECT p.currency AS currency, SUM(rl.amount) AS refunded FROM crm_purchase p"
                    + " JOIN crm_purchase_return r ON r.tenant_id = p.tenant_id AND r.purchase_id = p.id"
                    + " JOIN crm_purchase_return_line rl ON rl.tenant_id = r.tenant_id AND rl.return_id = r.id"
                    + " WHERE p.tenant_id = ? AND p.customer_id = ? GROUP BY p.currency",
                    List.of(tenantId, customerId), r -> Map.entry(r.text("currency"), r.decimal("refunded")))
                    .forEach(e -> refunded.put(e.getKey(), e.getValue()));
            return db.list(c, "SELECT p.currency AS currency, COUNT(DISTINCT p.id) AS orders,"
                    + " MIN(p.purchased_at) AS first_at, MAX(p.purchased_at) AS last_at, SUM(l.amount) AS spent"
                    + " FROM crm_purchase p JOIN crm_purchase_line l ON l.tenant_id = p.tenant_id"
                    + " AND l.purchase_id = p.id WHERE p.tenant_id = ? AND p.customer_id = ?"
                    + " GROUP BY p.currency ORDER BY p.currency", List.of(tenantId, customerId),
                    r -> new PurchaseSummary(customerId, r.text("currency"), r.number("orders"), r.instant("first_at"),
                            r.instant("last_at"), r.decimal("spent"),
                            refunded.getOrDefault(r.text("currency"), BigDecimal.ZERO)));
        });
    }

    @Override
    public int moveAll(String tenantId, UUID fromCustomerId, UUID toCustomerId, Instant now) {
        Checks.tenantId("tenantId", tenantId);
        Checks.id("fromCustomerId", fromCustomerId);
        Checks.id("toCustomerId", toCustomerId);
        Instant at = Checks.instant("now", now);
        return db.write(TYPE, UNIQUE, c -> db.update(c, "UPDATE crm_purchase SET customer_id = ?,"
                + " version = version + 1, updated_at = ? WHERE tenant_id = ? AND customer_id = ?",
                List.of(toCustomerId, at, tenantId, fromCustomerId)));
    }

    private Optional<PurchaseRecord> first(Connection c, List<Head> heads) throws SQLException {
        if (heads.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(complete(c, heads.get(0).tenantId, heads).get(0));
    }

    /** An order's own row, before its lines and returns are read. */
    private record Head(String tenantId, UUID id, long version, Instant createdAt, Instant updatedAt, UUID customerId,
            String orderReference, String channel, Instant purchasedAt, String currency) {
    }

    private List<Head> load(Connection c, String sql, List<?> parameters) throws SQLException {
        return db.list(c, sql, parameters, r -> new Head(r.text("tenant_id"), r.id("id"), r.number("version"),
                r.instant("created_at"), r.instant("updated_at"), r.id("customer_id"), r.text("order_ref"),
                r.text("channel"), r.instant("purchased_at"), r.text("currency")));
    }

    /** The orders with their lines and returns: one query for the lines, one for the returns' lines. */
    private List<PurchaseRecord> complete(Connection c, String tenantId, List<Head> heads) throws SQLException {
        if (heads.isEmpty()) {
            return List.of();
        }
        List<Object> ids = new ArrayList<>();
        heads.forEach(h -> ids.add(h.id()));
        List<Object> parameters = new ArrayList<>(List.of(tenantId));
        parameters.addAll(ids);
        String in = Database.placeholders(ids.size());
        Map<UUID, List<PurchaseLineRecord>> lines = new HashMap<>();
        db.list(c, "SELECT purchase_id, product_ref, category, quantity, amount FROM crm_purchase_line"
                + " WHERE tenant_id = ? AND purchase_id IN " + in + " ORDER BY purchase_id, line_no", parameters,
                r -> Map.entry(r.id("purchase_id"), new PurchaseLineRecord(r.text("product_ref"), r.text("category"),
                        r.integer("quantity"), r.decimal("amount"))))
                .forEach(e -> lines.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue()));
        Map<UUID, Map<UUID, ReturnRows>> returns = new HashMap<>();
        for (ReturnLineRow row : db.list(c, "SELECT r.purchase_id AS purchase_id, r.id AS return_id,"
                + " r.return_ref AS return_ref, r.returned_at AS returned_at, rl.line_no AS line_no,"
                + " rl.quantity AS quantity, rl.amount AS amount, r.seq_no AS seq_no"
                + " FROM crm_purchase_return r JOIN crm_purchase_return_line rl ON rl.tenant_id = r.tenant_id"
                + " AND rl.return_id = r.id WHERE r.tenant_id = ? AND r.purchase_id IN " + in
                + " ORDER BY r.purchase_id, r.seq_no, rl.line_no", parameters, JdbcPurchaseStore::returnLine)) {
            returns.computeIfAbsent(row.purchaseId(), k -> new LinkedHashMap<>())
                    .computeIfAbsent(row.returnId(), k -> new ReturnRows(row.returnReference(), row.returnedAt(),
                            new ArrayList<>()))
                    .lines().add(row.line());
        }
        List<PurchaseRecord> records = new ArrayList<>();
        for (Head h : heads) {
            List<PurchaseReturnRecord> made = new ArrayList<>();
            returns.getOrDefault(h.id(), Map.of()).forEach((id, r) ->
                    made.add(new PurchaseReturnRecord(id, r.returnReference(), r.returnedAt(), r.lines())));
            records.add(new PurchaseRecord(h.tenantId(), h.id(), h.version(), h.createdAt(), h.updatedAt(),
                    h.customerId(), h.orderReference(), h.channel(), h.purchasedAt(), h.currency(),
                    lines.getOrDefault(h.id(), List.of()), made));
        }
        return records;
    }

    private record ReturnRows(String returnReference, Instant returnedAt, List<ReturnLineRecord> lines) {
    }

    private record ReturnLineRow(UUID purchaseId, UUID returnId, String returnReference, Instant returnedAt,
            ReturnLineRecord line) {
    }

    private static ReturnLineRow returnLine(Row r) throws SQLException {
        return new ReturnLineRow(r.id("purchase_id"), r.id("return_id"), r.text("return_ref"), r.instant("returned_at"),
                new ReturnLineRecord(r.integer("line_no"), r.integer("quantity"), r.decimal("amount")));
    }
}
