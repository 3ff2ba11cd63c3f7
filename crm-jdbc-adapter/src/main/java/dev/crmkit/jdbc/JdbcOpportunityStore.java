package dev.crmkit.jdbc;

import dev.crmkit.model.Checks;
import dev.crmkit.model.ConflictException;
import dev.crmkit.model.Cursor;
import dev.crmkit.model.NotFoundException;
import dev.crmkit.model.Page;
import dev.crmkit.model.PageRequest;
import dev.crmkit.model.ValidationException;
import dev.crmkit.model.opportunity.ContactRole;
import dev.crmkit.model.opportunity.CurrencyTotal;
import dev.crmkit.model.opportunity.ForecastBuckets;
import dev.crmkit.model.opportunity.ForecastCell;
import dev.crmkit.model.opportunity.ForecastCategory;
import dev.crmkit.model.opportunity.FunnelStage;
import dev.crmkit.model.opportunity.LeadSourceResult;
import dev.crmkit.model.opportunity.OpportunityContact;
import dev.crmkit.model.opportunity.OpportunityFilter;
import dev.crmkit.model.opportunity.PipelineCell;
import dev.crmkit.model.opportunity.RepResult;
import dev.crmkit.model.opportunity.ReportPeriod;
import dev.crmkit.model.opportunity.SalesCycle;
import dev.crmkit.model.opportunity.StageOutcome;
import dev.crmkit.model.opportunity.WinRate;
import dev.crmkit.spi.opportunity.LineItemRecord;
import dev.crmkit.spi.opportunity.OpportunityRecord;
import dev.crmkit.spi.opportunity.OpportunityStore;
import dev.crmkit.spi.opportunity.StageChangeRecord;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Opportunities in {@code crm_opportunity}, their line items, contact roles and competitors in child tables keyed
 * by {@code (tenant_id, opportunity_id, ...)}, the stage history in {@code crm_opportunity_stage_change}. The
 * reports are aggregate queries of {@link JdbcSalesReports}.
 */
final class JdbcOpportunityStore implements OpportunityStore {
    private static final String TYPE = "opportunity";
    private static final String COLUMNS = "o.tenant_id, o.id, o.version, o.created_at, o.updated_at, o.name,"
            + " o.customer_id, o.pipeline_id, o.stage_key, o.status, o.amount, o.currency, o.probability,"
            + " o.forecast_category, o.expected_close_date, o.owner_id, o.source_lead_id, o.lead_source,"
            + " o.stage_entered_at, o.closed_at, o.close_reason";
    private static final String INSERT = "INSERT INTO crm_opportunity (tenant_id, id, version, created_at, updated_at,"
            + " name, customer_id, pipeline_id, stage_key, status, amount, currency, probability, forecast_category,"
            + " expected_close_date, owner_id, source_lead_id, lead_source, stage_entered_at, closed_at, close_reason)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    private static final List<String> CHILD_TABLES = List.of("crm_opportunity_line_item", "crm_opportunity_contact",
            "crm_opportunity_competitor");

    private final Database db;
    private final JdbcSalesReports reports;

    JdbcOpportunityStore(Database db) {
        this.db = db;
        this.reports = new JdbcSalesReports(db);
    }

    @Override
    public OpportunityRecord insert(OpportunityRecord o) {
        Checks.required("opportunity", o);
        if (o.version() != 1) {
            throw new ValidationException("version", "must be 1 on insert");
        }
        db.write(TYPE, Map.of(), c -> {
            db.update(c, INSERT, Arrays.asList(o.tenantId(), o.id(), 1L, o.createdAt(), o.updatedAt(), o.name(),
                    o.customerId(), o.pipelineId(), o.stageKey(), o.status(), o.amount(), o.currency(),
                    o.probability(), o.forecastCategory(), o.expectedCloseDate(), o.ownerId(), o.sourceLeadId(),
                    o.leadSource(), o.stageEnteredAt(), o.closedAt(), o.closeReason()));
            insertChildren(c, o);
            return null;
        });
        return o;
    }

    @Override
    public void lock(String tenantId, UUID id) {
        Checks.tenantId("tenantId", tenantId);
        Checks.id("id", id);
        db.lockRow(TYPE, "crm_opportunity", tenantId, id);
    }

    @Override
    public OpportunityRecord update(OpportunityRecord o, long expectedVersion) {
        Checks.required("opportunity", o);
        return db.write(TYPE, Map.of(), c -> {
            int changed = db.update(c, "UPDATE crm_opportunity SET version = ?, updated_at = ?, name = ?,"
                    + " customer_id = ?, pipeline_id = ?, stage_key = ?, status = ?, amount = ?, currency = ?,"
                    + " probability = ?, forecast_category = ?, expected_close_date = ?, owner_id = ?,"
                    + " source_lead_id = ?, lead_source = ?, stage_entered_at = ?, closed_at = ?, close_reason = ?"
                    + " WHERE tenant_id = ? AND id = ? AND version = ?", Arrays.asList(expectedVersion + 1,
                    o.updatedAt(), o.name(), o.customerId(), o.pipelineId(), o.stageKey(), o.status(), o.amount(),
                    o.currency(), o.probability(), o.forecastCategory(), o.expectedCloseDate(), o.ownerId(),
                    o.sourceLeadId(), o.leadSource(), o.stageEnteredAt(), o.closedAt(), o.closeReason(),
                    o.tenantId(), o.id(), expectedVersion));
            if (changed == 0) {
                throw load(c, o.tenantId(), List.of(o.id())).isEmpty()
                        ? new NotFoundException(TYPE, o.id())
                        : ConflictException.staleVersion(TYPE, o.id(), expectedVersion);
            }
            for (String table : CHILD_TABLES) {
                db.update(c, "DELETE FROM " + table + " WHERE tenant_id = ? AND opportunity_id = ?",
                        List.of(o.tenantId(), o.id()));
            }
            insertChildren(c, o);
            return load(c, o.tenantId(), List.of(o.id())).get(0);
        });
    }

    private void insertChildren(Connection c, OpportunityRecord o) throws SQLException {
        List<List<?>> items = new ArrayList<>();
        for (int i = 0; i < o.lineItems().size(); i++) {
            LineItemRecord item = o.lineItems().get(i);
            items.add(List.of(o.tenantId(), o.id(), i, item.productRef(), item.quantity(), item.unitPrice(),
                    item.discountPercent()));
        }
        db.batch(c, "INSERT INTO crm_opportunity_line_item (tenant_id, opportunity_id, line_no, product_ref, quantity,"
                + " unit_price, discount_percent) VALUES (?, ?, ?, ?, ?, ?, ?)", items);
        db.batch(c, "INSERT INTO crm_opportunity_contact (tenant_id, opportunity_id, person_id, contact_role)"
                + " VALUES (?, ?, ?, ?)", o.contacts().stream()
                .map(k -> List.<Object>of(o.tenantId(), o.id(), k.personId(), k.role())).toList());
        db.batch(c, "INSERT INTO crm_opportunity_competitor (tenant_id, opportunity_id, competitor) VALUES (?, ?, ?)",
                o.competitors().stream().map(k -> List.<Object>of(o.tenantId(), o.id(), k)).toList());
    }

    @Override
    public int moveAll(String tenantId, UUID fromCustomerId, UUID toCustomerId, Instant now) {
        Checks.tenantId("tenantId", tenantId);
        Checks.id("fromCustomerId", fromCustomerId);
        Checks.id("toCustomerId", toCustomerId);
        Instant at = Checks.instant("now", now);
        return db.write(TYPE, Map.of(), c -> {
            List<Object> customerKey = List.of(tenantId, fromCustomerId);
            Set<UUID> ofCustomer = new HashSet<>(db.list(c, "SELECT id FROM crm_opportunity WHERE tenant_id = ?"
                    + " AND customer_id = ?", customerKey, r -> r.id("id")));
            Set<UUID> changed = new HashSet<>(ofCustomer);
            // the contact roles the merged person holds, and those the survivor holds on the same deals
            List<OpportunityContactRow> roles = db.list(c, "SELECT opportunity_id, contact_role FROM"
                    + " crm_opportunity_contact WHERE tenant_id = ? AND person_id = ?", customerKey,
                    r -> new OpportunityContactRow(r.id("opportunity_id"), r.text("contact_role")));
            Set<OpportunityContactRow> held = new HashSet<>(db.list(c, "SELECT opportunity_id, contact_role FROM"
                    + " crm_opportunity_contact WHERE tenant_id = ? AND person_id = ?", List.of(tenantId, toCustomerId),
                    r -> new OpportunityContactRow(r.id("opportunity_id"), r.text("contact_role"))));
            List<List<?>> drops = new ArrayList<>();
            List<List<?>> moves = new ArrayList<>();
            for (OpportunityContactRow role : roles) {
                if (held.contains(role)) {
                    drops.add(List.of(tenantId, role.opportunityId(), fromCustomerId, role.role()));
                } else {
                    moves.add(List.of(toCustomerId, tenantId, role.opportunityId(), fromCustomerId, role.role()));
                }
                changed.add(role.opportunityId());
            }
            db.batch(c, "DELETE FROM crm_opportunity_contact WHERE tenant_id = ? AND opportunity_id = ?"
                    + " AND person_id = ? AND contact_role = ?", drops);
            db.batch(c, "UPDATE crm_opportunity_contact SET person_id = ? WHERE tenant_id = ? AND opportunity_id = ?"
                    + " AND person_id = ? AND contact_role = ?", moves);
            db.update(c, "UPDATE crm_opportunity SET customer_id = ?, version = version + 1, updated_at = ?"
                    + " WHERE tenant_id = ? AND customer_id = ?", List.of(toCustomerId, at, tenantId, fromCustomerId));
            // deals of other customers whose contact roles moved: one version more each
            db.batch(c, "UPDATE crm_opportunity SET version = version + 1, updated_at = ? WHERE tenant_id = ?"
                    + " AND id = ?", changed.stream().filter(id -> !ofCustomer.contains(id))
                    .sorted(dev.crmkit.spi.Ids.ORDER).map(id -> List.<Object>of(at, tenantId, id)).toList());
            return changed.size();
        });
    }

    /** A contact role on a deal, without the person. */
    private record OpportunityContactRow(UUID opportunityId, String role) {
    }

    @Override
    public Optional<OpportunityRecord> get(String tenantId, UUID id) {
        Checks.tenantId("tenantId", tenantId);
        Checks.id("id", id);
        return db.read(TYPE, c -> load(c, tenantId, List.of(id)).stream().findFirst());
    }

    @Override
    public Page<OpportunityRecord> find(String tenantId, OpportunityFilter filter, PageRequest page) {
        Checks.tenantId("tenantId", tenantId);
        Checks.required("filter", filter);
        Checks.required("page", page);
        StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + " FROM crm_opportunity o WHERE o.tenant_id = ?");
        List<Object> parameters = new ArrayList<>(List.of(tenantId));
        condition(sql, parameters, "o.customer_id", filter.customerId());
        condition(sql, parameters, "o.owner_id", filter.ownerId());
        condition(sql, parameters, "o.pipeline_id", filter.pipelineId());
        condition(sql, parameters, "o.stage_key", filter.stageKey());
        if (!filter.statuses().isEmpty()) {
            sql.append(" AND o.status IN ").append(Database.placeholders(filter.statuses().size()));
            filter.statuses().stream().sorted().forEach(parameters::add);
        }
        if (page.after() != null) {
            sql.append(" AND o.id > ?");
            parameters.add(cursorId(page.after()));
        }
        sql.append(" ORDER BY o.id").append(Database.limit(page.limit()));
        List<OpportunityRecord> items = db.read(TYPE, c -> withChildren(c, tenantId,
                db.list(c, sql.toString(), parameters, JdbcOpportunityStore::bare)));
        Optional<Cursor> next = items.size() == page.limit()
                ? Optional.of(Cursor.of(List.of(items.get(items.size() - 1).id().toString())))
                : Optional.empty();
        return new Page<>(items, next);
    }

    private static void condition(StringBuilder sql, List<Object> parameters, String column, Object value) {
        if (value != null) {
            sql.append(" AND ").append(column).append(" = ?");
            parameters.add(value);
        }
    }

    static UUID cursorId(Cursor cursor) {
        try {
            return UUID.fromString(cursor.keys(1).get(0));
        } catch (IllegalArgumentException e) {
            throw new ValidationException("cursor", "is not a cursor this library issued");
        }
    }

    @Override
    public StageChangeRecord appendStageChange(StageChangeRecord change) {
        Checks.required("change", change);
        db.write("stageChange", Map.of(), c -> db.update(c, "INSERT INTO crm_opportunity_stage_change (tenant_id, id,"
                + " opportunity_id, from_stage, to_stage, changed_at, actor) VALUES (?, ?, ?, ?, ?, ?, ?)",
                Arrays.asList(change.tenantId(), change.id(), change.opportunityId(), change.fromStage(),
                        change.toStage(), change.changedAt(), change.actor())));
        return change;
    }

    @Override
    public List<StageChangeRecord> stageHistory(String tenantId, UUID opportunityId) {
        Checks.tenantId("tenantId", tenantId);
        Checks.id("opportunityId", opportunityId);
        return db.read("stageChange", c -> db.list(c, "SELECT tenant_id, id, opportunity_id, from_stage, to_stage,"
                + " changed_at, actor FROM crm_opportunity_stage_change WHERE tenant_id = ? AND opportunity_id = ?"
                + " ORDER BY changed_at, id", List.of(tenantId, opportunityId), r -> new StageChangeRecord(
                        r.text("tenant_id"), r.id("id"), r.id("opportunity_id"), r.text("from_stage"),
                        r.text("to_stage"), r.instant("changed_at"), r.text("actor"))));
    }

    // ---- reports ----------------------------------------------------------------------------------------

    @Override
    public WinRate winRate(String tenantId, ReportPeriod period) {
        return reports.winRate(Checks.tenantId("tenantId", tenantId), Checks.required("period", period));
    }

    @Override
    public List<CurrencyTotal> wonDealSizes(String tenantId, ReportPeriod period) {
        return reports.wonDealSizes(Checks.tenantId("tenantId", tenantId), Checks.required("period", period));
    }

    @Override
    public SalesCycle salesCycle(String tenantId, ReportPeriod period) {
        return reports.salesCycle(Checks.tenantId("tenantId", tenantId), Checks.required("period", period));
    }

    @Override
    public List<PipelineCell> openPipeline(String tenantId, UUID pipelineId) {
        return reports.openPipeline(Checks.tenantId("tenantId", tenantId), Checks.id("pipelineId", pipelineId));
    }

    @Override
    public List<RepResult> leaderboard(String tenantId, ReportPeriod period) {
        return reports.leaderboard(Checks.tenantId("tenantId", tenantId), Checks.required("period", period));
    }

    @Override
    public List<FunnelStage> funnel(String tenantId, UUID pipelineId) {
        return reports.funnel(Checks.tenantId("tenantId", tenantId), Checks.id("pipelineId", pipelineId));
    }

    @Override
    public List<LeadSourceResult> byLeadSource(String tenantId, ReportPeriod period) {
        return reports.byLeadSource(Checks.tenantId("tenantId", tenantId), Checks.required("period", period));
    }

    @Override
    public List<ForecastCell> forecastCells(String tenantId, ForecastBuckets buckets) {
        return reports.forecastCells(Checks.tenantId("tenantId", tenantId), Checks.required("buckets", buckets));
    }

    // ---- rows ---------------------------------------------------------------------------------------------

    private List<OpportunityRecord> load(Connection c, String tenantId, List<UUID> ids) throws SQLException {
        List<Object> parameters = new ArrayList<>();
        parameters.add(tenantId);
        parameters.addAll(ids);
        return withChildren(c, tenantId, db.list(c, "SELECT " + COLUMNS + " FROM crm_opportunity o"
                + " WHERE o.tenant_id = ? AND o.id IN " + Database.placeholders(ids.size()), parameters,
                JdbcOpportunityStore::bare));
    }

    /** Adds line items, contacts and competitors to deals read without them: one query per child table. */
    private List<OpportunityRecord> withChildren(Connection c, String tenantId, List<OpportunityRecord> bare)
            throws SQLException {
        if (bare.isEmpty()) {
            return bare;
        }
        List<Object> parameters = new ArrayList<>();
        parameters.add(tenantId);
        bare.forEach(o -> parameters.add(o.id()));
        String ids = Database.placeholders(bare.size());
        Map<UUID, List<LineItemRecord>> items = new HashMap<>();
        db.list(c, "SELECT opportunity_id, product_ref, quantity, unit_price, discount_percent"
                + " FROM crm_opportunity_line_item WHERE tenant_id = ? AND opportunity_id IN " + ids
                + " ORDER BY opportunity_id, line_no", parameters, r -> items.computeIfAbsent(r.id("opportunity_id"),
                        k -> new ArrayList<>()).add(new LineItemRecord(r.text("product_ref"), r.decimal("quantity"),
                        r.decimal("unit_price"), r.decimal("discount_percent"))));
        Map<UUID, Set<OpportunityContact>> contacts = new HashMap<>();
        db.list(c, "SELECT opportunity_id, person_id, contact_role FROM crm_opportunity_contact WHERE tenant_id = ?"
                + " AND opportunity_id IN " + ids, parameters, r -> contacts.computeIfAbsent(r.id("opportunity_id"),
                        k -> new HashSet<>()).add(new OpportunityContact(r.id("person_id"),
                        r.enumValue(ContactRole.class, "contact_role"))));
        Map<UUID, Set<String>> competitors = new HashMap<>();
        db.list(c, "SELECT opportunity_id, competitor FROM crm_opportunity_competitor WHERE tenant_id = ?"
                + " AND opportunity_id IN " + ids, parameters, r -> competitors.computeIfAbsent(r.id("opportunity_id"),
                        k -> new HashSet<>()).add(r.text("competitor")));
        List<OpportunityRecord> complete = new ArrayList<>(bare.size());
        for (OpportunityRecord o : bare) {
            complete.add(new OpportunityRecord(o.tenantId(), o.id(), o.version(), o.createdAt(), o.updatedAt(),
                    o.name(), o.customerId(), o.pipelineId(), o.stageKey(), o.status(), o.amount(), o.currency(),
                    o.probability(), o.forecastCategory(), o.expectedCloseDate(), o.ownerId(),
                    items.getOrDefault(o.id(), List.of()), contacts.getOrDefault(o.id(), Set.of()),
                    competitors.getOrDefault(o.id(), Set.of()), o.sourceLeadId(), o.leadSource(),
                    o.stageEnteredAt(), o.closedAt(), o.closeReason()));
        }
        return complete;
    }

    /** A deal without children; a deal with line items always has a currency, so the record accepts it. */
    private static OpportunityRecord bare(Row r) throws SQLException {
        return new OpportunityRecord(r.text("tenant_id"), r.id("id"), r.number("version"), r.instant("created_at"),
                r.instant("updated_at"), r.text("name"), r.id("customer_id"), r.id("pipeline_id"),
                r.text("stage_key"), r.enumValue(StageOutcome.class, "status"), r.decimal("amount"),
                r.text("currency"), r.integer("probability"), r.enumValue(ForecastCategory.class, "forecast_category"),
                r.date("expected_close_date"), r.id("owner_id"), List.of(), Set.of(), Set.of(), r.id("source_lead_id"),
                r.text("lead_source"), r.instant("stage_entered_at"), r.instant("closed_at"), r.text("close_reason"));
    }
}
