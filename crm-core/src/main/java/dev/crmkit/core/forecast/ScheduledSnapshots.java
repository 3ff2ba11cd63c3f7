package dev.crmkit.core.forecast;

import java.time.Instant;

/**
 * A tenant's snapshot schedule as the due-work scheduler holds it.
 *
 * @param schedule when and what
 * @param nextAt when the next snapshot falls due
 */
public record ScheduledSnapshots(SnapshotSchedule schedule, Instant nextAt) {
}
