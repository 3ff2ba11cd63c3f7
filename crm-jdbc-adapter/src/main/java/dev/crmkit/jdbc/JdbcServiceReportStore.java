package dev.crmkit.jdbc;

import dev.crmkit.model.Checks;
import dev.crmkit.model.ValidationException;
import dev.crmkit.model.ticket.BacklogCell;
import dev.crmkit.model.ticket.MilestoneKind;
import dev.crmkit.model.ticket.MilestoneTimes;
import dev.crmkit.model.ticket.TicketPriority;
import dev.crmkit.model.ticket.TicketState;
import dev.crmkit.spi.ticket.ServiceReportStore;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The service reports in SQL. Milestone times: {@code PERCENTILE_CONT} over {@code crm_ticket_milestone.elapsed_micros}
 * of the milestones completed in the period ({@code ix_crm_ticket_milestone_completed}), an ordered-set aggregate on
 * PostgreSQL and H2 and a window function on MariaDB, which has no aggregate form (and is given seconds there: its
 * result holds less than 10^8). Backlog: one grouped count over the
 * active tickets ({@code ix_crm_ticket_state}), the age band a {@code CASE} over the bands' creation instants.
 */
final class JdbcServiceReportStore implements ServiceReportStore {
    private static final String TYPE = "service report";
    private static final String COMPLETED = " FROM crm_ticket_milestone WHERE tenant_id = ? AND completed_at >= ?"
            + " AND completed_at < ?";
    /** A milestone's business time in seconds, exact: a decimal of scale 6 divided keeps 10 decimals on MariaDB. */
    private static final String SECONDS = "CAST(elapsed_micros AS DECIMAL(20, 6)) / 1000000";
    /** The active states, written into the query as constants of the code, never caller text. */
    private static final String ACTIVE = Arrays.stream(TicketState.values()).filter(TicketState::isActive)
            .map(s -> "'" + s.name() + "'").collect(Collectors.joining(", ", "(", ")"));

    private final Database db;

    JdbcServiceReportStore(Database db) {
        this.db = db;
    }

    @Override
    public List<MilestoneTimes> milestoneTimes(String tenantId, Instant from, Instant to) {
        Checks.tenantId("tenantId", tenantId);
        Instant start = Checks.instant("from", from);
        Instant end = Checks.instant("to", to);
        if (!end.isAfter(start)) {
            throw new ValidationException("to", "must be after from");
        }
        boolean mariaDb = db.dialect() == Dialect.MARIADB;
        // MariaDB's PERCENTILE_CONT is a window function without named windows, and its result holds less than 10^8:
        // it is given seconds (exact to the microsecond), the others microseconds
        String sql = mariaDb
                ? "SELECT DISTINCT kind, COUNT(*) OVER (PARTITION BY kind) AS completed,"
                        + " SUM(CASE WHEN breached THEN 0 ELSE 1 END) OVER (PARTITION BY kind) AS met,"
                        + " PERCENTILE_CONT(0.5) WITHIN GROUP (ORDER BY " + SECONDS + ") OVER (PARTITION BY kind) AS p50,"
                        + " PERCENTILE_CONT(0.9) WITHIN GROUP (ORDER BY " + SECONDS + ") OVER (PARTITION BY kind) AS p90"
                        + COMPLETED
                : "SELECT kind, COUNT(*) AS completed, SUM(CASE WHEN breached THEN 0 ELSE 1 END) AS met,"
                        + " PERCENTILE_CONT(0.5) WITHIN GROUP (ORDER BY elapsed_micros) AS p50,"
                        + " PERCENTILE_CONT(0.9) WITHIN GROUP (ORDER BY elapsed_micros) AS p90"
                        + COMPLETED + " GROUP BY kind";
        int toMicros = mariaDb ? 6 : 0;
        List<MilestoneTimes> rows = new ArrayList<>(db.read(TYPE, c -> db.list(c, sql, List.of(tenantId, start, end),
                r -> new MilestoneTimes(MilestoneKind.valueOf(r.text("kind")), r.number("completed"),
                        r.number("met"), MilestoneTimes.seconds(r.decimal("p50").movePointRight(toMicros)),
                        MilestoneTimes.seconds(r.decimal("p90").movePointRight(toMicros))))));
        rows.sort(Comparator.comparing(MilestoneTimes::kind));
        return rows;
    }

    @Override
    public List<BacklogCell> backlog(String tenantId, Instant asOf, List<Duration> ageBounds) {
        Checks.tenantId("tenantId", tenantId);
        Instant now = Checks.instant("asOf", asOf);
        List<Duration> bounds = ServiceReportStore.ageBounds(ageBounds);
        List<Object> parameters = new ArrayList<>();
        StringBuilder band = new StringBuilder("CASE");
        for (int i = 0; i < bounds.size(); i++) {
            // younger than the bound: created after asOf less the bound
            band.append(" WHEN created_at > ? THEN ").append(i);
            parameters.add(Checks.instant("ageBounds", now.minus(bounds.get(i))));
        }
        band.append(" ELSE ").append(bounds.size()).append(" END");
        parameters.add(tenantId);
        parameters.add(now);
        String sql = "SELECT x.priority AS priority, x.band AS band, COUNT(*) AS tickets FROM (SELECT priority, " + band
                + " AS band FROM crm_ticket WHERE tenant_id = ? AND state IN " + ACTIVE + " AND created_at <= ?) x"
                + " GROUP BY x.priority, x.band";
        List<BacklogCell> cells = new ArrayList<>(db.read(TYPE, c -> db.list(c, sql, parameters,
                r -> new BacklogCell(TicketPriority.valueOf(r.text("priority")), r.integer("band"),
                        r.number("tickets")))));
        cells.sort(Comparator.comparing(BacklogCell::priority).thenComparingInt(BacklogCell::ageBand));
        return cells;
    }
}
