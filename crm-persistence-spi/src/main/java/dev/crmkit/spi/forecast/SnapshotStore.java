package dev.crmkit.spi.forecast;

import dev.crmkit.model.Page;
import dev.crmkit.model.PageRequest;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Pipeline snapshots, written once and never changed. A schedule has at most one snapshot per occurrence: that is
 * what keeps two nodes whose schedulers both ran the same occurrence from storing it twice. Scoped by tenant in every
 * call.
 */
public interface SnapshotStore {
    /**
     * Stores a snapshot with its cells (each naming this snapshot) and the rates it used, all or nothing. Joins the
     * current unit.
     *
     * @throws dev.crmkit.model.ValidationException ({@code snapshot}) when null; ({@code cells}, {@code rates}) when
     *     null or holding nulls; ({@code cells}) when a cell names another snapshot
     * @throws dev.crmkit.model.DuplicateException with {@code key() = "occurrence"} when the tenant's schedule has a
     *     snapshot of that occurrence already (also one a racing unit inserted but has not committed yet: the database
     *     makes this unit wait and then refuses), {@code key() = "id"} for a taken id; nothing is stored
     */
    void insert(SnapshotRecord snapshot, List<SnapshotCell> cells, List<SnapshotRate> rates);

    /** The snapshot with this id, or empty. */
    Optional<SnapshotRecord> get(String tenantId, UUID id);

    /** The snapshot a schedule took for an occurrence, or empty. */
    Optional<SnapshotRecord> find(String tenantId, String schedule, Instant occurrence);

    /**
     * One page of the tenant's snapshots, oldest first (by occurrence, then id in {@link dev.crmkit.spi.Ids#ORDER}).
     *
     * @throws dev.crmkit.model.ValidationException ({@code cursor}) for a cursor of another query
     */
    Page<SnapshotRecord> snapshots(String tenantId, PageRequest page);

    /**
     * The cells of a snapshot, by period label, then owner in {@link dev.crmkit.spi.Ids#ORDER} (unowned first), then
     * category in declaration order.
     */
    List<SnapshotCell> cells(String tenantId, UUID snapshotId);

    /** The rates a snapshot used, by period, then currency. */
    List<SnapshotRate> rates(String tenantId, UUID snapshotId);

    /**
     * The cells of one period in every snapshot of the tenant, for measuring accuracy: ordered by snapshot id in
     * {@link dev.crmkit.spi.Ids#ORDER}, then as {@link #cells}.
     */
    List<SnapshotCell> cellsOfPeriod(String tenantId, String period);
}
