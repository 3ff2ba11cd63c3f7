package dev.crmkit.spi.scheduling;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Work that falls due, claimed with leases by any number of nodes. A claimer that dies loses its lease when it
 * expires and the work becomes claimable again, so work is done at least once.
 */
public interface DueWorkStore {
    /**
     * Schedules work, or reschedules it when the tenant already has work of this kind and key: then its dueAt
     * and payload are replaced and any lease is dropped, and the stored id is kept. Joins the current unit.
     *
     * @return the stored record
     */
    DueWorkRecord schedule(DueWorkRecord work);

    /**
     * Schedules every piece as {@link #schedule} does, as one batch and all or nothing. Joins the current unit.
     * Inside a unit the adapter began itself (not a host's transaction), a failed batch may end the unit instead of
     * leaving it usable (see {@link dev.crmkit.spi.TransactionRunner}): no caller recovers from one inside the unit,
     * and the JDBC adapter saves a savepoint's two round trips per batch that way.
     *
     * @throws dev.crmkit.model.ValidationException ({@code work}) when the list holds nulls or names one tenant's
     *     kind and key twice; nothing is scheduled
     */
    void scheduleAll(List<DueWorkRecord> work);

    /** Removes the tenant's work of this kind and key, if any; returns whether there was some. */
    boolean cancel(String tenantId, String kind, String key);

    /** The tenant's work of this kind and key, if scheduled. */
    Optional<DueWorkRecord> find(String tenantId, String kind, String key);

    /**
     * Claims up to {@code limit} (1 to 1000) pieces of work, across tenants, that are due ({@code dueAt <= now})
     * and unclaimed or whose lease expired ({@code leaseUntil <= now}); earliest due first. Each is leased to
     * {@code claimer} until {@code now + lease} and its attempts raised by 1. No piece is held by two claimers at
     * once, also across nodes. Runs in its own unit, committed before it returns.
     */
    List<DueWorkRecord> claimDue(String claimer, int limit, Duration lease, Instant now);

    /**
     * Removes work that {@code claimer} still holds, because it is done.
     *
     * @return false when the claimer no longer holds it (the lease expired and another took it, or it was
     *     cancelled or rescheduled); then nothing is removed
     */
    boolean complete(String claimer, String tenantId, UUID id);

    /**
     * Gives back work {@code claimer} holds, due again at {@code retryAt}: for a handler that failed.
     *
     * @return false when the claimer no longer holds it
     */
    boolean retryLater(String claimer, String tenantId, UUID id, Instant retryAt);
}
