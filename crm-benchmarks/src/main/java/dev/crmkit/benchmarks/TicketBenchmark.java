package dev.crmkit.benchmarks;

import dev.crmkit.core.Crm;
import dev.crmkit.core.common.IdGenerator;
import dev.crmkit.core.team.MemberDetails;
import dev.crmkit.core.team.TeamService;
import dev.crmkit.core.ticket.OpenTicket;
import dev.crmkit.core.ticket.SlaPolicy;
import dev.crmkit.core.ticket.Ticket;
import dev.crmkit.core.ticket.TicketRouting;
import dev.crmkit.core.ticket.TicketService;
import dev.crmkit.jdbc.JdbcStorage;
import dev.crmkit.model.customer.LifecycleStage;
import dev.crmkit.model.customer.PartyKind;
import dev.crmkit.model.team.TeamRole;
import dev.crmkit.model.ticket.MilestoneKind;
import dev.crmkit.model.ticket.SlaTarget;
import dev.crmkit.model.ticket.TicketChannel;
import dev.crmkit.model.ticket.TicketKind;
import dev.crmkit.spi.customer.CustomerRecord;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;

/**
 * (g) Opening and routing tickets: CRMKit's {@code TicketService.open} of a ticket under an SLA policy (its
 * first-response and resolution milestones stored with their due times, their escalation due work scheduled, the
 * events in the outbox), then {@code TicketRouting.route} of it to the least loaded of a few service agents with
 * capacity (the ticket locked, the agents' slots with their active-ticket counts read, the chosen agent's slot saved
 * over its version with its count one up, the ticket assigned, the events in the outbox): two units per ticket, one
 * call each. Against raw JDBC writing the same rows in the same two transactions per ticket: first the opened ticket
 * with every row CRMKit's open wrote for it, then the assignment ({@code UPDATE crm_ticket ... WHERE version = ?}), the
 * agent's slot ({@code UPDATE ... WHERE version = ?} with its count, an insert the first time) and the two routing
 * events. After a warm-up of each, the contenders take turns of 250 tickets, each going first every other turn.
 *
 * <p>The raw contender's rows are CRMKit's own, as in {@link ImportBenchmark}: after CRMKit's warm-up, every row of
 * any {@code crm_} table that names its first ticket or one of that ticket's milestones is read as a template, and the
 * raw contender inserts copies of it for each of its tickets, with its own tenant, customer and agent and fresh
 * time-ordered ids (inside event payloads too). The raw contender reads nothing: it keeps the slots' versions in
 * memory and gives tickets to its agents in turn. The run fails unless both tenants end with the same number of rows
 * in every table, as many assigned tickets and the same ticket and slot versions and slot counts.
 */
final class TicketBenchmark {
    private static final String CRMKIT = "tickets-crmkit";
    private static final String RAW = "tickets-raw";
    private static final int CUSTOMERS = 1_000;
    /** The tickets of one contender's turn in the measured part. */
    private static final int TURN = 250;
    private static final int AGENTS = 10;
    private static final Pattern UUID_TEXT =
            Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    private static final Set<String> ROUTING_EVENTS = Set.of("ticket.assigned", "ticket.routed");

    private final DataSource dataSource;
    private final JdbcStorage storage;

    TicketBenchmark(DataSource dataSource, JdbcStorage storage) {
        this.dataSource = dataSource;
        this.storage = storage;
    }

    /**
     * The outcome: tickets opened and routed per second for each contender, the rows each wrote per ticket, and the
     * ratio of the calling thread's CPU time (raw's over CRMKit's), which on embedded H2 includes the database's work.
     */
    record Result(int tickets, double crmkitPerSecond, double rawPerSecond, int rowsPerTicket, double cpuRatio) {
        double ratio() {
            return crmkitPerSecond / rawPerSecond;
        }
    }

    /** A table CRMKit writes to: its columns (those the database does not fill itself) and their SQL types. */
    private record TableShape(String table, List<String> columns, int[] types) {
        String insert() {
            return "INSERT INTO " + table + " (" + String.join(", ", columns) + ") VALUES ("
                    + String.join(", ", Collections.nCopies(columns.size(), "?")) + ")";
        }
    }

    /** One row CRMKit wrote for its template ticket. */
    private record Row(TableShape table, Object[] values) {
    }

    /** A tenant's customers and agents, made before anything is timed. */
    record Tenant(String id, List<UUID> customers, List<UUID> agents) {
    }

    /** The template: the rows of the open and the routing events of CRMKit's first ticket. */
    private record Template(UUID ticketId, UUID customerId, UUID agentId, List<Row> open, List<Row> routed) {
        int rows() {
            return open.size() + routed.size() + 1;
        }
    }

    Result run(int tickets) throws SQLException {
        int warm = Math.min(tickets, 2_000);
        Crm crm = Crm.builder().storage(storage).build();
        Tenant crmkit = setUp(crm, CRMKIT);
        Tenant raw = setUp(crm, RAW);
        TicketService ticketService = crm.tenant(CRMKIT).service(TicketService.class);
        TicketRouting routing = crm.tenant(CRMKIT).service(TicketRouting.class);
        UUID first = crmkit(ticketService, routing, crmkit, 0, warm);
        Template template = template(first);
        Map<UUID, Long> slotVersions = new HashMap<>();
        raw(template, raw, slotVersions, 0, warm);
        analyze();
        // the contenders take turns of TURN tickets, each going first every other turn, as the accrual and import
        // benchmarks' do: a database's background work after one contender's writes falls on both
        long[] rawTime = new long[2];
        long[] crmkitTime = new long[2];
        for (int from = warm, turn = 0; from < warm + tickets; from += TURN, turn++) {
            int start = from;
            int size = Math.min(TURN, warm + tickets - start);
            Turns.Part rawTurn = () -> raw(template, raw, slotVersions, start, size);
            Turns.Part crmkitTurn = () -> crmkit(ticketService, routing, crmkit, start, size);
            Turns.take(turn, rawTime, rawTurn, crmkitTime, crmkitTurn);
        }
        verifySameRows();
        return new Result(tickets, tickets / (crmkitTime[0] / 1e9), tickets / (rawTime[0] / 1e9), template.rows(),
                (double) rawTime[1] / crmkitTime[1]);
    }

    /** The tenant's SLA policy, its service agents and its customers, through CRMKit for both contenders. */
    Tenant setUp(Crm crm, String tenantId) {
        TicketService tickets = crm.tenant(tenantId).service(TicketService.class);
        tickets.saveSlaPolicy(SlaPolicy.of(List.of(
                SlaTarget.of(MilestoneKind.FIRST_RESPONSE, Duration.ofHours(8)),
                SlaTarget.of(MilestoneKind.NEXT_RESPONSE, Duration.ofHours(4)),
                SlaTarget.of(MilestoneKind.RESOLUTION, Duration.ofDays(3)))), 0);
        TeamService team = crm.tenant(tenantId).service(TeamService.class);
        List<UUID> agents = new ArrayList<>();
        for (int i = 0; i < AGENTS; i++) {
            agents.add(team.add(MemberDetails.of("agent-" + i, "Agent " + i, TeamRole.SERVICE_AGENT)
                    .withCapacity(10_000)).id());
        }
        List<UUID> customers = new ArrayList<>();
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        for (int i = 0; i < CUSTOMERS; i++) {
            UUID id = UUID.randomUUID();
            storage.customers().insert(new CustomerRecord(tenantId, id, 1, now, now, PartyKind.PERSON,
                    "Customer " + i, null, null, null, null, null, LifecycleStage.CUSTOMER, null, Set.of(), Map.of(),
                    null));
            customers.add(id);
        }
        return new Tenant(tenantId, customers, agents);
    }

    /** Opens and routes the tickets numbered from {@code first}, one call each; the id of the first one. */
    static UUID crmkit(TicketService tickets, TicketRouting routing, Tenant tenant, int first, int count) {
        UUID firstId = null;
        for (int n = first; n < first + count; n++) {
            Ticket ticket = tickets.open(OpenTicket.of(tenant.customers().get(n % CUSTOMERS),
                    TicketKind.SERVICE_REQUEST, TicketChannel.EMAIL, "Order " + n + " has not arrived"));
            if (routing.route(ticket.id()).agentId() == null) {
                throw new IllegalStateException("CRMKit queued ticket " + n + " instead of routing it");
            }
            if (firstId == null) {
                firstId = ticket.id();
            }
        }
        return firstId;
    }

    /**
     * Every row of CRMKit's tenant that names the ticket or one of its milestones, in any column or inside a text
     * (the due work's key, an event's payload); the routing events apart, and the ticket's own row as it was opened
     * (unassigned, at version 1). The agents' slots are the raw contender's own to write.
     */
    private Template template(UUID ticketId) throws SQLException {
        List<String> names = new ArrayList<>();
        Set<String> owned = new java.util.HashSet<>();
        owned.add(ticketId.toString());
        UUID customerId;
        UUID agentId;
        try (Connection c = dataSource.getConnection()) {
            try (ResultSet r = c.getMetaData().getTables(c.getCatalog(), null, "%", new String[] {"TABLE"})) {
                while (r.next()) {
                    String name = r.getString("TABLE_NAME").toLowerCase(Locale.ROOT);
                    if (name.startsWith("crm_") && !name.equals("crm_ticket_agent_slot")) {
                        names.add(name);
                    }
                }
            }
            Collections.sort(names);
            names.remove("crm_ticket");
            names.add(0, "crm_ticket");
            try (PreparedStatement p = c.prepareStatement("SELECT id FROM crm_ticket_milestone WHERE tenant_id = ?"
                    + " AND ticket_id = ?")) {
                p.setString(1, CRMKIT);
                p.setObject(2, mariadb(c) ? ticketId.toString() : ticketId);
                try (ResultSet r = p.executeQuery()) {
                    while (r.next()) {
                        owned.add(r.getString(1));
                    }
                }
            }
            try (PreparedStatement p = c.prepareStatement("SELECT customer_id, assignee_id FROM crm_ticket"
                    + " WHERE tenant_id = ? AND id = ?")) {
                p.setString(1, CRMKIT);
                p.setObject(2, mariadb(c) ? ticketId.toString() : ticketId);
                try (ResultSet r = p.executeQuery()) {
                    r.next();
                    customerId = UUID.fromString(r.getString(1));
                    agentId = UUID.fromString(r.getString(2));
                }
            }
            List<Row> open = new ArrayList<>();
            List<Row> routed = new ArrayList<>();
            for (String name : names) {
                if (!hasColumn(c, name, "tenant_id")) {
                    continue;
                }
                String order = hasColumn(c, name, "sequence") ? " ORDER BY sequence" : "";
                try (PreparedStatement p = c.prepareStatement("SELECT * FROM " + name + " WHERE tenant_id = ?"
                        + order)) {
                    p.setString(1, CRMKIT);
                    try (ResultSet r = p.executeQuery()) {
                        TableShape shape = shape(name, r.getMetaData());
                        while (r.next()) {
                            Object[] values = new Object[shape.columns().size()];
                            boolean mentions = false;
                            for (int i = 0; i < values.length; i++) {
                                values[i] = r.getObject(shape.columns().get(i));
                                if (values[i] != null && namesAny(values[i].toString(), owned)) {
                                    mentions = true;
                                }
                            }
                            if (!mentions) {
                                continue;
                            }
                            if (name.equals("crm_ticket")) {
                                values[shape.columns().indexOf("assignee_id")] = null;
                                values[shape.columns().indexOf("version")] = 1L;
                            }
                            Object type = shape.columns().contains("type")
                                    ? values[shape.columns().indexOf("type")] : null;
                            (name.equals("crm_outbox") && ROUTING_EVENTS.contains(type) ? routed : open)
                                    .add(new Row(shape, values));
                        }
                    }
                }
            }
            if (routed.size() != ROUTING_EVENTS.size()) {
                throw new IllegalStateException("expected the routing events of the template ticket, found "
                        + routed.size());
            }
            return new Template(ticketId, customerId, agentId, open, routed);
        }
    }

    private static boolean namesAny(String text, Set<String> ids) {
        Matcher m = UUID_TEXT.matcher(text);
        while (m.find()) {
            if (ids.contains(m.group())) {
                return true;
            }
        }
        return false;
    }

    private static TableShape shape(String name, ResultSetMetaData meta) throws SQLException {
        List<String> columns = new ArrayList<>();
        List<Integer> types = new ArrayList<>();
        for (int i = 1; i <= meta.getColumnCount(); i++) {
            if (!meta.isAutoIncrement(i) && !meta.getColumnName(i).equalsIgnoreCase("sequence")) {
                columns.add(meta.getColumnName(i).toLowerCase(Locale.ROOT));
                types.add(meta.getColumnType(i));
            }
        }
        return new TableShape(name, columns, types.stream().mapToInt(Integer::intValue).toArray());
    }

    /**
     * Opens and routes the tickets numbered from {@code first} as raw JDBC: per ticket one transaction inserting the
     * template's open rows, then one assigning the ticket to the next agent in turn, moving that agent's slot on
     * over its version and inserting the two routing events.
     */
    private void raw(Template template, Tenant tenant, Map<UUID, Long> slotVersions, int first, int count)
            throws SQLException {
        IdGenerator ids = IdGenerator.timeOrdered(Clock.systemUTC());
        try (Connection c = dataSource.getConnection()) {
            boolean mariadb = mariadb(c);
            c.setAutoCommit(false);
            Map<String, PreparedStatement> inserts = new LinkedHashMap<>();
            try (PreparedStatement assign = c.prepareStatement("UPDATE crm_ticket SET version = ?, updated_at = ?,"
                    + " assignee_id = ? WHERE tenant_id = ? AND id = ? AND version = ?");
                    // nothing is resolved, so an agent's active tickets are its routings: the slot's version
                    PreparedStatement slotUpdate = c.prepareStatement("UPDATE crm_ticket_agent_slot SET version = ?,"
                            + " updated_at = ?, last_routed_at = ?, active_tickets = ?"
                            + " WHERE tenant_id = ? AND member_id = ? AND version = ?");
                    PreparedStatement slotInsert = c.prepareStatement("INSERT INTO crm_ticket_agent_slot (tenant_id,"
                            + " member_id, id, version, created_at, updated_at, last_routed_at, active_tickets)"
                            + " VALUES (?, ?, ?, 1, ?, ?, ?, 1)")) {
                for (Row row : template.open()) {
                    inserts.computeIfAbsent(row.table().table(), t -> prepare(c, row.table().insert()));
                }
                for (Row row : template.routed()) {
                    inserts.computeIfAbsent(row.table().table(), t -> prepare(c, row.table().insert()));
                }
                for (int n = first; n < first + count; n++) {
                    UUID agent = tenant.agents().get(n % AGENTS);
                    Map<String, String> newIds = new HashMap<>();
                    newIds.put(template.customerId().toString(), tenant.customers().get(n % CUSTOMERS).toString());
                    newIds.put(template.agentId().toString(), agent.toString());
                    UUID ticketId = UUID.fromString(newIds.computeIfAbsent(template.ticketId().toString(),
                            old -> ids.next().toString()));
                    for (Row row : template.open()) {
                        insert(inserts.get(row.table().table()), row, tenant.id(), newIds, ids);
                    }
                    c.commit();
                    Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
                    assign.setLong(1, 2);
                    instant(assign, 2, now, mariadb);
                    id(assign, 3, agent, mariadb);
                    assign.setString(4, tenant.id());
                    id(assign, 5, ticketId, mariadb);
                    assign.setLong(6, 1);
                    if (assign.executeUpdate() != 1) {
                        throw new IllegalStateException("the raw assignment found no ticket at its version");
                    }
                    Long version = slotVersions.get(agent);
                    if (version == null) {
                        slotInsert.setString(1, tenant.id());
                        id(slotInsert, 2, agent, mariadb);
                        id(slotInsert, 3, ids.next(), mariadb);
                        instant(slotInsert, 4, now, mariadb);
                        instant(slotInsert, 5, now, mariadb);
                        instant(slotInsert, 6, now, mariadb);
                        slotInsert.executeUpdate();
                        slotVersions.put(agent, 1L);
                    } else {
                        slotUpdate.setLong(1, version + 1);
                        instant(slotUpdate, 2, now, mariadb);
                        instant(slotUpdate, 3, now, mariadb);
                        slotUpdate.setLong(4, version + 1);
                        slotUpdate.setString(5, tenant.id());
                        id(slotUpdate, 6, agent, mariadb);
                        slotUpdate.setLong(7, version);
                        if (slotUpdate.executeUpdate() != 1) {
                            throw new IllegalStateException("the raw slot update found no slot at its version");
                        }
                        slotVersions.put(agent, version + 1);
                    }
                    for (Row row : template.routed()) {
                        insert(inserts.get(row.table().table()), row, tenant.id(), newIds, ids);
                    }
                    c.commit();
                }
            } finally {
                for (PreparedStatement p : inserts.values()) {
                    p.close();
                }
            }
        }
    }

    private static PreparedStatement prepare(Connection c, String sql) {
        try {
            return c.prepareStatement(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void insert(PreparedStatement insert, Row row, String tenantId, Map<String, String> newIds,
            IdGenerator ids) throws SQLException {
        for (int i = 0; i < row.values().length; i++) {
            Object value = copy(row.table().columns().get(i), row.values()[i], tenantId, newIds, ids);
            if (value == null) {
                insert.setNull(i + 1, row.table().types()[i]);
            } else {
                insert.setObject(i + 1, value);
            }
        }
        insert.executeUpdate();
    }

    /** One value of a copied row: the raw tenant for CRMKit's, the ticket's new ids for the template's, the rest as it was. */
    private static Object copy(String column, Object value, String tenantId, Map<String, String> newIds,
            IdGenerator ids) {
        if (column.equals("tenant_id")) {
            return tenantId;
        }
        if (value instanceof UUID id) {
            return UUID.fromString(newIds.computeIfAbsent(id.toString(), old -> ids.next().toString()));
        }
        if (value instanceof String text) {
            Matcher m = UUID_TEXT.matcher(text);
            StringBuilder out = new StringBuilder();
            while (m.find()) {
                m.appendReplacement(out, newIds.computeIfAbsent(m.group(), old -> ids.next().toString()));
            }
            m.appendTail(out);
            return out.toString().replace("\"" + CRMKIT + "\"", "\"" + tenantId + "\"");
        }
        return value;
    }

    private static boolean mariadb(Connection c) throws SQLException {
        return c.getMetaData().getDatabaseProductName().equals("MariaDB");
    }

    private static void id(PreparedStatement p, int index, UUID id, boolean mariadb) throws SQLException {
        if (mariadb) {
            p.setString(index, id.toString());
        } else {
            p.setObject(index, id);
        }
    }

    private static void instant(PreparedStatement p, int index, Instant at, boolean mariadb) throws SQLException {
        if (mariadb) {
            p.setObject(index, LocalDateTime.ofInstant(at, ZoneOffset.UTC));
        } else {
            p.setObject(index, at.atOffset(ZoneOffset.UTC));
        }
    }

    private static boolean hasColumn(Connection c, String table, String column) throws SQLException {
        for (String name : new String[] {table, table.toUpperCase(Locale.ROOT)}) {
            try (ResultSet r = c.getMetaData().getColumns(c.getCatalog(), null, name, null)) {
                while (r.next()) {
                    if (r.getString("COLUMN_NAME").equalsIgnoreCase(column)) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    /** Planner statistics for PostgreSQL, as {@link ImportBenchmark} gives them and for the same reason. */
    private void analyze() throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            if (c.getMetaData().getDatabaseProductName().equals("PostgreSQL")) {
                s.execute("ANALYZE");
            }
        }
    }

    /**
     * Fails the run unless both tenants hold as many rows in every table, as many assigned tickets, the same sum of
     * ticket versions and of slot versions.
     */
    private void verifySameRows() throws SQLException {
        List<String> checks = new ArrayList<>();
        try (Connection c = dataSource.getConnection()) {
            try (ResultSet r = c.getMetaData().getTables(c.getCatalog(), null, "%", new String[] {"TABLE"})) {
                while (r.next()) {
                    String name = r.getString("TABLE_NAME").toLowerCase(Locale.ROOT);
                    if (name.startsWith("crm_") && hasColumn(c, name, "tenant_id")) {
                        checks.add("SELECT COUNT(*) FROM " + name + " WHERE tenant_id = ?");
                    }
                }
            }
        }
        checks.add("SELECT COUNT(*) FROM crm_ticket WHERE tenant_id = ? AND assignee_id IS NOT NULL");
        checks.add("SELECT SUM(version) FROM crm_ticket WHERE tenant_id = ?");
        checks.add("SELECT SUM(version) FROM crm_ticket_agent_slot WHERE tenant_id = ?");
        checks.add("SELECT SUM(active_tickets) FROM crm_ticket_agent_slot WHERE tenant_id = ?");
        checks.add("SELECT COUNT(*) FROM crm_outbox WHERE tenant_id = ? AND type = 'ticket.routed'");
        for (String sql : checks) {
            long crmkit = single(sql, CRMKIT);
            long raw = single(sql, RAW);
            if (crmkit != raw) {
                throw new IllegalStateException(sql + ": CRMKit " + crmkit + ", raw " + raw);
            }
        }
    }

    private long single(String sql, String tenantId) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement p = c.prepareStatement(sql)) {
            p.setString(1, tenantId);
            try (ResultSet r = p.executeQuery()) {
                r.next();
                return r.getLong(1);
            }
        }
    }
}
