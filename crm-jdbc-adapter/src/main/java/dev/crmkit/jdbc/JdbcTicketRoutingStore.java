package dev.crmkit.jdbc;

import dev.crmkit.model.Checks;
import dev.crmkit.model.Cursor;
import dev.crmkit.model.DuplicateException;
import dev.crmkit.model.Page;
import dev.crmkit.model.PageRequest;
import dev.crmkit.model.ValidationException;
import dev.crmkit.model.ticket.TicketState;
import dev.crmkit.spi.ticket.AgentSlotRecord;
import dev.crmkit.spi.ticket.TicketRoutingStore;
import dev.crmkit.spi.ticket.WaitingTicketRecord;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Agents' routing slots in {@code crm_ticket_agent_slot}, one row per member with its active-ticket count, replaced by
 * compare-and-set ({@link JdbcSlots}) and counted up and down in place by one {@code UPDATE}; the waiting queue in
 * {@code crm_ticket_routing_queue}; the recount of open tickets per agent by the database in one grouped query over
 * {@code ix_crm_ticket_assignee_state}, which holds each ticket's assignee and state, so it reads no ticket row.
 * A slot's update and its count's have no savepoint in a unit CRMKit began ({@link Database#writeWithoutSavepoint}):
 * both are one statement that no caller recovers from inside the unit, and a stale version changes no row. A first
 * slot's insert and the queue's writes keep theirs ({@link #enqueue} goes on after a duplicate).
 */
final class JdbcTicketRoutingStore implements TicketRoutingStore {
    private static final String TYPE = "ticket routing";
    private static final List<String> ACTIVE = Arrays.stream(TicketState.values()).filter(TicketState::isActive)
            .map(Enum::name).sorted().toList();
    private static final String QUEUE_COLUMNS = "tenant_id, ticket_id, team_id, assignee_id, waiting_since";

    private final Database db;
    private final JdbcSlots<AgentSlotRecord> slots;

    JdbcTicketRoutingStore(Database db) {
        this.db = db;
        this.slots = new JdbcSlots<>(db, "agent slot", "crm_ticket_agent_slot", List.of("member_id"),
                List.of("last_routed_at", "active_tickets"),
                r -> new AgentSlotRecord(r.text("tenant_id"), r.id("id"), r.number("version"),
                        r.instant("created_at"), r.instant("updated_at"), r.id("member_id"),
                        r.instant("last_routed_at"), r.integer("active_tickets")), true);
    }

    @Override
    public Optional<AgentSlotRecord> slot(String tenantId, UUID memberId) {
        Checks.tenantId("tenantId", tenantId);
        Checks.id("memberId", memberId);
        return slots.get(tenantId, List.of(memberId));
    }

    @Override
    public Map<UUID, AgentSlotRecord> slots(String tenantId, Collection<UUID> memberIds) {
        Checks.tenantId("tenantId", tenantId);
        List<UUID> distinct = distinctIds("memberIds", memberIds);
        Map<UUID, AgentSlotRecord> found = new LinkedHashMap<>();
        slots.getAll(tenantId, distinct).forEach(s -> found.put(s.memberId(), s));
        return found;
    }

    /** The ids without duplicates, in the order given; refused, naming {@code field}, when null or over a page. */
    static List<UUID> distinctIds(String field, Collection<UUID> ids) {
        List<UUID> distinct = List.copyOf(new LinkedHashSet<>(Checks.noNulls(field, ids)));
        if (distinct.size() > PageRequest.MAX_LIMIT) {
            throw new ValidationException(field, "must hold at most " + PageRequest.MAX_LIMIT + " ids");
        }
        return distinct;
    }

    @Override
    public void saveSlot(AgentSlotRecord slot, long expectedVersion) {
        Checks.required("slot", slot);
        slots.store(slot, List.of(slot.memberId()), Arrays.asList(slot.lastRoutedAt(), slot.activeTickets()),
                expectedVersion);
    }

    @Override
    public void addActiveTickets(String tenantId, UUID memberId, int delta, UUID newId, Instant now) {
        Checks.tenantId("tenantId", tenantId);
        Checks.id("memberId", memberId);
        Checks.id("newId", newId);
        Instant at = Checks.instant("now", now);
        // no savepoint in a unit CRMKit began: one statement, and no caller recovers from its failure inside the unit
        int changed = db.writeWithoutSavepoint(TYPE, Map.of(), c -> db.update(c, "UPDATE crm_ticket_agent_slot"
                + " SET active_tickets = GREATEST(active_tickets + ?, 0), version = version + 1, updated_at = ?"
                + " WHERE tenant_id = ? AND member_id = ?", List.of(delta, at, tenantId, memberId)));
        if (changed == 0) {
            saveSlot(new AgentSlotRecord(tenantId, newId, 1, at, at, memberId, null, Math.max(0, delta)), 0);
        }
    }

    @Override
    public Map<UUID, Integer> activeTicketCounts(String tenantId, Collection<UUID> assigneeIds) {
        Checks.tenantId("tenantId", tenantId);
        List<UUID> distinct = distinctIds("assigneeIds", assigneeIds);
        Map<UUID, Integer> counts = new LinkedHashMap<>();
        if (distinct.isEmpty()) {
            return counts;
        }
        List<Object> parameters = new ArrayList<>();
        String tickets;
        if (db.dialect() == Dialect.H2) {
            // H2 looks an IN list up in the index only on its first column: with the tenant before it, it would read
            // every ticket of the tenant. The list as the outer side of a join is one index range per assignee.
            tickets = db.oneOf("crm_ticket", "t", "ix_crm_ticket_assignee_state", List.of("tenant_id"),
                    List.of(tenantId), "assignee_id", distinct, parameters);
        } else {
            parameters.add(tenantId);
            parameters.addAll(distinct);
            tickets = "crm_ticket t WHERE t.tenant_id = ? AND t.assignee_id IN "
                    + Database.placeholders(distinct.size());
        }
        parameters.addAll(ACTIVE);
        List<Map.Entry<UUID, Integer>> rows = db.read(TYPE, c -> db.list(c, "SELECT t.assignee_id, COUNT(*) AS n"
                + " FROM " + tickets + " AND t.state IN " + Database.placeholders(ACTIVE.size())
                + " GROUP BY t.assignee_id", parameters, r -> Map.entry(r.id("assignee_id"), r.integer("n"))));
        rows.forEach(e -> counts.put(e.getKey(), e.getValue()));
        return counts;
    }

    @Override
    public boolean enqueue(WaitingTicketRecord waiting) {
        Checks.required("waiting", waiting);
        if (waitingTicket(waiting.tenantId(), waiting.ticketId()).isPresent()) {
            return false;
        }
        try {
            db.write(TYPE, Map.of(), c -> db.update(c, "INSERT INTO crm_ticket_routing_queue (" + QUEUE_COLUMNS
                    + ") VALUES (?, ?, ?, ?, ?)", Arrays.asList(waiting.tenantId(), waiting.ticketId(), waiting.teamId(),
                    waiting.assigneeId(), waiting.waitingSince())));
            return true;
        } catch (DuplicateException e) {
            // queued by another unit since the look-up
            return false;
        }
    }

    @Override
    public boolean dequeue(String tenantId, UUID ticketId) {
        Checks.tenantId("tenantId", tenantId);
        Checks.id("ticketId", ticketId);
        return db.write(TYPE, Map.of(), c -> db.update(c,
                "DELETE FROM crm_ticket_routing_queue WHERE tenant_id = ? AND ticket_id = ?",
                List.of(tenantId, ticketId))) > 0;
    }

    @Override
    public Optional<WaitingTicketRecord> waitingTicket(String tenantId, UUID ticketId) {
        Checks.tenantId("tenantId", tenantId);
        Checks.id("ticketId", ticketId);
        return db.read(TYPE, c -> db.one(c, "SELECT " + QUEUE_COLUMNS + " FROM crm_ticket_routing_queue"
                + " WHERE tenant_id = ? AND ticket_id = ?", List.of(tenantId, ticketId),
                JdbcTicketRoutingStore::waiting));
    }

    @Override
    public Page<WaitingTicketRecord> waiting(String tenantId, PageRequest page) {
        Checks.tenantId("tenantId", tenantId);
        Checks.required("page", page);
        StringBuilder sql = new StringBuilder("SELECT " + QUEUE_COLUMNS + " FROM crm_ticket_routing_queue"
                + " WHERE tenant_id = ?");
        List<Object> parameters = new ArrayList<>(List.of(tenantId));
        if (page.after() != null) {
            sql.append(" AND ticket_id > ?");
            parameters.add(JdbcOpportunityStore.cursorId(page.after()));
        }
        sql.append(" ORDER BY ticket_id").append(Database.limit(page.limit()));
        List<WaitingTicketRecord> items = db.read(TYPE, c -> db.list(c, sql.toString(), parameters,
                JdbcTicketRoutingStore::waiting));
        Optional<Cursor> next = items.size() == page.limit()
                ? Optional.of(Cursor.of(List.of(items.get(items.size() - 1).ticketId().toString())))
                : Optional.empty();
        return new Page<>(items, next);
    }

    private static WaitingTicketRecord waiting(Row r) throws java.sql.SQLException {
        return new WaitingTicketRecord(r.text("tenant_id"), r.id("ticket_id"), r.id("team_id"), r.id("assignee_id"),
                r.instant("waiting_since"));
    }
}
