package dev.crmkit.spi.ticket;

import dev.crmkit.model.Checks;
import dev.crmkit.spi.StoredRecord;
import java.time.Instant;
import java.util.UUID;

/**
 * A service agent's routing slot: how many active tickets the agent is the assignee of, when routing last gave the
 * agent a ticket, and a version that every change of either moves on. Every unit that changes an agent's active
 * tickets (assigns, reassigns, resolves, closes, reopens, merges, or moves one in or out of the active states) changes
 * the count on the agent's slot in the same unit, so routing reads the count from the slot and no ticket. Routing
 * saves the slot over the version it read, so two nodes that route to one agent at once, or a routing and another
 * change of the agent's tickets, conflict instead of both counting a free place that only one of them can take. One
 * per member at most.
 *
 * <ul>
 *   <li>{@code memberId}: the team member, required.</li>
 *   <li>{@code lastRoutedAt}: when routing last gave the member a ticket; null while it never has (a slot is also
 *       stored when a ticket is first assigned to the member by hand).</li>
 *   <li>{@code activeTickets}: the member's tickets in an active state ({@link dev.crmkit.model.ticket.TicketState
 *       #isActive}), 0 or more.</li>
 * </ul>
 */
public record AgentSlotRecord(String tenantId, UUID id, long version, Instant createdAt, Instant updatedAt,
        UUID memberId, Instant lastRoutedAt, int activeTickets) implements StoredRecord {

    /**
     * Checks the rules above: tenant id, id, a version of 1 or more, both timestamps and the member are required, the
     * count is not negative, and every instant is truncated to microseconds.
     *
     * @throws dev.crmkit.model.ValidationException naming the first component that breaks a rule
     */
    public AgentSlotRecord {
        Checks.tenantId("tenantId", tenantId);
        Checks.id("id", id);
        Checks.version("version", version);
        createdAt = Checks.instant("createdAt", createdAt);
        updatedAt = Checks.instant("updatedAt", updatedAt);
        Checks.id("memberId", memberId);
        lastRoutedAt = Checks.optionalInstant("lastRoutedAt", lastRoutedAt);
        if (activeTickets < 0) {
            throw new dev.crmkit.model.ValidationException("activeTickets", "must be 0 or more");
        }
    }
}
