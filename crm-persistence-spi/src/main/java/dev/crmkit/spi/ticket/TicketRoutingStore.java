package dev.crmkit.spi.ticket;

import dev.crmkit.model.Checks;
import dev.crmkit.model.Page;
import dev.crmkit.model.PageRequest;
import dev.crmkit.model.ValidationException;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * What ticket routing keeps: each agent's routing slot (compare-and-set, the guard of an agent's capacity, holding the
 * count of the tickets the agent has active), a count of each agent's active tickets from the tickets themselves, and
 * the queue of tickets no agent could take yet. Scoped by tenant in every call.
 *
 * <p>Inside a unit the adapter began itself (not a host's transaction), a failed {@link #saveSlot} over a stored slot
 * or a failed {@link #addActiveTickets} may end the unit instead of leaving it usable (see
 * {@link dev.crmkit.spi.TransactionRunner}): no caller recovers from one inside the unit, and the JDBC adapter saves a
 * savepoint's two round trips per write that way. A stale version, and a first slot another unit stored meanwhile,
 * always leave the unit usable (both are conflicts that change nothing).
 */
public interface TicketRoutingStore {
    /** The member's routing slot in the tenant, or empty before routing first gave the member a ticket. */
    Optional<AgentSlotRecord> slot(String tenantId, UUID memberId);

    /**
     * The routing slots of the members {@code memberIds} names in the tenant, in one read: each member's slot as
     * {@link #slot} reads it, keyed by member id; members without a slot are absent from the map, and duplicates count
     * once. The default reads them one at a time.
     *
     * @throws dev.crmkit.model.ValidationException ({@code memberIds}) when null, holding null or more than
     *     {@link PageRequest#MAX_LIMIT} ids
     */
    default Map<UUID, AgentSlotRecord> slots(String tenantId, Collection<UUID> memberIds) {
        Checks.tenantId("tenantId", tenantId);
        Set<UUID> distinct = new LinkedHashSet<>(Checks.noNulls("memberIds", memberIds));
        if (distinct.size() > PageRequest.MAX_LIMIT) {
            throw new ValidationException("memberIds", "must hold at most " + PageRequest.MAX_LIMIT + " ids");
        }
        Map<UUID, AgentSlotRecord> slots = new LinkedHashMap<>();
        for (UUID memberId : distinct) {
            slot(tenantId, memberId).ifPresent(s -> slots.put(memberId, s));
        }
        return slots;
    }

    /**
     * Stores {@code slot} as its member's slot if the stored one is at {@code expectedVersion}, or, with
     * {@code expectedVersion} 0, if there is none yet. The stored slot is at version {@code expectedVersion + 1}
     * whatever version {@code slot} carries; replacing keeps the stored {@code id} and {@code createdAt} and takes
     * {@code lastRoutedAt}, {@code activeTickets} and {@code updatedAt} from {@code slot}. The check is made against
     * the committed slot, so of two units saving over one version on two nodes exactly one stores, and a save over a
     * version read before {@link #addActiveTickets} changed the slot conflicts. Returns nothing: read the slot to see
     * it (routing, the caller, knows what it stored and reads nothing back).
     *
     * @throws dev.crmkit.model.ValidationException ({@code expectedVersion}) when negative, ({@code slot}) when null
     * @throws dev.crmkit.model.ConflictException (retryable) when the stored version is not {@code expectedVersion};
     *     nothing changes
     */
    void saveSlot(AgentSlotRecord slot, long expectedVersion);

    /**
     * Adds {@code delta} to the member's {@link AgentSlotRecord#activeTickets} and moves the slot's version on by one,
     * without reading it, in the current unit (the unit that changed the member's tickets). The count never goes below
     * 0: a delta that would take it lower leaves it at 0. When the member has no slot yet, stores one at version 1 with
     * id {@code newId}, created and updated at {@code now}, never routed ({@code lastRoutedAt} null) and a count of
     * {@code delta} (0 when negative). Other slots are untouched. The default reads the slot and saves it over the
     * version read.
     *
     * @throws dev.crmkit.model.ValidationException ({@code memberId}, {@code newId}, {@code now}) when null
     * @throws dev.crmkit.model.ConflictException (retryable) when another unit stored the member's first slot, or
     *     changed it, at the same time; nothing changes
     */
    default void addActiveTickets(String tenantId, UUID memberId, int delta, UUID newId, Instant now) {
        Checks.tenantId("tenantId", tenantId);
        Checks.id("memberId", memberId);
        Checks.id("newId", newId);
        Checks.required("now", now);
        Optional<AgentSlotRecord> stored = slot(tenantId, memberId);
        AgentSlotRecord slot = stored.orElseGet(() -> new AgentSlotRecord(tenantId, newId, 1, now, now, memberId,
                null, 0));
        saveSlot(new AgentSlotRecord(tenantId, slot.id(), slot.version(), slot.createdAt(), now, memberId,
                slot.lastRoutedAt(), Math.max(0, slot.activeTickets() + delta)),
                stored.map(AgentSlotRecord::version).orElse(0L));
    }

    /**
     * How many tickets of the tenant's {@link TicketStore} each of {@code assigneeIds} is the assignee of in an active
     * state ({@code NEW}, {@code OPEN}, both waiting states; {@link dev.crmkit.model.ticket.TicketState#isActive}).
     * Members with none are absent from the map; duplicates count once.
     *
     * @throws dev.crmkit.model.ValidationException ({@code assigneeIds}) when null, holding null or more than
     *     {@link PageRequest#MAX_LIMIT} ids
     */
    Map<UUID, Integer> activeTicketCounts(String tenantId, Collection<UUID> assigneeIds);

    /**
     * Puts the ticket in the routing queue. Returns true when it was added, false when the ticket was waiting already
     * (the stored entry stays as it was).
     *
     * @throws dev.crmkit.model.ValidationException ({@code waiting}) when null
     */
    boolean enqueue(WaitingTicketRecord waiting);

    /** Takes the ticket out of the routing queue; returns whether it was waiting. */
    boolean dequeue(String tenantId, UUID ticketId);

    /** The ticket's entry in the routing queue, or empty when it is not waiting. */
    Optional<WaitingTicketRecord> waitingTicket(String tenantId, UUID ticketId);

    /**
     * One page of the tenant's waiting tickets, in ticket id order ({@link dev.crmkit.spi.Ids#ORDER}; ticket ids are
     * time-ordered, so the longest-open ticket comes first); the cursor is the last ticket id. Keyset paging neither
     * skips nor repeats an entry that stays in the queue for the whole walk.
     */
    Page<WaitingTicketRecord> waiting(String tenantId, PageRequest page);
}
