package dev.crmkit.spi.forecast;

import dev.crmkit.spi.StorageCapability;

/** The storage capability of the forecast domain: sales quotas, forecast submissions, pipeline snapshots. */
public interface ForecastStorage extends StorageCapability {
    /** Sales quotas per member, scope and fiscal period. */
    QuotaStore quotas();

    /** Forecast submissions and adjustments, append-only and versioned per member, scope and period. */
    SubmissionStore submissions();

    /** Pipeline snapshots taken on schedule, at most one per schedule and occurrence. */
    SnapshotStore snapshots();
}
