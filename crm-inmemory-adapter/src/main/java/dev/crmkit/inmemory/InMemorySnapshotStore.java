package dev.crmkit.inmemory;

import dev.crmkit.model.Checks;
import dev.crmkit.model.DuplicateException;
import dev.crmkit.model.Page;
import dev.crmkit.model.PageRequest;
import dev.crmkit.model.ValidationException;
import dev.crmkit.spi.Ids;
import dev.crmkit.spi.forecast.SnapshotCell;
import dev.crmkit.spi.forecast.SnapshotRate;
import dev.crmkit.spi.forecast.SnapshotRecord;
import dev.crmkit.spi.forecast.SnapshotStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Pipeline snapshots with their cells and rates, written once; one per schedule and occurrence. */
final class InMemorySnapshotStore implements SnapshotStore {
    private static final String TYPE = "forecast snapshot";
    static final Comparator<SnapshotCell> CELL_ORDER = Comparator.comparing(SnapshotCell::period)
            .thenComparing(SnapshotCell::ownerId, Comparator.nullsFirst(Ids.ORDER))
            .thenComparing(SnapshotCell::category);
    private static final Comparator<SnapshotRecord> OLDEST_FIRST = Comparator.comparing(SnapshotRecord::occurrence)
            .thenComparing(SnapshotRecord::id, Ids.ORDER);

    private final UnitOfWork unit;
    private final Map<String, Map<UUID, Stored>> tenants = new HashMap<>();

    private record Stored(SnapshotRecord snapshot, List<SnapshotCell> cells, List<SnapshotRate> rates) {
    }

    InMemorySnapshotStore(UnitOfWork unit) {
        this.unit = unit;
    }

    private Map<UUID, Stored> rows(String tenantId) {
        return tenants.computeIfAbsent(tenantId, t -> new HashMap<>());
    }

    @Override
    public void insert(SnapshotRecord snapshot, List<SnapshotCell> cells, List<SnapshotRate> rates) {
        if (snapshot == null) {
            throw new ValidationException("snapshot", "is required");
        }
        Checks.noNulls("cells", cells);
        Checks.noNulls("rates", rates);
        if (cells.stream().anyMatch(c -> !c.snapshotId().equals(snapshot.id()))) {
            throw new ValidationException("cells", "must all name the snapshot");
        }
        unit.inTransaction(() -> {
            Map<UUID, Stored> rows = rows(snapshot.tenantId());
            if (rows.containsKey(snapshot.id())) {
                throw new DuplicateException(TYPE, "id");
            }
            if (occurrence(snapshot.tenantId(), snapshot.schedule(), snapshot.occurrence()).isPresent()) {
                throw new DuplicateException(TYPE, "occurrence");
            }
            List<SnapshotCell> sorted = new ArrayList<>(cells);
            sorted.sort(CELL_ORDER);
            List<SnapshotRate> sortedRates = new ArrayList<>(rates);
            sortedRates.sort(Comparator.comparing(SnapshotRate::period).thenComparing(SnapshotRate::fromCurrency));
            rows.put(snapshot.id(), new Stored(snapshot, List.copyOf(sorted), List.copyOf(sortedRates)));
            unit.onRollback(() -> rows.remove(snapshot.id()));
            return null;
        });
    }

    @Override
    public Optional<SnapshotRecord> get(String tenantId, UUID id) {
        Checks.tenantId("tenantId", tenantId);
        Checks.id("id", id);
        return unit.inTransaction(() -> Optional.ofNullable(rows(tenantId).get(id)).map(Stored::snapshot));
    }

    @Override
    public Optional<SnapshotRecord> find(String tenantId, String schedule, Instant occurrence) {
        Checks.tenantId("tenantId", tenantId);
        Checks.required("schedule", schedule);
        Checks.required("occurrence", occurrence);
        return unit.inTransaction(() -> occurrence(tenantId, schedule, occurrence));
    }

    private Optional<SnapshotRecord> occurrence(String tenantId, String schedule, Instant occurrence) {
        return rows(tenantId).values().stream().map(Stored::snapshot)
                .filter(s -> s.schedule().equals(schedule) && s.occurrence().equals(occurrence)).findFirst();
    }

    @Override
    public Page<SnapshotRecord> snapshots(String tenantId, PageRequest page) {
        Checks.tenantId("tenantId", tenantId);
        Checks.required("page", page);
        return unit.inTransaction(() -> Paging.page(rows(tenantId).values().stream().map(Stored::snapshot),
                OLDEST_FIRST, page, 2, s -> List.of(s.occurrence().toString(), s.id().toString()),
                keys -> {
                    Instant at = instant(keys.get(0));
                    UUID id = Paging.id(keys.get(1));
                    return s -> s.occurrence().isAfter(at)
                            || s.occurrence().equals(at) && Ids.ORDER.compare(s.id(), id) > 0;
                }));
    }

    @Override
    public List<SnapshotCell> cells(String tenantId, UUID snapshotId) {
        Checks.tenantId("tenantId", tenantId);
        Checks.id("snapshotId", snapshotId);
        return unit.inTransaction(() -> Optional.ofNullable(rows(tenantId).get(snapshotId)).map(Stored::cells)
                .orElse(List.of()));
    }

    @Override
    public List<SnapshotRate> rates(String tenantId, UUID snapshotId) {
        Checks.tenantId("tenantId", tenantId);
        Checks.id("snapshotId", snapshotId);
        return unit.inTransaction(() -> Optional.ofNullable(rows(tenantId).get(snapshotId)).map(Stored::rates)
                .orElse(List.of()));
    }

    @Override
    public List<SnapshotCell> cellsOfPeriod(String tenantId, String period) {
        Checks.tenantId("tenantId", tenantId);
        Checks.required("period", period);
        return unit.inTransaction(() -> rows(tenantId).values().stream().flatMap(s -> s.cells().stream())
                .filter(c -> c.period().equals(period))
                .sorted(Comparator.comparing(SnapshotCell::snapshotId, Ids.ORDER).thenComparing(CELL_ORDER))
                .toList());
    }

    static Instant instant(String part) {
        try {
            return Instant.parse(part);
        } catch (java.time.format.DateTimeParseException e) {
            throw new ValidationException("cursor", "is not a cursor this library issued");
        }
    }
}
