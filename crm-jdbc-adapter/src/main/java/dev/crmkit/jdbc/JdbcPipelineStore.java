package dev.crmkit.jdbc;

import dev.crmkit.model.Checks;
import dev.crmkit.model.ConflictException;
import dev.crmkit.model.Cursor;
import dev.crmkit.model.NotFoundException;
import dev.crmkit.model.Page;
import dev.crmkit.model.PageRequest;
import dev.crmkit.model.ValidationException;
import dev.crmkit.model.opportunity.ForecastCategory;
import dev.crmkit.model.opportunity.PipelineStage;
import dev.crmkit.model.opportunity.ReopenRule;
import dev.crmkit.model.opportunity.StageOutcome;
import dev.crmkit.spi.opportunity.PipelineRecord;
import dev.crmkit.spi.opportunity.PipelineStore;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Pipelines in {@code crm_pipeline}, unique by name per tenant; their stages as numbered rows of
 * {@code crm_pipeline_stage}.
 */
final class JdbcPipelineStore implements PipelineStore {
    private static final String TYPE = "pipeline";
    private static final Map<String, String> UNIQUE = Map.of("uq_crm_pipeline_name", "name");
    private static final String COLUMNS = "tenant_id, id, version, created_at, updated_at, name, reopen_rule,"
            + " reopen_days";
    private static final String INSERT_STAGE = "INSERT INTO crm_pipeline_stage (tenant_id, pipeline_id, stage_no,"
            + " stage_key, name, probability, forecast_category, outcome, norm_days)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)";

    private final Database db;

    JdbcPipelineStore(Database db) {
        this.db = db;
    }

    @Override
    public PipelineRecord insert(PipelineRecord pipeline) {
        Checks.required("pipeline", pipeline);
        if (pipeline.version() != 1) {
            throw new ValidationException("version", "must be 1 on insert");
        }
        db.write(TYPE, UNIQUE, c -> {
            db.update(c, "INSERT INTO crm_pipeline (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                    Arrays.asList(pipeline.tenantId(), pipeline.id(), 1L, pipeline.createdAt(), pipeline.updatedAt(),
                            pipeline.name(), pipeline.reopenRule().kind(), pipeline.reopenRule().days()));
            db.batch(c, INSERT_STAGE, stages(pipeline));
            return null;
        });
        return pipeline;
    }

    @Override
    public PipelineRecord update(PipelineRecord pipeline, long expectedVersion) {
        Checks.required("pipeline", pipeline);
        return db.write(TYPE, UNIQUE, c -> {
            int changed = db.update(c, "UPDATE crm_pipeline SET version = ?, updated_at = ?, name = ?,"
                    + " reopen_rule = ?, reopen_days = ? WHERE tenant_id = ? AND id = ? AND version = ?", Arrays.asList(
                    expectedVersion + 1, pipeline.updatedAt(), pipeline.name(), pipeline.reopenRule().kind(),
                    pipeline.reopenRule().days(), pipeline.tenantId(), pipeline.id(), expectedVersion));
            if (changed == 0) {
                throw load(c, "id = ?", List.of(pipeline.tenantId(), pipeline.id())).isEmpty()
                        ? new NotFoundException(TYPE, pipeline.id())
                        : ConflictException.staleVersion(TYPE, pipeline.id(), expectedVersion);
            }
            db.update(c, "DELETE FROM crm_pipeline_stage WHERE tenant_id = ? AND pipeline_id = ?",
                    List.of(pipeline.tenantId(), pipeline.id()));
            db.batch(c, INSERT_STAGE, stages(pipeline));
            return load(c, "id = ?", List.of(pipeline.tenantId(), pipeline.id())).orElseThrow();
        });
    }

    @Override
    public Optional<PipelineRecord> get(String tenantId, UUID id) {
        Checks.tenantId("tenantId", tenantId);
        Checks.id("id", id);
        return db.read(TYPE, c -> load(c, "id = ?", List.of(tenantId, id)));
    }

    @Override
    public Optional<PipelineRecord> findByName(String tenantId, String name) {
        Checks.tenantId("tenantId", tenantId);
        Checks.text("name", name, 100);
        return db.read(TYPE, c -> load(c, "name = ?", List.of(tenantId, name)));
    }

    @Override
    public Page<PipelineRecord> list(String tenantId, PageRequest page) {
        Checks.tenantId("tenantId", tenantId);
        Checks.required("page", page);
        StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + " FROM crm_pipeline WHERE tenant_id = ?");
        List<Object> parameters = new ArrayList<>(List.of(tenantId));
        if (page.after() != null) {
            sql.append(" AND id > ?");
            parameters.add(JdbcOpportunityStore.cursorId(page.after()));
        }
        sql.append(" ORDER BY id").append(Database.limit(page.limit()));
        List<PipelineRecord> items = db.read(TYPE, c -> withStages(c, tenantId,
                db.list(c, sql.toString(), parameters, JdbcPipelineStore::bare)));
        Optional<Cursor> next = items.size() == page.limit()
                ? Optional.of(Cursor.of(List.of(items.get(items.size() - 1).id().toString())))
                : Optional.empty();
        return new Page<>(items, next);
    }

    private Optional<PipelineRecord> load(Connection c, String condition, List<?> parameters) throws SQLException {
        List<Bare> found = db.list(c, "SELECT " + COLUMNS + " FROM crm_pipeline WHERE tenant_id = ? AND " + condition,
                parameters, JdbcPipelineStore::bare);
        return withStages(c, (String) parameters.get(0), found).stream().findFirst();
    }

    /** A pipeline row read without its stages, which a record cannot be without. */
    private record Bare(String tenantId, UUID id, long version, java.time.Instant createdAt,
            java.time.Instant updatedAt, String name, ReopenRule reopenRule) {
    }

    private List<PipelineRecord> withStages(Connection c, String tenantId, List<Bare> bare) throws SQLException {
        if (bare.isEmpty()) {
            return List.of();
        }
        List<Object> parameters = new ArrayList<>();
        parameters.add(tenantId);
        bare.forEach(p -> parameters.add(p.id()));
        Map<UUID, List<PipelineStage>> stages = new HashMap<>();
        db.list(c, "SELECT pipeline_id, stage_key, name, probability, forecast_category, outcome, norm_days"
                + " FROM crm_pipeline_stage WHERE tenant_id = ? AND pipeline_id IN "
                + Database.placeholders(bare.size())
                + " ORDER BY pipeline_id, stage_no", parameters, r -> {
                    UUID pipelineId = r.id("pipeline_id");
                    String key = r.text("stage_key");
                    String name = r.text("name");
                    int probability = r.integer("probability");
                    ForecastCategory category = r.enumValue(ForecastCategory.class, "forecast_category");
                    StageOutcome outcome = r.enumValue(StageOutcome.class, "outcome");
                    int norm = r.integer("norm_days");
                    Integer normDays = norm == 0 ? null : norm;
                    stages.computeIfAbsent(pipelineId, k -> new ArrayList<>())
                            .add(new PipelineStage(key, name, probability, category, outcome, normDays));
                    return null;
                });
        List<PipelineRecord> complete = new ArrayList<>();
        for (Bare p : bare) {
            complete.add(new PipelineRecord(p.tenantId(), p.id(), p.version(), p.createdAt(), p.updatedAt(), p.name(),
                    stages.getOrDefault(p.id(), List.of()), p.reopenRule()));
        }
        return complete;
    }

    private static List<List<?>> stages(PipelineRecord p) {
        List<List<?>> rows = new ArrayList<>();
        for (int i = 0; i < p.stages().size(); i++) {
            PipelineStage s = p.stages().get(i);
            rows.add(Arrays.asList(p.tenantId(), p.id(), i, s.key(), s.name(), s.probability(), s.forecastCategory(),
                    s.outcome(), s.normDays()));
        }
        return rows;
    }

    private static Bare bare(Row r) throws SQLException {
        return new Bare(r.text("tenant_id"), r.id("id"), r.number("version"), r.instant("created_at"),
                r.instant("updated_at"), r.text("name"), new ReopenRule(r.enumValue(ReopenRule.Kind.class,
                "reopen_rule"), r.integer("reopen_days")));
    }
}
