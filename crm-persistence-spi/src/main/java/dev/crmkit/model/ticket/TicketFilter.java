package dev.crmkit.model.ticket;

import dev.crmkit.model.Checks;
import dev.crmkit.spi.ticket.TicketRecord;
import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;

/**
 * Which tickets a query selects; every condition set must hold, an unset one (null or empty) selects all.
 *
 * @param customerId tickets of this customer
 * @param assigneeId tickets assigned to this team member
 * @param states     tickets in one of these states
 * @param kinds      tickets of one of these kinds
 */
public record TicketFilter(UUID customerId, UUID assigneeId, Set<TicketState> states, Set<TicketKind> kinds) {
    /**
     * Copies the sets.
     *
     * @throws dev.crmkit.model.ValidationException ({@code states}, {@code kinds}) when a set is null or holds null
     */
    public TicketFilter {
        Checks.noNulls("states", states);
        Checks.noNulls("kinds", kinds);
        states = states.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(states));
        kinds = kinds.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(kinds));
    }

    /** Every ticket. */
    public static TicketFilter all() {
        return new TicketFilter(null, null, Set.of(), Set.of());
    }

    /** This filter, also requiring the customer. */
    public TicketFilter ofCustomer(UUID customerId) {
        return new TicketFilter(customerId, assigneeId, states, kinds);
    }

    /** This filter, also requiring the assignee. */
    public TicketFilter assignedTo(UUID assigneeId) {
        return new TicketFilter(customerId, assigneeId, states, kinds);
    }

    /** This filter, also requiring one of the states. */
    public TicketFilter inStates(Set<TicketState> states) {
        return new TicketFilter(customerId, assigneeId, states, kinds);
    }

    /** This filter, also requiring one of the kinds. */
    public TicketFilter ofKinds(Set<TicketKind> kinds) {
        return new TicketFilter(customerId, assigneeId, states, kinds);
    }

    /** Whether {@code t} meets every condition: the reference meaning every store's query must match. */
    public boolean matches(TicketRecord t) {
        return (customerId == null || customerId.equals(t.customerId()))
                && (assigneeId == null || assigneeId.equals(t.assigneeId()))
                && (states.isEmpty() || states.contains(t.state()))
                && (kinds.isEmpty() || kinds.contains(t.kind()));
    }
}
