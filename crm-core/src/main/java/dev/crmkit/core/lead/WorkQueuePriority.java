package dev.crmkit.core.lead;

import java.time.Duration;
import java.time.Instant;

/**
 * The order of a rep's work queue, as one named rule: a lead's priority is its score (0 to 100), plus half an
 * hour's worth of a point per hour of age (waiting leads rise, +24 at most, after two days), plus the urgency of
 * its first contact while none happened: +50 when overdue, +30 when due within the hour, +15 within four hours.
 * Ties go to the older lead. A hot new lead thus comes first, an overdue one beats an on-time one of nearly any
 * score, and a lead that waits is not forgotten.
 */
public final class WorkQueuePriority {
    private WorkQueuePriority() {
    }

    /** The queue entry of an open lead at {@code now}. */
    public static QueueEntry of(Lead lead, Instant now) {
        Duration age = Duration.between(lead.createdAt(), now);
        Duration left = lead.firstContactedAt() != null || lead.firstContactDueAt() == null ? null
                : Duration.between(now, lead.firstContactDueAt());
        int priority = lead.score().points() + (int) Math.min(24, Math.max(0, age.toHours()) / 2);
        if (left != null) {
            if (left.isNegative()) {
                priority += 50;
            } else if (left.compareTo(Duration.ofHours(1)) <= 0) {
                priority += 30;
            } else if (left.compareTo(Duration.ofHours(4)) <= 0) {
                priority += 15;
            }
        }
        return new QueueEntry(lead, priority, age, left);
    }
}
