package dev.crmkit.core.forecast;

import java.time.Instant;
import java.util.List;

/**
 * How accurate the forecasts of a closed fiscal period were: each pipeline snapshot of the period, oldest first (the
 * series "how accurate were we N days before the period ended"), and each member's forecast submission as it stood at
 * the cutoff, compared with what closed won in the period.
 *
 * @param period the period
 * @param currency the currency every amount is in
 * @param cutoff the moment the submissions compared are the latest before
 * @param snapshots one per snapshot in the currency that holds the period, by occurrence
 * @param submissions one per member and scope with a submission in the currency by the cutoff, and per manager with
 *     rep submissions below them rolled up; by member id, then scope
 */
public record ForecastAccuracy(FiscalPeriod period, String currency, Instant cutoff, List<SnapshotAccuracy> snapshots,
        List<SubmissionAccuracy> submissions) {
    /** Copies the lists. */
    public ForecastAccuracy {
        snapshots = List.copyOf(snapshots);
        submissions = List.copyOf(submissions);
    }
}
