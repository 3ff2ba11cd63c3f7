package dev.crmkit.spi.outbox;

import dev.crmkit.model.DuplicateException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The transactional outbox. The core appends an event in the same unit as the change it reports, so the
 * event exists exactly when the change was committed. Relays on any number of nodes then claim events,
 * deliver them and mark them delivered.
 *
 * <p>Claiming is the one place where the outbox is not scoped by tenant: a relay serves all tenants.
 */
public interface OutboxStore {
    /**
     * Appends events in the given order, assigning each a sequence number greater than that of any event
     * appended before it. Joins the current unit: the events are visible to claimers only once it commits.
     * The sequence is taken at the append, not at the commit: the events of one aggregate are in commit order only
     * because the units that append them hold the aggregate's row lock until they commit (the stores' {@code lock}),
     * so no two of them append at the same time.
     *
     * <p>Inside a unit the adapter began itself (not a host's transaction), a failed append may end the unit instead
     * of leaving it usable (see {@link dev.crmkit.spi.TransactionRunner}): no caller recovers from it, and the JDBC
     * adapter saves a savepoint's two round trips per append that way.
     *
     * @throws DuplicateException when an event id already exists; nothing is appended (or, where the failure ended the
     *     unit, nothing of the unit commits)
     */
    void append(List<OutboxEvent> events);

    /**
     * Claims up to {@code limit} (1 to 1000) undelivered events for {@code claimer} until {@code now + lease},
     * and returns them in sequence order. An event is claimable when it is undelivered and unclaimed or its
     * lease has expired ({@code leaseUntil <= now}). Guarantees, also for claimers on several nodes at once:
     * <ul>
     *   <li>no event is held by two claimers at the same time;</li>
     *   <li>per aggregate (type and id), the returned events are the oldest undelivered ones, in sequence order,
     *       and no event is returned while an earlier undelivered event of its aggregate is held by an unexpired
     *       lease, whoever holds it, this claimer included: a node that restarts under the same name must not
     *       overtake what it claimed before it died. A relay that delivers what it claimed in order, and marks or
     *       releases it before claiming again, therefore keeps the order of each aggregate.</li>
     * </ul>
     * Runs in its own unit, committed before it returns.
     */
    List<OutboxEvent> claim(String claimer, int limit, Duration lease, Instant now);

    /**
     * Marks events delivered that {@code claimer} still holds; ids it does not hold (lease lost, or already
     * delivered) are left alone. Delivered events are never claimed again.
     *
     * @return how many events were marked
     */
    int markDelivered(String claimer, List<UUID> eventIds, Instant now);

    /** Gives back events {@code claimer} holds without delivering them, so any claimer may take them at once. */
    int release(String claimer, List<UUID> eventIds);

    /** How many events are not yet delivered, across tenants. */
    long countUndelivered();

    /** Deletes delivered events delivered before {@code before}; returns how many. */
    int purgeDelivered(Instant before);
}
