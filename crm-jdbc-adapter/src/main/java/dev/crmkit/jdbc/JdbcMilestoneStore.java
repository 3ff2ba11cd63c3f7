package dev.crmkit.jdbc;

import dev.crmkit.model.Checks;
import dev.crmkit.model.ConflictException;
import dev.crmkit.model.Cursor;
import dev.crmkit.model.NotFoundException;
import dev.crmkit.model.Page;
import dev.crmkit.model.PageRequest;
import dev.crmkit.model.ValidationException;
import dev.crmkit.model.ticket.MilestoneKind;
import dev.crmkit.spi.Ids;
import dev.crmkit.spi.ticket.MilestoneRecord;
import dev.crmkit.spi.ticket.MilestoneStore;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The milestones of tickets in {@code crm_ticket_milestone}, durations as microseconds; a ticket's through
 * {@code ix_crm_ticket_milestone_ticket}, the due ones through {@code ix_crm_ticket_milestone_due} ({@code due_at} is
 * set only while a clock runs, so completed and paused milestones have none). Its writes have no savepoint in a unit
 * CRMKit began ({@link Database#writeWithoutSavepoint}): no caller recovers from a failed one inside the unit, and a
 * stale version is found before anything is written.
 */
final class JdbcMilestoneStore implements MilestoneStore {
    private static final String TYPE = "milestone";
    private static final String COLUMNS = "tenant_id, id, version, created_at, updated_at, ticket_id, kind,"
            + " target_micros, elapsed_micros, running_since, due_at, completed_at, breached";

    private final Database db;

    JdbcMilestoneStore(Database db) {
        this.db = db;
    }

    @Override
    public MilestoneRecord insert(MilestoneRecord m) {
        Checks.required("milestone", m);
        if (m.version() != 1) {
            throw new ValidationException("version", "must be 1 on insert");
        }
        List<?> parameters = Arrays.asList(m.tenantId(), m.id(), 1L, m.createdAt(), m.updatedAt(), m.ticketId(),
                m.kind(), micros(m.target()), micros(m.elapsed()), m.runningSince(), m.dueAt(), m.completedAt(),
                m.breached());
        db.writeWithoutSavepoint(TYPE, Map.of(), c -> db.update(c, "INSERT INTO crm_ticket_milestone (" + COLUMNS
                + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", parameters));
        return m;
    }

    /** One multi-row {@code INSERT}: one statement whatever the count, and all rows or none. */
    @Override
    public void insertAll(List<MilestoneRecord> milestones) {
        Checks.noNulls("milestones", milestones);
        if (milestones.isEmpty()) {
            return;
        }
        List<Object> parameters = new ArrayList<>();
        for (MilestoneRecord m : milestones) {
            if (m.version() != 1) {
                throw new ValidationException("version", "must be 1 on insert");
            }
            parameters.addAll(Arrays.asList(m.tenantId(), m.id(), 1L, m.createdAt(), m.updatedAt(), m.ticketId(),
                    m.kind(), micros(m.target()), micros(m.elapsed()), m.runningSince(), m.dueAt(), m.completedAt(),
                    m.breached()));
        }
        String row = " (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
        db.writeWithoutSavepoint(TYPE, Map.of(), c -> db.update(c, "INSERT INTO crm_ticket_milestone (" + COLUMNS
                + ") VALUES" + String.join(",", Collections.nCopies(milestones.size(), row)), parameters));
    }

    @Override
    public MilestoneRecord update(MilestoneRecord m, long expectedVersion) {
        Checks.required("milestone", m);
        return db.writeWithoutSavepoint(TYPE, Map.of(), c -> {
            int changed = db.update(c, "UPDATE crm_ticket_milestone SET version = ?, updated_at = ?, target_micros = ?,"
                    + " elapsed_micros = ?, running_since = ?, due_at = ?, completed_at = ?, breached = ?"
                    + " WHERE tenant_id = ? AND id = ? AND version = ?", Arrays.asList(expectedVersion + 1,
                    m.updatedAt(), micros(m.target()), micros(m.elapsed()), m.runningSince(), m.dueAt(),
                    m.completedAt(), m.breached(), m.tenantId(), m.id(), expectedVersion));
            Optional<MilestoneRecord> stored = db.one(c, "SELECT " + COLUMNS + " FROM crm_ticket_milestone"
                    + " WHERE tenant_id = ? AND id = ?", List.of(m.tenantId(), m.id()), JdbcMilestoneStore::row);
            if (changed == 0) {
                throw stored.isEmpty() ? new NotFoundException(TYPE, m.id())
                        : ConflictException.staleVersion(TYPE, m.id(), expectedVersion);
            }
            return stored.orElseThrow();
        });
    }

    @Override
    public List<MilestoneRecord> ofTicket(String tenantId, UUID ticketId) {
        Checks.tenantId("tenantId", tenantId);
        Checks.id("ticketId", ticketId);
        List<MilestoneRecord> found = new ArrayList<>(db.read(TYPE, c -> db.list(c, "SELECT " + COLUMNS
                + " FROM crm_ticket_milestone WHERE tenant_id = ? AND ticket_id = ?", List.of(tenantId, ticketId),
                JdbcMilestoneStore::row)));
        // ordered here: MariaDB keeps ids as text, and Ids.ORDER is the contract's order on every backend
        found.sort(Comparator.comparing(MilestoneRecord::id, Ids.ORDER));
        return found;
    }

    @Override
    public Page<MilestoneRecord> dueBefore(String tenantId, Instant before, PageRequest page) {
        Checks.tenantId("tenantId", tenantId);
        Checks.required("before", before);
        Checks.required("page", page);
        StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + " FROM crm_ticket_milestone WHERE tenant_id = ?"
                + " AND due_at < ?");
        List<Object> parameters = new ArrayList<>(List.of(tenantId, before.truncatedTo(ChronoUnit.MICROS)));
        if (page.after() != null) {
            List<String> keys = page.after().keys(2);
            Instant dueAt = JdbcInteractionStore.parseInstant(keys.get(0));
            UUID id = JdbcInteractionStore.parseId(keys.get(1));
            sql.append(" AND (due_at > ? OR (due_at = ? AND id > ?))");
            parameters.addAll(List.of(dueAt, dueAt, id));
        }
        sql.append(" ORDER BY due_at, id").append(Database.limit(page.limit()));
        List<MilestoneRecord> items = db.read(TYPE, c -> db.list(c, sql.toString(), parameters,
                JdbcMilestoneStore::row));
        Optional<Cursor> next = Optional.empty();
        if (items.size() == page.limit()) {
            MilestoneRecord last = items.get(items.size() - 1);
            next = Optional.of(Cursor.of(List.of(last.dueAt().toString(), last.id().toString())));
        }
        return new Page<>(items, next);
    }

    private static long micros(Duration d) {
        return d.getSeconds() * 1_000_000L + d.getNano() / 1_000;
    }

    private static MilestoneRecord row(Row r) throws SQLException {
        return new MilestoneRecord(r.text("tenant_id"), r.id("id"), r.number("version"), r.instant("created_at"),
                r.instant("updated_at"), r.id("ticket_id"), MilestoneKind.valueOf(r.text("kind")),
                Duration.of(r.number("target_micros"), ChronoUnit.MICROS),
                Duration.of(r.number("elapsed_micros"), ChronoUnit.MICROS), r.instant("running_since"),
                r.instant("due_at"), r.instant("completed_at"), r.flag("breached"));
    }
}
