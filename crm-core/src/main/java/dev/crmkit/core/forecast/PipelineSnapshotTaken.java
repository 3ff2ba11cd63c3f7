package dev.crmkit.core.forecast;

import dev.crmkit.core.common.EventType;
import java.time.Instant;
import java.util.UUID;

/**
 * A schedule's pipeline snapshot was taken for one occurrence: {@code periods} fiscal periods from
 * {@code firstPeriod} in {@code currency}, stored as {@code cells} figures.
 */
@EventType("forecast.snapshot.taken")
public record PipelineSnapshotTaken(String tenantId, UUID snapshotId, String schedule, Instant occurrence,
        String firstPeriod, int periods, String currency, int cells, Instant occurredAt) implements ForecastEvent {
    @Override
    public String aggregateType() {
        return SNAPSHOT;
    }

    @Override
    public String aggregateId() {
        return snapshotId.toString();
    }
}
