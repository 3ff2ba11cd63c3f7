package dev.crmkit.spi.ticket;

import dev.crmkit.model.ConflictException;
import dev.crmkit.model.DuplicateException;
import dev.crmkit.model.NotFoundException;
import dev.crmkit.model.Page;
import dev.crmkit.model.PageRequest;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The service-level milestones of tickets. Scoped by tenant in every call; the ticket id is stored as given and not
 * checked here.
 *
 * <p>Inside a unit the adapter began itself (not a host's transaction), a failed {@link #insert}, {@link #insertAll}
 * or {@link #update} may end the unit instead of leaving it usable (see {@link dev.crmkit.spi.TransactionRunner}): no
 * caller recovers from one inside the unit, and the JDBC adapter saves a savepoint's two round trips per write that
 * way. A stale version or a missing milestone always leaves the unit usable.
 */
public interface MilestoneStore {
    /**
     * Stores a new milestone at version 1.
     *
     * @throws DuplicateException with {@code key() = "id"} when the tenant has a milestone with that id; nothing is
     *     stored
     * @throws dev.crmkit.model.ValidationException ({@code version}) when the version is not 1
     */
    MilestoneRecord insert(MilestoneRecord milestone);

    /**
     * Stores new milestones as {@link #insert} stores each, in one call (a change starts a ticket's first response
     * and resolution milestones together): all of them or, when one is refused, none. The default inserts them one at
     * a time, in the order given, after checking the versions and ids given: a store whose insert does not take part in
     * the unit's rollback overrides it to keep "none".
     *
     * @throws DuplicateException with {@code key() = "id"} when the tenant has a milestone with one of the ids, or
     *     two of them share one; nothing is stored
     * @throws dev.crmkit.model.ValidationException ({@code milestones}) when null or holding null, ({@code version})
     *     when a version is not 1; nothing is stored
     */
    default void insertAll(List<MilestoneRecord> milestones) {
        dev.crmkit.model.Checks.noNulls("milestones", milestones);
        for (MilestoneRecord m : milestones) {
            if (m.version() != 1) {
                throw new dev.crmkit.model.ValidationException("version", "must be 1 on insert");
            }
        }
        if (milestones.stream().map(MilestoneRecord::id).distinct().count() < milestones.size()) {
            throw new DuplicateException("milestone", "id");
        }
        milestones.forEach(this::insert);
    }

    /**
     * Replaces a milestone whose stored version is {@code expectedVersion} with {@code milestone} (same tenant and
     * id), at version {@code expectedVersion + 1}; createdAt, ticket and kind stay as stored. Returns the stored
     * record.
     *
     * @throws NotFoundException when there is no such milestone in the tenant
     * @throws ConflictException (retryable) when the stored version differs; nothing changes
     */
    MilestoneRecord update(MilestoneRecord milestone, long expectedVersion);

    /** Every milestone of the ticket, in id order ({@link dev.crmkit.spi.Ids#ORDER}); empty when it has none. */
    List<MilestoneRecord> ofTicket(String tenantId, UUID ticketId);

    /**
     * One page of the tenant's milestones that are not completed and are due before {@code before} (a running clock
     * whose {@code dueAt} is earlier; a paused one is never due), ordered by {@code dueAt}, then id in
     * {@link dev.crmkit.spi.Ids#ORDER}; the cursor is the last row's {@code dueAt} and id. Keyset paging neither skips
     * nor repeats a milestone that stays due for the whole walk.
     *
     * @throws dev.crmkit.model.ValidationException ({@code before}) when null; ({@code cursor}) for a cursor the store
     *     did not issue
     */
    Page<MilestoneRecord> dueBefore(String tenantId, Instant before, PageRequest page);
}
