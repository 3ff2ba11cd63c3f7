package dev.crmkit.jdbc;

import dev.crmkit.model.Checks;
import dev.crmkit.model.ConflictException;
import dev.crmkit.model.Cursor;
import dev.crmkit.model.NotFoundException;
import dev.crmkit.model.Page;
import dev.crmkit.model.PageRequest;
import dev.crmkit.model.touchpoint.TaskStatus;
import dev.crmkit.spi.touchpoint.TaskRecord;
import dev.crmkit.spi.touchpoint.TaskStore;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Follow-up tasks in {@code crm_task}; open tasks are paged by due time through two indexes. */
final class JdbcTaskStore implements TaskStore {
    private static final String TYPE = "task";
    private static final String COLUMNS = "tenant_id, id, version, created_at, updated_at, customer_id, interaction_id,"
            + " title, assignee_id, due_at, status, completed_at";

    private final Database db;

    JdbcTaskStore(Database db) {
        this.db = db;
    }

    @Override
    public TaskRecord insert(TaskRecord t) {
        Checks.required("task", t);
        TaskRecord stored = withVersion(t, 1);
        db.write(TYPE, Map.of(), c -> db.update(c, "INSERT INTO crm_task (" + COLUMNS
                + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", Arrays.asList(t.tenantId(), t.id(), 1L, t.createdAt(),
                t.updatedAt(), t.customerId(), t.interactionId(), t.title(), t.assigneeId(), t.dueAt(), t.status(),
                t.completedAt())));
        return stored;
    }

    @Override
    public void lock(String tenantId, UUID id) {
        Checks.tenantId("tenantId", tenantId);
        Checks.id("id", id);
        db.lockRow(TYPE, "crm_task", tenantId, id);
    }

    @Override
    public TaskRecord update(TaskRecord t, long expectedVersion) {
        Checks.required("task", t);
        return db.write(TYPE, Map.of(), c -> {
            int changed = db.update(c, "UPDATE crm_task SET version = ?, updated_at = ?, customer_id = ?,"
                    + " interaction_id = ?, title = ?, assignee_id = ?, due_at = ?, status = ?, completed_at = ?"
                    + " WHERE tenant_id = ? AND id = ? AND version = ?",
                    Arrays.asList(expectedVersion + 1, t.updatedAt(), t.customerId(), t.interactionId(), t.title(),
                            t.assigneeId(), t.dueAt(), t.status(), t.completedAt(), t.tenantId(), t.id(),
                            expectedVersion));
            if (changed == 0) {
                throw load(c, t.tenantId(), t.id()).isPresent()
                        ? ConflictException.staleVersion(TYPE, t.id(), expectedVersion)
                        : new NotFoundException(TYPE, t.id());
            }
            return load(c, t.tenantId(), t.id()).orElseThrow();
        });
    }

    @Override
    public Optional<TaskRecord> get(String tenantId, UUID id) {
        Checks.tenantId("tenantId", tenantId);
        Checks.id("id", id);
        return db.read(TYPE, c -> load(c, tenantId, id));
    }

    @Override
    public Page<TaskRecord> openForCustomer(String tenantId, UUID customerId, PageRequest page) {
        Checks.tenantId("tenantId", tenantId);
        Checks.id("customerId", customerId);
        return open("customer_id", tenantId, customerId, page);
    }

    @Override
    public Page<TaskRecord> openForAssignee(String tenantId, String assigneeId, PageRequest page) {
        Checks.tenantId("tenantId", tenantId);
        Checks.text("assigneeId", assigneeId, 100);
        return open("assignee_id", tenantId, assigneeId, page);
    }

    /** {@code column} is one of the two fixed names above, never caller input. */
    private Page<TaskRecord> open(String column, String tenantId, Object owner, PageRequest page) {
        Checks.required("page", page);
        StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + " FROM crm_task WHERE tenant_id = ? AND "
                + column + " = ? AND status = ?");
        List<Object> parameters = new ArrayList<>(List.of(tenantId, owner, TaskStatus.OPEN));
        if (page.after() != null) {
            List<String> keys = page.after().keys(2);
            Instant dueAt = JdbcInteractionStore.parseInstant(keys.get(0));
            UUID id = JdbcInteractionStore.parseId(keys.get(1));
            sql.append(" AND (due_at > ? OR (due_at = ? AND id > ?))");
            parameters.addAll(List.of(dueAt, dueAt, id));
        }
        sql.append(" ORDER BY due_at, id").append(Database.limit(page.limit()));
        List<TaskRecord> items = db.read(TYPE, c -> db.list(c, sql.toString(), parameters, JdbcTaskStore::task));
        Optional<Cursor> next = Optional.empty();
        if (items.size() == page.limit()) {
            TaskRecord last = items.get(items.size() - 1);
            next = Optional.of(Cursor.of(List.of(last.dueAt().toString(), last.id().toString())));
        }
        return new Page<>(items, next);
    }

    @Override
    public int moveAll(String tenantId, UUID fromCustomerId, UUID toCustomerId, Instant now) {
        Checks.tenantId("tenantId", tenantId);
        Checks.id("fromCustomerId", fromCustomerId);
        Checks.id("toCustomerId", toCustomerId);
        Instant at = Checks.instant("now", now);
        return db.write(TYPE, Map.of(), c -> db.update(c, "UPDATE crm_task SET customer_id = ?, version = version + 1,"
                + " updated_at = ? WHERE tenant_id = ? AND customer_id = ?", List.of(toCustomerId, at, tenantId, fromCustomerId)));
    }

    private Optional<TaskRecord> load(Connection c, String tenantId, UUID id) throws SQLException {
        return db.one(c, "SELECT " + COLUMNS + " FROM crm_task WHERE tenant_id = ? AND id = ?", List.of(tenantId, id),
                JdbcTaskStore::task);
    }

    private static TaskRecord withVersion(TaskRecord t, long version) {
        return new TaskRecord(t.tenantId(), t.id(), version, t.createdAt(), t.updatedAt(), t.customerId(),
                t.interactionId(), t.title(), t.assigneeId(), t.dueAt(), t.status(), t.completedAt());
    }

    private static TaskRecord task(Row r) throws SQLException {
        return new TaskRecord(r.text("tenant_id"), r.id("id"), r.number("version"), r.instant("created_at"),
                r.instant("updated_at"), r.id("customer_id"), r.id("interaction_id"), r.text("title"),
                r.text("assignee_id"), r.instant("due_at"), r.enumValue(TaskStatus.class, "status"),
                r.instant("completed_at"));
    }
}
