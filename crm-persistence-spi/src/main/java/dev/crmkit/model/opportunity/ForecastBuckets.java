package dev.crmkit.model.opportunity;

import dev.crmkit.model.Checks;
import dev.crmkit.model.ValidationException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * The consecutive periods a pipeline forecast groups deals by: each bucket starts where the one before ended (its
 * {@code from} is the previous {@code to}, its {@code firstDay} the previous {@code endDay}), so a deal falls in at
 * most one, and a SQL storage finds it with one ladder of comparisons. {@link #indexOf} and {@link #categoryOf} are
 * the reference meaning every storage computes.
 *
 * @param buckets 1 to {@value #MAX_BUCKETS} consecutive buckets, oldest first
 */
public record ForecastBuckets(List<ForecastBucket> buckets) {
    /** The most periods one forecast asks for (ten years of months). */
    public static final int MAX_BUCKETS = 120;

    /**
     * Copies the list.
     *
     * @throws ValidationException ({@code buckets}) when null, empty, holding null or more than
     *     {@value #MAX_BUCKETS}, or when a bucket does not start where the one before ended
     */
    public ForecastBuckets {
        buckets = List.copyOf(Checks.noNulls("buckets", buckets));
        if (buckets.isEmpty() || buckets.size() > MAX_BUCKETS) {
            throw new ValidationException("buckets", "must hold 1 to " + MAX_BUCKETS + " periods");
        }
        for (int i = 1; i < buckets.size(); i++) {
            ForecastBucket before = buckets.get(i - 1);
            ForecastBucket bucket = buckets.get(i);
            if (!bucket.from().equals(before.to()) || !bucket.firstDay().equals(before.endDay())) {
                throw new ValidationException("buckets", "must follow each other without gap or overlap");
            }
        }
    }

    /** The buckets of the given list. */
    public static ForecastBuckets of(List<ForecastBucket> buckets) {
        return new ForecastBuckets(buckets);
    }

    /** The first instant of the first bucket. */
    public Instant from() {
        return buckets.get(0).from();
    }

    /** The first instant after the last bucket. */
    public Instant to() {
        return buckets.get(buckets.size() - 1).to();
    }

    /** The first day of the first bucket. */
    public LocalDate firstDay() {
        return buckets.get(0).firstDay();
    }

    /** The day after the last bucket's last day. */
    public LocalDate endDay() {
        return buckets.get(buckets.size() - 1).endDay();
    }

    /**
     * Where a deal counts in the forecast, or null when it counts nowhere: a won deal as {@link ForecastCategory#CLOSED}
     * whatever category it holds; an open deal in its own category unless that is {@link ForecastCategory#OMITTED};
     * a lost deal nowhere.
     */
    public static ForecastCategory categoryOf(StageOutcome status, ForecastCategory category) {
        return switch (status) {
            case WON -> ForecastCategory.CLOSED;
            case OPEN -> category == ForecastCategory.OMITTED ? null : category;
            case LOST -> null;
        };
    }

    /**
     * The bucket (0 for the first) a deal falls in, or -1 when it counts nowhere: a won deal by its close instant, an
     * open deal by its expected close date (none: nowhere), a deal {@link #categoryOf} leaves out nowhere.
     *
     * @param status the deal's status
     * @param category the deal's forecast category
     * @param closedAt when it closed (null while open)
     * @param expectedCloseDate the day it is expected to close, or null
     */
    public int indexOf(StageOutcome status, ForecastCategory category, Instant closedAt, LocalDate expectedCloseDate) {
        if (categoryOf(status, category) == null) {
            return -1;
        }
        for (int i = 0; i < buckets.size(); i++) {
            ForecastBucket b = buckets.get(i);
            boolean in = status == StageOutcome.WON
                    ? closedAt != null && !closedAt.isBefore(b.from()) && closedAt.isBefore(b.to())
                    : expectedCloseDate != null && !expectedCloseDate.isBefore(b.firstDay())
                            && expectedCloseDate.isBefore(b.endDay());
            if (in) {
                return i;
            }
        }
        return -1;
    }
}
