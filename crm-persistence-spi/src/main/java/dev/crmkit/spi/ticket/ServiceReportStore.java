package dev.crmkit.spi.ticket;

import dev.crmkit.model.ValidationException;
import dev.crmkit.model.ticket.BacklogCell;
import dev.crmkit.model.ticket.MilestoneTimes;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** Reports over a tenant's tickets and milestones, computed by the storage. Scoped by tenant. */
public interface ServiceReportStore {
    /**
     * Per milestone kind, the milestones completed in {@code [from, to)} ({@link MilestoneRecord#completedAt}): how
     * many, how many were not breached, and the median and 90th percentile of the business time they took (their
     * {@link MilestoneRecord#elapsed} at completion), each a continuous percentile (linear interpolation between the
     * two nearest values, as SQL's {@code PERCENTILE_CONT}) rounded half up to whole seconds
     * ({@link MilestoneTimes#seconds}). Kinds without a completed milestone have no row; rows come in
     * {@link dev.crmkit.model.ticket.MilestoneKind} order.
     *
     * @throws ValidationException ({@code to}) when {@code to} is not after {@code from}
     */
    List<MilestoneTimes> milestoneTimes(String tenantId, Instant from, Instant to);

    /**
     * The tickets active at {@code asOf} (neither resolved nor closed, created at or before it) counted per priority
     * and age band: band 0 holds tickets younger than {@code ageBounds[0]} (age = {@code asOf} less
     * {@code createdAt}), band {@code i} those at least {@code ageBounds[i-1]} and younger than {@code ageBounds[i]},
     * the last band ({@code ageBounds.size()}) those at least the last bound old. Only cells with tickets are returned,
     * in priority order ({@link dev.crmkit.model.ticket.TicketPriority}) and then band.
     *
     * @throws ValidationException ({@code ageBounds}) unless they are 1 to 10 positive durations in increasing order
     */
    List<BacklogCell> backlog(String tenantId, Instant asOf, List<Duration> ageBounds);

    /**
     * Checks age bounds as {@link #backlog} requires them.
     *
     * @throws ValidationException ({@code ageBounds}) unless they are 1 to 10 positive durations in increasing order
     */
    static List<Duration> ageBounds(List<Duration> ageBounds) {
        if (ageBounds == null || ageBounds.isEmpty() || ageBounds.size() > 10) {
            throw new ValidationException("ageBounds", "must be 1 to 10 durations");
        }
        Duration previous = Duration.ZERO;
        for (Duration bound : ageBounds) {
            if (bound == null || bound.compareTo(previous) <= 0) {
                throw new ValidationException("ageBounds", "must be positive and increasing");
            }
            previous = bound;
        }
        return List.copyOf(ageBounds);
    }
}
