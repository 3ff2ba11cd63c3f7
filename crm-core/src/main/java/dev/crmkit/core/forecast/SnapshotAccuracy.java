package dev.crmkit.core.forecast;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * How accurate one pipeline snapshot was for a closed period: its figures per rep, team and in total next to what
 * closed won.
 *
 * @param snapshotId the snapshot
 * @param schedule the schedule that took it
 * @param occurrence when the schedule fell due
 * @param daysBeforeEnd whole days from the occurrence to the end of the period (negative when taken after it ended)
 * @param lines per level, member (by id) and measure
 */
public record SnapshotAccuracy(UUID snapshotId, String schedule, Instant occurrence, long daysBeforeEnd,
        List<AccuracyLine> lines) {
    /** Copies the lines. */
    public SnapshotAccuracy {
        lines = List.copyOf(lines);
    }

    /** The total line of a measure. */
    public AccuracyLine total(ForecastMeasure measure) {
        return line(AccuracyLevel.TOTAL, null, measure).orElseThrow();
    }

    /** The line of a level, member and measure, if the snapshot or the period's deals have one. */
    public Optional<AccuracyLine> line(AccuracyLevel level, UUID memberId, ForecastMeasure measure) {
        return lines.stream().filter(l -> l.level() == level && java.util.Objects.equals(l.memberId(), memberId)
                && l.measure() == measure).findFirst();
    }
}
