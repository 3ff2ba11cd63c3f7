package dev.crmkit.jdbc;

import dev.crmkit.model.Checks;
import dev.crmkit.model.ConflictException;
import dev.crmkit.model.Cursor;
import dev.crmkit.model.DuplicateException;
import dev.crmkit.model.Page;
import dev.crmkit.model.PageRequest;
import dev.crmkit.model.ValidationException;
import dev.crmkit.model.forecast.ForecastFigures;
import dev.crmkit.model.forecast.QuotaScope;
import dev.crmkit.model.forecast.SubmissionKind;
import dev.crmkit.spi.Ids;
import dev.crmkit.spi.forecast.SubmissionRecord;
import dev.crmkit.spi.forecast.SubmissionStore;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Forecast submissions in {@code crm_forecast_submission}, insert-only. The next version is checked against the
 * highest stored and guarded by {@code uq_crm_forecast_submission_version}, which the database checks against
 * committed and uncommitted rows alike: of two submissions racing for one version exactly one is inserted, the other
 * meets the duplicate key and is a conflict.
 */
final class JdbcSubmissionStore implements SubmissionStore {
    private static final String TYPE = "forecast submission";
    private static final Map<String, String> UNIQUE = Map.of("pk_crm_forecast_submission", "id",
            "uq_crm_forecast_submission_version", "version", "uq_crm_forecast_submission_key", "idempotencyKey");
    private static final String COLUMNS = "tenant_id, id, member_id, scope, period, version, kind, submitted_by,"
            + " currency, commit_amount, best_case_amount, pipeline_amount, idempotency_key, submitted_at";
    private static final String SELECT = "SELECT " + COLUMNS + " FROM crm_forecast_submission";
    private static final String FORECAST = " WHERE tenant_id = ? AND member_id = ? AND scope = ? AND period = ?";

    private final Database db;

    JdbcSubmissionStore(Database db) {
        this.db = db;
    }

    @Override
    public SubmissionRecord append(SubmissionRecord s) {
        if (s == null) {
            throw new ValidationException("submission", "is required");
        }
        String key = s.memberId() + "/" + s.scope() + "/" + s.period();
        long latest = latest(s.tenantId(), s.memberId(), s.scope(), s.period()).map(SubmissionRecord::version)
                .orElse(0L);
        if (s.version() != latest + 1) {
            throw ConflictException.staleVersion(TYPE, key, s.version() - 1);
        }
        ForecastFigures f = s.figures();
        try {
            return db.write(TYPE, UNIQUE, c -> {
                db.update(c, "INSERT INTO crm_forecast_submission (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?,"
                        + " ?, ?, ?, ?, ?, ?)", Arrays.asList(s.tenantId(), s.id(), s.memberId(), s.scope(),
                        s.period(), s.version(), s.kind(), s.submittedBy(), f.currency(), f.commit(), f.bestCase(),
                        f.pipeline(), s.idempotencyKey(), s.submittedAt()));
                return s;
            });
        } catch (DuplicateException e) {
            if (e.key().equals("version")) {
                throw ConflictException.staleVersion(TYPE, key, s.version() - 1);
            }
            throw e;
        }
    }

    @Override
    public Optional<SubmissionRecord> get(String tenantId, UUID id) {
        Checks.tenantId("tenantId", tenantId);
        Checks.id("id", id);
        return db.read(TYPE, c -> db.one(c, SELECT + " WHERE tenant_id = ? AND id = ?", List.of(tenantId, id),
                JdbcSubmissionStore::row));
    }

    @Override
    public Optional<SubmissionRecord> findByIdempotencyKey(String tenantId, String idempotencyKey) {
        Checks.tenantId("tenantId", tenantId);
        Checks.text("idempotencyKey", idempotencyKey, 100);
        return db.read(TYPE, c -> db.one(c, SELECT + " WHERE tenant_id = ? AND idempotency_key = ?",
                List.of(tenantId, idempotencyKey), JdbcSubmissionStore::row));
    }

    @Override
    public Optional<SubmissionRecord> latest(String tenantId, UUID memberId, QuotaScope scope, String period) {
        checkForecast(tenantId, memberId, scope, period);
        return db.read(TYPE, c -> db.one(c, SELECT + FORECAST + " ORDER BY version DESC" + Database.limit(1),
                List.of(tenantId, memberId, scope, period), JdbcSubmissionStore::row));
    }

    @Override
    public Page<SubmissionRecord> history(String tenantId, UUID memberId, QuotaScope scope, String period,
            PageRequest page) {
        checkForecast(tenantId, memberId, scope, period);
        Checks.required("page", page);
        StringBuilder sql = new StringBuilder(SELECT + FORECAST);
        List<Object> parameters = new ArrayList<>(List.of(tenantId, memberId, scope, period));
        if (page.after() != null) {
            sql.append(" AND version < ?");
            parameters.add(version(page.after().keys(1).get(0)));
        }
        sql.append(" ORDER BY version DESC").append(Database.limit(page.limit()));
        List<SubmissionRecord> items = db.read(TYPE, c -> db.list(c, sql.toString(), parameters,
                JdbcSubmissionStore::row));
        Optional<Cursor> next = items.size() == page.limit()
                ? Optional.of(Cursor.of(List.of(Long.toString(items.get(items.size() - 1).version()))))
                : Optional.empty();
        return new Page<>(items, next);
    }

    @Override
    public List<SubmissionRecord> asOf(String tenantId, String period, Instant cutoff) {
        Checks.tenantId("tenantId", tenantId);
        Checks.required("period", period);
        Checks.required("cutoff", cutoff);
        List<SubmissionRecord> current = new ArrayList<>(db.read(TYPE, c -> db.list(c, SELECT + " s"
                + " WHERE tenant_id = ? AND period = ? AND submitted_at <= ? AND version = (SELECT MAX(m.version)"
                + " FROM crm_forecast_submission m WHERE m.tenant_id = s.tenant_id AND m.member_id = s.member_id"
                + " AND m.scope = s.scope AND m.period = s.period AND m.submitted_at <= ?)",
                List.of(tenantId, period, cutoff, cutoff), JdbcSubmissionStore::row)));
        // ordered here: MariaDB keeps ids as text, and Ids.ORDER is the contract's order on every backend
        current.sort(Comparator.comparing(SubmissionRecord::memberId, Ids.ORDER)
                .thenComparing(SubmissionRecord::scope));
        return current;
    }

    private static void checkForecast(String tenantId, UUID memberId, QuotaScope scope, String period) {
        Checks.tenantId("tenantId", tenantId);
        Checks.id("memberId", memberId);
        Checks.required("scope", scope);
        Checks.required("period", period);
    }

    private static long version(String part) {
        try {
            return Long.parseLong(part);
        } catch (NumberFormatException e) {
            throw new ValidationException("cursor", "is not a cursor this library issued");
        }
    }

    private static SubmissionRecord row(Row r) throws SQLException {
        return new SubmissionRecord(r.text("tenant_id"), r.id("id"), r.id("member_id"),
                r.enumValue(QuotaScope.class, "scope"), r.text("period"), r.number("version"),
                r.enumValue(SubmissionKind.class, "kind"), r.id("submitted_by"),
                new ForecastFigures(r.text("currency"), r.decimal("commit_amount"), r.decimal("best_case_amount"),
                        r.decimal("pipeline_amount")),
                r.text("idempotency_key"), r.instant("submitted_at"));
    }
}
