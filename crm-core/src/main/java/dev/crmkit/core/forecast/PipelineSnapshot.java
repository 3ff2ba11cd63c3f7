package dev.crmkit.core.forecast;

import dev.crmkit.spi.forecast.SnapshotCell;
import dev.crmkit.spi.forecast.SnapshotRate;
import dev.crmkit.spi.forecast.SnapshotRecord;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A pipeline snapshot as stored: the pipeline forecast's owner lines of some periods as they stood when a schedule fell
 * due. Team and total figures are not stored; they follow from the owner lines.
 *
 * @param id the snapshot
 * @param schedule the schedule that took it
 * @param occurrence when the schedule fell due
 * @param takenAt when it was taken
 * @param firstPeriod the first period's label; {@code periods} consecutive periods of its type follow
 * @param periods how many periods
 * @param currency the reporting currency of every amount
 * @param cells the figures per period, owner (null: unowned deals) and category; empty when only the header was read
 * @param rates the exchange rates that converted the deals' currencies; empty when only the header was read
 */
public record PipelineSnapshot(UUID id, String schedule, Instant occurrence, Instant takenAt, String firstPeriod,
        int periods, String currency, List<SnapshotCell> cells, List<SnapshotRate> rates) {
    /** Copies the lists. */
    public PipelineSnapshot {
        cells = List.copyOf(cells);
        rates = List.copyOf(rates);
    }

    /** A snapshot's header with its figures. */
    static PipelineSnapshot of(SnapshotRecord r, List<SnapshotCell> cells, List<SnapshotRate> rates) {
        return new PipelineSnapshot(r.id(), r.schedule(), r.occurrence(), r.takenAt(), r.firstPeriod(), r.periods(),
                r.currency(), cells, rates);
    }
}
