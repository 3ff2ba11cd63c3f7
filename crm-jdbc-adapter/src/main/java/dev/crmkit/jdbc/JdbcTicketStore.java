package dev.crmkit.jdbc;

import dev.crmkit.model.Checks;
import dev.crmkit.model.ConflictException;
import dev.crmkit.model.Cursor;
import dev.crmkit.model.NotFoundException;
import dev.crmkit.model.Page;
import dev.crmkit.model.PageRequest;
import dev.crmkit.model.ValidationException;
import dev.crmkit.model.customfield.CustomFieldValue;
import dev.crmkit.model.ticket.Attachment;
import dev.crmkit.model.ticket.ProductReturn;
import dev.crmkit.model.ticket.TicketChannel;
import dev.crmkit.model.ticket.TicketContent;
import dev.crmkit.model.ticket.TicketFilter;
import dev.crmkit.model.ticket.TicketKind;
import dev.crmkit.model.ticket.TicketPriority;
import dev.crmkit.model.ticket.TicketState;
import dev.crmkit.spi.ticket.TicketRecord;
import dev.crmkit.spi.ticket.TicketStore;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Tickets in {@code crm_ticket}, their attachments in {@code crm_ticket_attachment} (in order) and their custom fields
 * in {@code crm_ticket_field} (one typed column per type, as customers' fields), both keyed by
 * {@code (tenant_id, ticket_id, ...)}.
 */
final class JdbcTicketStore implements TicketStore {
    private static final String TYPE = "ticket";
    private static final String COLUMNS = "t.tenant_id, t.id, t.version, t.created_at, t.updated_at, t.kind, t.channel,"
            + " t.customer_id, t.contact_person_id, t.priority, t.assignee_id, t.state, t.subject, t.description,"
            + " t.return_authorization, t.return_product_ref, t.return_order_ref, t.resolved_at, t.closed_at,"
            + " t.merged_into";
    private static final String INSERT = "INSERT INTO crm_ticket (tenant_id, id, version, created_at, updated_at, kind,"
            + " channel, customer_id, contact_person_id, priority, assignee_id, state, subject, description,"
            + " return_authorization, return_product_ref, return_order_ref, resolved_at, closed_at, merged_into)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    private static final List<String> CHILD_TABLES = List.of("crm_ticket_attachment", "crm_ticket_field");

    private final Database db;

    JdbcTicketStore(Database db) {
        this.db = db;
    }

    @Override
    public TicketRecord insert(TicketRecord t) {
        Checks.required("ticket", t);
        if (t.version() != 1) {
            throw new ValidationException("version", "must be 1 on insert");
        }
        Children children = Children.of(t);
        // no savepoint in a unit CRMKit began: no caller recovers from a failed insert inside the unit, which then can
        // only roll back (Database.writeWithoutSavepoint)
        db.writeWithoutSavepoint(TYPE, Map.of(), c -> {
            ProductReturn r = t.productReturn();
            db.update(c, INSERT, Arrays.asList(t.tenantId(), t.id(), 1L, t.createdAt(), t.updatedAt(), t.kind(),
                    t.channel(), t.customerId(), t.contactPersonId(), t.priority(), t.assigneeId(), t.state(),
                    t.content().subject(), t.content().description(), r == null ? null : r.authorization(),
                    r == null ? null : r.productRef(), r == null ? null : r.orderRef(), t.resolvedAt(),
                    t.closedAt(), t.mergedInto()));
            insertChildren(c, children);
            return null;
        });
        return t;
    }

    @Override
    public TicketRecord update(TicketRecord t, long expectedVersion) {
        Checks.required("ticket", t);
        Children children = Children.of(t);
        // without a savepoint in a unit CRMKit began: a stale version is found before anything is written
        return db.writeWithoutSavepoint(TYPE, Map.of(), c -> {
            updateRow(c, t, expectedVersion);
            for (String table : CHILD_TABLES) {
                db.update(c, "DELETE FROM " + table + " WHERE tenant_id = ? AND ticket_id = ?",
                        List.of(t.tenantId(), t.id()));
            }
            insertChildren(c, children);
            return load(c, t.tenantId(), List.of(t.id())).get(0);
        });
    }

    /**
     * One {@code UPDATE} when the attachments and custom fields are {@code stored}'s: at the version it checks, the
     * child rows are those {@code stored} was read with, and the record it returns is {@code ticket} at the next
     * version with {@code stored}'s {@code createdAt} and content, as read back.
     */
    @Override
    public TicketRecord update(TicketRecord t, TicketRecord stored) {
        Checks.required("ticket", t);
        Checks.required("stored", stored);
        if (!stored.tenantId().equals(t.tenantId()) || !stored.id().equals(t.id())) {
            throw new ValidationException("stored", "is another ticket than the one to update");
        }
        if (!t.content().attachments().equals(stored.content().attachments())
                || !t.content().customFields().equals(stored.content().customFields())) {
            return update(t, stored.version());
        }
        TicketContent content = new TicketContent(t.content().subject(), t.content().description(),
                stored.content().attachments(), stored.content().customFields());
        TicketRecord after = new TicketRecord(t.tenantId(), t.id(), stored.version() + 1, stored.createdAt(),
                t.updatedAt(), t.kind(), t.channel(), t.customerId(), t.contactPersonId(), t.priority(),
                t.assigneeId(), t.state(), content, t.productReturn(), t.resolvedAt(), t.closedAt(), t.mergedInto());
        db.writeWithoutSavepoint(TYPE, Map.of(), c -> {
            updateRow(c, t, stored.version());
            return null;
        });
        return after;
    }

    /** The ticket's own row over {@code expectedVersion}; not found or a conflict when no row was at it. */
    private void updateRow(Connection c, TicketRecord t, long expectedVersion) throws SQLException {
        ProductReturn r = t.productReturn();
        int changed = db.update(c, "UPDATE crm_ticket SET version = ?, updated_at = ?, kind = ?, channel = ?,"
                + " customer_id = ?, contact_person_id = ?, priority = ?, assignee_id = ?, state = ?, subject = ?,"
                + " description = ?, return_authorization = ?, return_product_ref = ?, return_order_ref = ?,"
                + " resolved_at = ?, closed_at = ?, merged_into = ? WHERE tenant_id = ? AND id = ? AND version = ?",
                Arrays.asList(expectedVersion + 1, t.updatedAt(), t.kind(), t.channel(), t.customerId(),
                        t.contactPersonId(), t.priority(), t.assigneeId(), t.state(), t.content().subject(),
                        t.content().description(), r == null ? null : r.authorization(),
                        r == null ? null : r.productRef(), r == null ? null : r.orderRef(), t.resolvedAt(),
                        t.closedAt(), t.mergedInto(), t.tenantId(), t.id(), expectedVersion));
        if (changed == 0) {
            throw load(c, t.tenantId(), List.of(t.id())).isEmpty()
                    ? new NotFoundException(TYPE, t.id())
                    : ConflictException.staleVersion(TYPE, t.id(), expectedVersion);
        }
    }

    /**
     * A ticket's attachment and custom-field rows, made before anything is written: what can refuse a ticket's values
     * does so before its row is, so a write without a savepoint fails after writing only on the database's word.
     */
    private record Children(List<List<?>> attachments, List<List<?>> fields) {
        static Children of(TicketRecord t) {
            List<List<?>> attachments = new ArrayList<>();
            List<Attachment> files = t.content().attachments();
            for (int i = 0; i < files.size(); i++) {
                attachments.add(List.of(t.tenantId(), t.id(), i, files.get(i).reference(),
                        files.get(i).mediaType()));
            }
            List<List<?>> fields = new ArrayList<>();
            for (Map.Entry<String, CustomFieldValue> e : t.content().customFields().entrySet()) {
                CustomFieldValue v = e.getValue();
                String column = CustomFieldColumns.column(v.type());
                fields.add(Arrays.asList(t.tenantId(), t.id(), e.getKey(), v.type(),
                        column.equals("text_value") ? CustomFieldColumns.value(v) : null,
                        column.equals("number_value") ? CustomFieldColumns.value(v) : null,
                        column.equals("date_value") ? CustomFieldColumns.value(v) : null,
                        column.equals("boolean_value") ? CustomFieldColumns.value(v) : null));
            }
            return new Children(attachments, fields);
        }
    }

    /** Inserts the ticket's children, a JDBC batch per table (none for an empty one). */
    private void insertChildren(Connection c, Children children) throws SQLException {
        db.batch(c, "INSERT INTO crm_ticket_attachment (tenant_id, ticket_id, attachment_no, file_ref, media_type)"
                + " VALUES (?, ?, ?, ?, ?)", children.attachments());
        db.batch(c, "INSERT INTO crm_ticket_field (tenant_id, ticket_id, field_key, field_type, text_value,"
                + " number_value, date_value, boolean_value) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", children.fields());
    }

    @Override
    public void lock(String tenantId, UUID id) {
        Checks.tenantId("tenantId", tenantId);
        Checks.id("id", id);
        db.lockRow(TYPE, "crm_ticket", tenantId, id);
    }

    /**
     * The row lock and the ticket's own row in one {@code SELECT ... FOR UPDATE}, then its attachments and fields in
     * one more.
     */
    @Override
    public TicketRecord lockAndGet(String tenantId, UUID id) {
        Checks.tenantId("tenantId", tenantId);
        Checks.id("id", id);
        return db.read(TYPE, c -> {
            List<TicketRecord> locked = db.list(c, "SELECT " + COLUMNS + " FROM crm_ticket t WHERE t.tenant_id = ?"
                    + " AND t.id = ? FOR UPDATE", List.of(tenantId, id), JdbcTicketStore::bare);
            if (locked.isEmpty()) {
                throw new NotFoundException(TYPE, id);
            }
            return withChildren(c, tenantId, locked).get(0);
        });
    }

    @Override
    public Optional<TicketRecord> get(String tenantId, UUID id) {
        Checks.tenantId("tenantId", tenantId);
        Checks.id("id", id);
        return db.read(TYPE, c -> load(c, tenantId, List.of(id)).stream().findFirst());
    }

    @Override
    public Page<TicketRecord> find(String tenantId, TicketFilter filter, PageRequest page) {
        Checks.tenantId("tenantId", tenantId);
        Checks.required("filter", filter);
        Checks.required("page", page);
        StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + " FROM crm_ticket t WHERE t.tenant_id = ?");
        List<Object> parameters = new ArrayList<>(List.of(tenantId));
        if (filter.customerId() != null) {
            sql.append(" AND t.customer_id = ?");
            parameters.add(filter.customerId());
        }
        if (filter.assigneeId() != null) {
            sql.append(" AND t.assignee_id = ?");
            parameters.add(filter.assigneeId());
        }
        if (!filter.states().isEmpty()) {
            sql.append(" AND t.state IN ").append(Database.placeholders(filter.states().size()));
            filter.states().stream().sorted().forEach(parameters::add);
        }
        if (!filter.kinds().isEmpty()) {
            sql.append(" AND t.kind IN ").append(Database.placeholders(filter.kinds().size()));
            filter.kinds().stream().sorted().forEach(parameters::add);
        }
        if (page.after() != null) {
            sql.append(" AND t.id > ?");
            parameters.add(JdbcOpportunityStore.cursorId(page.after()));
        }
        sql.append(" ORDER BY t.id").append(Database.limit(page.limit()));
        List<TicketRecord> items = db.read(TYPE, c -> withChildren(c, tenantId,
                db.list(c, sql.toString(), parameters, JdbcTicketStore::bare)));
        Optional<Cursor> next = items.size() == page.limit()
                ? Optional.of(Cursor.of(List.of(items.get(items.size() - 1).id().toString())))
                : Optional.empty();
        return new Page<>(items, next);
    }

    @Override
    public int moveAll(String tenantId, UUID fromCustomerId, UUID toCustomerId, Instant now) {
        Checks.tenantId("tenantId", tenantId);
        Checks.id("fromCustomerId", fromCustomerId);
        Checks.id("toCustomerId", toCustomerId);
        Instant at = Checks.instant("now", now);
        return db.write(TYPE, Map.of(), c -> {
            // one statement, so a ticket whose customer and contact person both move changes once
            return db.update(c, "UPDATE crm_ticket SET"
                    + " contact_person_id = CASE WHEN contact_person_id = ? THEN"
                    + " (CASE WHEN customer_id = ? OR customer_id = ? THEN NULL ELSE ? END)"
                    + " WHEN contact_person_id = ? AND customer_id = ? THEN NULL ELSE contact_person_id END,"
                    + " customer_id = CASE WHEN customer_id = ? THEN ? ELSE customer_id END,"
                    + " version = version + 1, updated_at = ?"
                    + " WHERE tenant_id = ? AND (customer_id = ? OR contact_person_id = ?)",
                    List.of(fromCustomerId, fromCustomerId, toCustomerId, toCustomerId, toCustomerId, fromCustomerId,
                            fromCustomerId, toCustomerId, at, tenantId, fromCustomerId, fromCustomerId));
        });
    }

    private List<TicketRecord> load(Connection c, String tenantId, List<UUID> ids) throws SQLException {
        List<Object> parameters = new ArrayList<>();
        parameters.add(tenantId);
        parameters.addAll(ids);
        return withChildren(c, tenantId, db.list(c, "SELECT " + COLUMNS + " FROM crm_ticket t WHERE t.tenant_id = ?"
                + " AND t.id IN " + Database.placeholders(ids.size()), parameters, JdbcTicketStore::bare));
    }

    private List<TicketRecord> withChildren(Connection c, String tenantId, List<TicketRecord> bare)
            throws SQLException {
        if (bare.isEmpty()) {
            return bare;
        }
        List<Object> parameters = new ArrayList<>();
        parameters.add(tenantId);
        bare.forEach(t -> parameters.add(t.id()));
        String ids = Database.placeholders(bare.size());
        // attachments and custom fields in one statement: a row of either table, told apart by "part"
        List<Object> both = new ArrayList<>(parameters);
        both.addAll(parameters);
        Map<UUID, List<Attachment>> attachments = new HashMap<>();
        Map<UUID, Map<String, CustomFieldValue>> fields = new HashMap<>();
        db.list(c, "SELECT 1 AS part, ticket_id, attachment_no, file_ref, media_type, NULL AS field_key,"
                + " NULL AS field_type, NULL AS text_value, NULL AS number_value, NULL AS date_value,"
                + " NULL AS boolean_value FROM crm_ticket_attachment WHERE tenant_id = ? AND ticket_id IN " + ids
                + " UNION ALL SELECT 2, ticket_id, 0, NULL, NULL, field_key, field_type, text_value, number_value,"
                + " date_value, boolean_value FROM crm_ticket_field WHERE tenant_id = ? AND ticket_id IN " + ids
                + " ORDER BY part, ticket_id, attachment_no", both, r -> {
                    if (r.integer("part") == 1) {
                        attachments.computeIfAbsent(r.id("ticket_id"), k -> new ArrayList<>())
                                .add(new Attachment(r.text("file_ref"), r.text("media_type")));
                    } else {
                        fields.computeIfAbsent(r.id("ticket_id"), k -> new HashMap<>())
                                .put(r.text("field_key"), CustomFieldColumns.read(r));
                    }
                    return null;
                });
        List<TicketRecord> complete = new ArrayList<>(bare.size());
        for (TicketRecord t : bare) {
            TicketContent content = new TicketContent(t.content().subject(), t.content().description(),
                    attachments.getOrDefault(t.id(), List.of()), fields.getOrDefault(t.id(), Map.of()));
            complete.add(new TicketRecord(t.tenantId(), t.id(), t.version(), t.createdAt(), t.updatedAt(), t.kind(),
                    t.channel(), t.customerId(), t.contactPersonId(), t.priority(), t.assigneeId(), t.state(),
                    content, t.productReturn(), t.resolvedAt(), t.closedAt(), t.mergedInto()));
        }
        return complete;
    }

    /** A ticket without attachments and custom fields. */
    private static TicketRecord bare(Row r) throws SQLException {
        String authorization = r.text("return_authorization");
        ProductReturn productReturn = authorization == null ? null
                : new ProductReturn(authorization, r.text("return_product_ref"), r.text("return_order_ref"));
        return new TicketRecord(r.text("tenant_id"), r.id("id"), r.number("version"), r.instant("created_at"),
                r.instant("updated_at"), r.enumValue(TicketKind.class, "kind"),
                r.enumValue(TicketChannel.class, "channel"), r.id("customer_id"), r.id("contact_person_id"),
                r.enumValue(TicketPriority.class, "priority"), r.id("assignee_id"),
                r.enumValue(TicketState.class, "state"),
                new TicketContent(r.text("subject"), r.text("description"), List.of(), Map.of()), productReturn,
                r.instant("resolved_at"), r.instant("closed_at"), r.id("merged_into"));
    }
}
