package dev.crmkit.jdbc;

import dev.crmkit.model.Checks;
import dev.crmkit.model.Cursor;
import dev.crmkit.model.Page;
import dev.crmkit.model.PageRequest;
import dev.crmkit.model.ValidationException;
import dev.crmkit.model.opportunity.ForecastCategory;
import dev.crmkit.spi.Ids;
import dev.crmkit.spi.forecast.SnapshotCell;
import dev.crmkit.spi.forecast.SnapshotRate;
import dev.crmkit.spi.forecast.SnapshotRecord;
import dev.crmkit.spi.forecast.SnapshotStore;
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
 * Pipeline snapshots in {@code crm_forecast_snapshot}, their cells in {@code crm_forecast_snapshot_cell} and their
 * rates in {@code crm_forecast_snapshot_rate}, inserted together. {@code uq_crm_forecast_snapshot_occurrence} keeps a
 * schedule's occurrence to one snapshot whichever node inserts it: a second insert, also one racing an uncommitted
 * first, is refused by the database as a duplicate.
 */
final class JdbcSnapshotStore implements SnapshotStore {
    private static final String TYPE = "forecast snapshot";
    private static final Map<String, String> UNIQUE = Map.of("pk_crm_forecast_snapshot", "id",
            "uq_crm_forecast_snapshot_occurrence", "occurrence");
    private static final String COLUMNS = "tenant_id, id, schedule, occurrence, taken_at, first_period, periods,"
            + " currency";
    private static final String SELECT = "SELECT " + COLUMNS + " FROM crm_forecast_snapshot";
    private static final String CELL_COLUMNS = "snapshot_id, period, owner_id, category, deals, amount,"
            + " weighted_amount";
    private static final Comparator<SnapshotCell> CELL_ORDER = Comparator.comparing(SnapshotCell::period)
            .thenComparing(SnapshotCell::ownerId, Comparator.nullsFirst(Ids.ORDER))
            .thenComparing(SnapshotCell::category);

    private final Database db;

    JdbcSnapshotStore(Database db) {
        this.db = db;
    }

    @Override
    public void insert(SnapshotRecord s, List<SnapshotCell> cells, List<SnapshotRate> rates) {
        if (s == null) {
            throw new ValidationException("snapshot", "is required");
        }
        Checks.noNulls("cells", cells);
        Checks.noNulls("rates", rates);
        if (cells.stream().anyMatch(c -> !c.snapshotId().equals(s.id()))) {
            throw new ValidationException("cells", "must all name the snapshot");
        }
        List<List<?>> cellRows = new ArrayList<>();
        for (SnapshotCell c : cells) {
            cellRows.add(Arrays.asList(s.tenantId(), s.id(), cellRows.size(), c.period(), c.ownerId(), c.category(),
                    c.deals(), c.amount(), c.weightedAmount()));
        }
        List<List<?>> rateRows = new ArrayList<>();
        for (SnapshotRate r : rates) {
            rateRows.add(Arrays.asList(s.tenantId(), s.id(), rateRows.size(), r.period(), r.fromCurrency(), r.rate(),
                    r.appliesFrom()));
        }
        db.write(TYPE, UNIQUE, c -> {
            db.update(c, "INSERT INTO crm_forecast_snapshot (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                    Arrays.asList(s.tenantId(), s.id(), s.schedule(), s.occurrence(), s.takenAt(), s.firstPeriod(),
                            s.periods(), s.currency()));
            db.batch(c, "INSERT INTO crm_forecast_snapshot_cell (tenant_id, snapshot_id, line, period, owner_id,"
                    + " category, deals, amount, weighted_amount) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", cellRows);
            db.batch(c, "INSERT INTO crm_forecast_snapshot_rate (tenant_id, snapshot_id, line, period, from_currency,"
                    + " rate, applies_from) VALUES (?, ?, ?, ?, ?, ?, ?)", rateRows);
            return null;
        });
    }

    @Override
    public Optional<SnapshotRecord> get(String tenantId, UUID id) {
        Checks.tenantId("tenantId", tenantId);
        Checks.id("id", id);
        return db.read(TYPE, c -> db.one(c, SELECT + " WHERE tenant_id = ? AND id = ?", List.of(tenantId, id),
                JdbcSnapshotStore::row));
    }

    @Override
    public Optional<SnapshotRecord> find(String tenantId, String schedule, Instant occurrence) {
        Checks.tenantId("tenantId", tenantId);
        Checks.required("schedule", schedule);
        Checks.required("occurrence", occurrence);
        return db.read(TYPE, c -> db.one(c, SELECT + " WHERE tenant_id = ? AND schedule = ? AND occurrence = ?",
                List.of(tenantId, schedule, occurrence), JdbcSnapshotStore::row));
    }

    @Override
    public Page<SnapshotRecord> snapshots(String tenantId, PageRequest page) {
        Checks.tenantId("tenantId", tenantId);
        Checks.required("page", page);
        StringBuilder sql = new StringBuilder(SELECT + " WHERE tenant_id = ?");
        List<Object> parameters = new ArrayList<>(List.of(tenantId));
        if (page.after() != null) {
            List<String> keys = page.after().keys(2);
            Instant at = JdbcInteractionStore.parseInstant(keys.get(0));
            sql.append(" AND (occurrence > ? OR (occurrence = ? AND id > ?))");
            parameters.addAll(List.of(at, at, JdbcInteractionStore.parseId(keys.get(1))));
        }
        sql.append(" ORDER BY occurrence, id").append(Database.limit(page.limit()));
        List<SnapshotRecord> items = db.read(TYPE, c -> db.list(c, sql.toString(), parameters,
                JdbcSnapshotStore::row));
        Optional<Cursor> next = items.size() == page.limit()
                ? Optional.of(Cursor.of(List.of(items.get(items.size() - 1).occurrence().toString(),
                        items.get(items.size() - 1).id().toString())))
                : Optional.empty();
        return new Page<>(items, next);
    }

    @Override
    public List<SnapshotCell> cells(String tenantId, UUID snapshotId) {
        Checks.tenantId("tenantId", tenantId);
        Checks.id("snapshotId", snapshotId);
        List<SnapshotCell> cells = new ArrayList<>(db.read(TYPE, c -> db.list(c, "SELECT " + CELL_COLUMNS
                + " FROM crm_forecast_snapshot_cell WHERE tenant_id = ? AND snapshot_id = ?",
                List.of(tenantId, snapshotId), JdbcSnapshotStore::cell)));
        cells.sort(CELL_ORDER);
        return cells;
    }

    @Override
    public List<SnapshotRate> rates(String tenantId, UUID snapshotId) {
        Checks.tenantId("tenantId", tenantId);
        Checks.id("snapshotId", snapshotId);
        List<SnapshotRate> rates = new ArrayList<>(db.read(TYPE, c -> db.list(c, "SELECT period, from_currency, rate,"
                + " applies_from FROM crm_forecast_snapshot_rate WHERE tenant_id = ? AND snapshot_id = ?",
                List.of(tenantId, snapshotId), r -> new SnapshotRate(r.text("period"), r.text("from_currency"),
                        r.decimal("rate"), r.date("applies_from")))));
        rates.sort(Comparator.comparing(SnapshotRate::period).thenComparing(SnapshotRate::fromCurrency));
        return rates;
    }

    @Override
    public List<SnapshotCell> cellsOfPeriod(String tenantId, String period) {
        Checks.tenantId("tenantId", tenantId);
        Checks.required("period", period);
        List<SnapshotCell> cells = new ArrayList<>(db.read(TYPE, c -> db.list(c, "SELECT " + CELL_COLUMNS
                + " FROM crm_forecast_snapshot_cell WHERE tenant_id = ? AND period = ?", List.of(tenantId, period),
                JdbcSnapshotStore::cell)));
        cells.sort(Comparator.comparing(SnapshotCell::snapshotId, Ids.ORDER).thenComparing(CELL_ORDER));
        return cells;
    }

    private static SnapshotRecord row(Row r) throws SQLException {
        return new SnapshotRecord(r.text("tenant_id"), r.id("id"), r.text("schedule"), r.instant("occurrence"),
                r.instant("taken_at"), r.text("first_period"), r.integer("periods"), r.text("currency"));
    }

    private static SnapshotCell cell(Row r) throws SQLException {
        return new SnapshotCell(r.id("snapshot_id"), r.text("period"), r.id("owner_id"),
                r.enumValue(ForecastCategory.class, "category"), r.number("deals"), r.decimal("amount"),
                r.decimal("weighted_amount"));
    }
}
