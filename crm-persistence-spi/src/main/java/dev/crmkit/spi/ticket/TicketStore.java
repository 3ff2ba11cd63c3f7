package dev.crmkit.spi.ticket;

import dev.crmkit.model.Checks;
import dev.crmkit.model.ConflictException;
import dev.crmkit.model.DuplicateException;
import dev.crmkit.model.NotFoundException;
import dev.crmkit.model.Page;
import dev.crmkit.model.PageRequest;
import dev.crmkit.model.ValidationException;
import dev.crmkit.model.ticket.TicketFilter;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * Customer service tickets with their attachments (in order) and custom fields. Scoped by tenant in every call; ids
 * of other records (customer, contact person, assignee, the ticket a duplicate was merged into) are stored as given
 * and not checked here.
 *
 * <p>Inside a unit the adapter began itself (not a host's transaction), a failed {@link #insert} or
 * {@link #update(TicketRecord, long) update} may end the unit instead of leaving it usable (see
 * {@link dev.crmkit.spi.TransactionRunner}): no caller recovers from one inside the unit, and the JDBC adapter saves a
 * savepoint's two round trips per write that way. A stale version or a missing ticket always leaves the unit usable.
 */
public interface TicketStore {
    /**
     * Stores a new ticket at version 1 with its attachments and custom fields.
     *
     * @throws DuplicateException with {@code key() = "id"} when the tenant has a ticket with that id; nothing is stored
     *     (or, where the failure ended the unit, nothing of the unit commits)
     * @throws dev.crmkit.model.ValidationException ({@code version}) when the version is not 1
     */
    TicketRecord insert(TicketRecord ticket);

    /**
     * Replaces a ticket whose stored version is {@code expectedVersion} with {@code ticket} (same tenant and id),
     * attachments and custom fields included, at version {@code expectedVersion + 1}; createdAt stays as stored.
     * Returns the stored record.
     *
     * @throws NotFoundException when there is no such ticket in the tenant
     * @throws ConflictException (retryable) when the stored version differs; nothing changes
     */
    TicketRecord update(TicketRecord ticket, long expectedVersion);

    /**
     * Replaces {@code stored}, the ticket as the caller read it in this unit, with {@code ticket}: what
     * {@link #update(TicketRecord, long) update(ticket, stored.version())} does, with the same exceptions and result,
     * except that the attachments and custom fields are written only when they differ from {@code stored}'s. They
     * change only with the ticket's version, so at the version the update checks they are {@code stored}'s; a caller
     * changing a ticket's state or assignee writes one row. The default calls {@link #update(TicketRecord, long)}.
     *
     * @throws dev.crmkit.model.ValidationException ({@code stored}) when null or another ticket than {@code ticket}
     * @throws NotFoundException when there is no such ticket in the tenant
     * @throws ConflictException (retryable) when the stored version is not {@code stored}'s; nothing changes
     */
    default TicketRecord update(TicketRecord ticket, TicketRecord stored) {
        checkSameTicket(ticket, stored);
        return update(ticket, stored.version());
    }

    /** Both given, one ticket of one tenant. */
    private static void checkSameTicket(TicketRecord ticket, TicketRecord stored) {
        Checks.required("ticket", ticket);
        Checks.required("stored", stored);
        if (!stored.tenantId().equals(ticket.tenantId()) || !stored.id().equals(ticket.id())) {
            throw new ValidationException("stored", "is another ticket than the one to update");
        }
    }

    /**
     * Takes the ticket's row lock for the rest of the caller's unit of work: a second unit locking (or updating) the
     * same ticket waits until this unit has committed or rolled back, and then sees what it committed. The lock does
     * not change the record or its version. Outside a unit the call only checks that the ticket exists. Units that
     * lock several tickets lock them in {@link dev.crmkit.spi.Ids#ORDER}; a deadlock is a retryable
     * {@link ConflictException}.
     *
     * @throws NotFoundException when the tenant has no ticket with this id; nothing is locked
     */
    void lock(String tenantId, UUID id);

    /**
     * Takes the ticket's row lock as {@link #lock} does and reads the ticket in the same call: the ticket as
     * {@link #get} reads it once the lock is held, so a unit that locks in order to change the ticket reads it once.
     * The default locks, then reads.
     *
     * @throws NotFoundException when the tenant has no ticket with this id; nothing is locked
     */
    default TicketRecord lockAndGet(String tenantId, UUID id) {
        lock(tenantId, id);
        return get(tenantId, id).orElseThrow(() -> new NotFoundException("ticket", id));
    }

    /** The ticket with this id in this tenant. */
    Optional<TicketRecord> get(String tenantId, UUID id);

    /**
     * One page of the tickets {@code filter} selects ({@link TicketFilter#matches} is the reference meaning), ordered
     * by id in {@link dev.crmkit.spi.Ids#ORDER}; the cursor is the last id. Keyset paging neither skips nor repeats a
     * ticket that exists for the whole walk.
     */
    Page<TicketRecord> find(String tenantId, TicketFilter filter, PageRequest page);

    /**
     * Moves every ticket of {@code fromCustomerId} to {@code toCustomerId}, and makes {@code toCustomerId} the contact
     * person of every ticket whose contact person is {@code fromCustomerId}, for a customer merge: each ticket changed
     * once, at version + 1 with updatedAt {@code now}; a ticket that would name the survivor as both its customer and
     * its contact person loses the contact person. Everything else stays as stored. Returns how many tickets changed.
     */
    int moveAll(String tenantId, UUID fromCustomerId, UUID toCustomerId, Instant now);
}
