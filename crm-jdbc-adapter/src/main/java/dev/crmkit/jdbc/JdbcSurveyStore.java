package dev.crmkit.jdbc;

import dev.crmkit.model.Checks;
import dev.crmkit.model.ValidationException;
import dev.crmkit.model.ticket.SatisfactionGrouping;
import dev.crmkit.model.ticket.SatisfactionSummary;
import dev.crmkit.spi.ticket.SurveyResponseRecord;
import dev.crmkit.spi.ticket.SurveyStore;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Survey responses in {@code crm_survey_response}: one per ticket, kept by the unique key
 * {@code uq_crm_survey_response_ticket (tenant_id, ticket_id)}, at which a second unit inserting a response for the same
 * ticket waits for the first one's commit and then fails. The report is one grouped query over
 * {@code ix_crm_survey_response_answered}.
 */
final class JdbcSurveyStore implements SurveyStore {
    private static final String TYPE = "survey response";
    private static final String COLUMNS = "tenant_id, id, ticket_id, customer_id, agent_id, team_id, score, comment,"
            + " answered_at";

    private final Database db;

    JdbcSurveyStore(Database db) {
        this.db = db;
    }

    @Override
    public void insert(SurveyResponseRecord r) {
        Checks.required("response", r);
        db.write(TYPE, Map.of("uq_crm_survey_response_ticket", "ticketId"), c -> db.update(c,
                "INSERT INTO crm_survey_response (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                Arrays.asList(r.tenantId(), r.id(), r.ticketId(), r.customerId(), r.agentId(), r.teamId(), r.score(),
                        r.comment(), r.answeredAt())));
    }

    @Override
    public Optional<SurveyResponseRecord> forTicket(String tenantId, UUID ticketId) {
        Checks.tenantId("tenantId", tenantId);
        Checks.id("ticketId", ticketId);
        return db.read(TYPE, c -> db.one(c, "SELECT " + COLUMNS + " FROM crm_survey_response WHERE tenant_id = ?"
                + " AND ticket_id = ?", List.of(tenantId, ticketId), JdbcSurveyStore::response));
    }

    @Override
    public List<SatisfactionSummary> summary(String tenantId, Instant from, Instant to, SatisfactionGrouping by) {
        Checks.tenantId("tenantId", tenantId);
        Instant start = Checks.instant("from", from);
        Instant end = Checks.instant("to", to);
        Checks.required("by", by);
        if (!end.isAfter(start)) {
            throw new ValidationException("to", "must be after from");
        }
        // the column is one of two fixed names, never caller text
        String group = switch (by) {
            case TENANT -> null;
            case AGENT -> "agent_id";
            case TEAM -> "team_id";
        };
        String sums = "COUNT(*) AS responses, SUM(score) AS score_sum,"
                + " SUM(CASE WHEN score >= " + SurveyResponseRecord.SATISFIED + " THEN 1 ELSE 0 END) AS satisfied"
                + " FROM crm_survey_response WHERE tenant_id = ? AND answered_at >= ? AND answered_at < ?";
        String sql = group == null ? "SELECT " + sums + " GROUP BY tenant_id"
                : "SELECT " + group + " AS group_id, " + sums + " GROUP BY " + group
                        + " ORDER BY CASE WHEN " + group + " IS NULL THEN 0 ELSE 1 END, " + group;
        return db.read(TYPE, c -> db.list(c, sql, List.of(tenantId, start, end),
                r -> new SatisfactionSummary(group == null ? null : r.id("group_id"), r.number("responses"),
                        r.number("score_sum"), r.number("satisfied"))));
    }

    private static SurveyResponseRecord response(Row r) throws SQLException {
        return new SurveyResponseRecord(r.text("tenant_id"), r.id("id"), r.id("ticket_id"), r.id("customer_id"),
                r.id("agent_id"), r.id("team_id"), r.integer("score"), r.text("comment"), r.instant("answered_at"));
    }
}
