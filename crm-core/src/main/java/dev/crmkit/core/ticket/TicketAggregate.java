package dev.crmkit.core.ticket;

import dev.crmkit.model.IllegalTransitionException;
import dev.crmkit.model.ValidationException;
import dev.crmkit.model.ticket.TicketPriority;
import dev.crmkit.model.ticket.TicketState;
import dev.crmkit.spi.ticket.TicketRecord;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * A service ticket and the rules of its life, in one place. Its state is the stored {@link TicketRecord}, wrapped, not
 * copied; each behaviour checks its preconditions, then returns a {@link TicketChange}: the record the ticket now
 * holds and the events the change caused. It reads and writes nothing: {@code StoredTickets} loads it, calls one
 * behaviour, stores the record and records the events, in one transaction.
 *
 * <pre>
 *                 start                      resolve                 close
 *   open --&gt; [ NEW ] ----&gt; [ OPEN ] ---------------------&gt; [ RESOLVED ] ----&gt; [ CLOSED ]
 *               |             ^  |                              ^   |             |
 *               |      resume |  | wait on customer /           |   +-- reopen ---+-- reopen (within the
 *               |             |  v   third party                |   |   (within the tenant's window,
 *               +-------&gt; [ WAITING_ON_CUSTOMER ] --- resolve --+   v    not a merged duplicate)
 *                         [ WAITING_ON_THIRD_PARTY ]                [ OPEN ]
 *
 *   merge into another ticket: from any state but CLOSED, to CLOSED (the duplicate remembers the other ticket)
 * </pre>
 *
 * The moves, each a row of {@link Move}, the only place they are written:
 *
 * <table>
 *   <caption>Which state each command moves a ticket from, and to</caption>
 *   <tr><th>command</th><th>from</th><th>to</th></tr>
 *   <tr><td>start</td><td>NEW</td><td>OPEN</td></tr>
 *   <tr><td>wait on customer</td><td>NEW, OPEN, WAITING_ON_THIRD_PARTY</td><td>WAITING_ON_CUSTOMER</td></tr>
 *   <tr><td>wait on third party</td><td>NEW, OPEN, WAITING_ON_CUSTOMER</td><td>WAITING_ON_THIRD_PARTY</td></tr>
 *   <tr><td>resume</td><td>WAITING_ON_CUSTOMER, WAITING_ON_THIRD_PARTY</td><td>OPEN</td></tr>
 *   <tr><td>resolve</td><td>NEW, OPEN, WAITING_ON_CUSTOMER, WAITING_ON_THIRD_PARTY</td><td>RESOLVED</td></tr>
 *   <tr><td>close</td><td>RESOLVED</td><td>CLOSED</td></tr>
 *   <tr><td>reopen</td><td>RESOLVED, CLOSED (within the window from resolution; never a merged duplicate)</td>
 *       <td>OPEN</td></tr>
 *   <tr><td>merge into</td><td>every state but CLOSED</td><td>CLOSED</td></tr>
 * </table>
 *
 * Assigning and changing the priority (any state but CLOSED) move no state. Every refusal is an
 * {@link IllegalTransitionException} naming both states, or a {@link ValidationException} naming the field, thrown before anything changed.
 */
final class TicketAggregate {
    /** Every move of the lifecycle: the states it starts from and the state it leads to. */
    enum Move {
        START(EnumSet.of(TicketState.NEW), TicketState.OPEN),
        WAIT_ON_CUSTOMER(EnumSet.of(TicketState.NEW, TicketState.OPEN, TicketState.WAITING_ON_THIRD_PARTY),
                TicketState.WAITING_ON_CUSTOMER),
        WAIT_ON_THIRD_PARTY(EnumSet.of(TicketState.NEW, TicketState.OPEN, TicketState.WAITING_ON_CUSTOMER),
                TicketState.WAITING_ON_THIRD_PARTY),
        RESUME(EnumSet.of(TicketState.WAITING_ON_CUSTOMER, TicketState.WAITING_ON_THIRD_PARTY), TicketState.OPEN),
        RESOLVE(EnumSet.of(TicketState.NEW, TicketState.OPEN, TicketState.WAITING_ON_CUSTOMER,
                TicketState.WAITING_ON_THIRD_PARTY), TicketState.RESOLVED),
        CLOSE(EnumSet.of(TicketState.RESOLVED), TicketState.CLOSED),
        REOPEN(EnumSet.of(TicketState.RESOLVED, TicketState.CLOSED), TicketState.OPEN),
        MERGE(EnumSet.complementOf(EnumSet.of(TicketState.CLOSED)), TicketState.CLOSED);

        private final Set<TicketState> from;
        private final TicketState to;

        Move(Set<TicketState> from, TicketState to) {
            this.from = from;
            this.to = to;
        }

        /** The states this move starts from. */
        Set<TicketState> from() {
            return from;
        }

        /** The state it leads to. */
        TicketState to() {
            return to;
        }
    }

    private final TicketRecord ticket;

    TicketAggregate(TicketRecord ticket) {
        this.ticket = ticket;
    }

    /** The record the ticket holds. */
    TicketRecord record() {
        return ticket;
    }

    /**
     * A ticket opened now from the validated command, in state NEW, with the priority the tenant's rules (or the
     * agent) gave it. Records {@link TicketOpened} with the priority's reason.
     */
    static TicketChange open(String tenantId, UUID id, OpenTicket command, PriorityRules.Prioritized priority,
            Instant now) {
        TicketRecord opened = new TicketRecord(tenantId, id, 1, now, now, command.kind(), command.channel(),
                command.customerId(), command.contactPersonId(), priority.priority(), null, TicketState.NEW,
                command.content(), command.productReturn(), null, null, null);
        return new TicketChange(null, opened, List.of(new TicketOpened(tenantId, id, command.customerId(),
                command.contactPersonId(), command.kind(), command.channel(), priority.priority(), priority.reason(),
                now)));
    }

    /** An agent takes the new ticket up. */
    TicketChange start(Instant now) {
        return move(Move.START, now);
    }

    /** The agent asked the customer something and waits for the answer; the SLA clock will pause here. */
    TicketChange waitOnCustomer(Instant now) {
        return move(Move.WAIT_ON_CUSTOMER, now);
    }

    /** The agent waits for a supplier, a carrier or another department. */
    TicketChange waitOnThirdParty(Instant now) {
        return move(Move.WAIT_ON_THIRD_PARTY, now);
    }

    /** The answer the ticket waited for came; work goes on. */
    TicketChange resume(Instant now) {
        return move(Move.RESUME, now);
    }

    /** The customer's matter is solved; it may be reopened within the tenant's window. */
    TicketChange resolve(Instant now) {
        return move(Move.RESOLVE, now);
    }

    /** The resolved ticket is done. */
    TicketChange close(Instant now) {
        return move(Move.CLOSE, now);
    }

    /**
     * Opens a resolved or closed ticket again, while no more than {@code window} has passed since it was resolved.
     * Records {@link TicketReopened}.
     *
     * @throws IllegalTransitionException when the ticket is active, a merged duplicate, or resolved longer ago than
     *     the window
     */
    TicketChange reopen(Duration window, Instant now) {
        check(Move.REOPEN);
        if (ticket.isMerged()) {
            throw new IllegalTransitionException("ticket", "CLOSED (merged into another ticket)", TicketState.OPEN);
        }
        if (now.isAfter(ticket.resolvedAt().plus(window))) {
            throw new IllegalTransitionException("ticket", ticket.state() + " (resolved longer ago than the reopen"
                    + " window of " + window.toDays() + " days)", TicketState.OPEN);
        }
        TicketRecord reopened = with(TicketState.OPEN, ticket.assigneeId(), ticket.priority(), null, null, null, now);
        return new TicketChange(ticket, reopened, List.of(new TicketReopened(ticket.tenantId(), ticket.id(),
                ticket.customerId(), ticket.state(), ticket.resolvedAt(), now)));
    }

    /**
     * Closes this ticket as a duplicate of {@code into}, another ticket of the same customer that is not closed.
     * Records {@link TicketMerged}.
     *
     * @throws IllegalTransitionException when this ticket is closed already
     * @throws ValidationException ({@code intoTicketId}) when {@code into} is this ticket, another customer's, or
     *     closed
     */
    TicketChange mergeInto(TicketRecord into, Instant now) {
        check(Move.MERGE);
        if (into.id().equals(ticket.id())) {
            throw new ValidationException("intoTicketId", "must name another ticket");
        }
        if (!into.customerId().equals(ticket.customerId())) {
            throw new ValidationException("intoTicketId", "must name a ticket of the same customer");
        }
        if (into.state() == TicketState.CLOSED) {
            throw new ValidationException("intoTicketId", "must name a ticket that is not closed");
        }
        TicketRecord merged = with(TicketState.CLOSED, ticket.assigneeId(), ticket.priority(), ticket.resolvedAt(),
                now, into.id(), now);
        return new TicketChange(ticket, merged, List.of(new TicketMerged(ticket.tenantId(), ticket.id(),
                ticket.customerId(), into.id(), ticket.state(), now)));
    }

    /**
     * Assigns the ticket to a team member; assigning it to whom it is assigned already changes nothing. Records
     * {@link TicketAssigned}.
     *
     * @throws IllegalTransitionException when the ticket is closed
     */
    TicketChange assign(UUID memberId, Instant now) {
        if (ticket.state() == TicketState.CLOSED) {
            throw new IllegalTransitionException("ticket", TicketState.CLOSED, "assigned");
        }
        if (memberId.equals(ticket.assigneeId())) {
            return TicketChange.none(ticket);
        }
        TicketRecord assigned = with(ticket.state(), memberId, ticket.priority(), ticket.resolvedAt(),
                ticket.closedAt(), ticket.mergedInto(), now);
        return new TicketChange(ticket, assigned, List.of(new TicketAssigned(ticket.tenantId(), ticket.id(),
                ticket.customerId(), memberId, ticket.assigneeId(), now)));
    }

    /**
     * An agent overrides the ticket's priority, for a reason given as a code; the same priority changes nothing.
     * Records {@link TicketPriorityChanged}.
     *
     * @throws IllegalTransitionException when the ticket is closed (a merged duplicate included)
     */
    TicketChange changePriority(TicketPriority priority, UUID agentId, String reasonCode, Instant now) {
        if (ticket.state() == TicketState.CLOSED) {
            throw new IllegalTransitionException("ticket", TicketState.CLOSED, "priority changed");
        }
        if (priority == ticket.priority()) {
            return TicketChange.none(ticket);
        }
        TicketRecord changed = with(ticket.state(), ticket.assigneeId(), priority, ticket.resolvedAt(),
                ticket.closedAt(), ticket.mergedInto(), now);
        return new TicketChange(ticket, changed, List.of(new TicketPriorityChanged(ticket.tenantId(), ticket.id(),
                ticket.customerId(), ticket.priority(), priority, true, agentId, reasonCode, now)));
    }

    // ---- the rules behind the behaviours -----------------------------------------------------------------------

    /** A plain move of the table: checked, then the new state with its times. Records {@link TicketStateChanged}. */
    private TicketChange move(Move move, Instant now) {
        check(move);
        Instant resolvedAt = move.to() == TicketState.RESOLVED ? now : ticket.resolvedAt();
        Instant closedAt = move.to() == TicketState.CLOSED ? now : null;
        TicketRecord moved = with(move.to(), ticket.assigneeId(), ticket.priority(), resolvedAt, closedAt, null, now);
        return new TicketChange(ticket, moved, List.of(new TicketStateChanged(ticket.tenantId(), ticket.id(),
                ticket.customerId(), ticket.state(), move.to(), now)));
    }

    /**
     * Throws unless the ticket's state is one {@code move} starts from.
     *
     * @throws IllegalTransitionException naming both states
     */
    private void check(Move move) {
        if (!move.from().contains(ticket.state())) {
            throw new IllegalTransitionException("ticket", ticket.state(), move.to());
        }
    }

    private TicketRecord with(TicketState state, UUID assigneeId, TicketPriority priority, Instant resolvedAt,
            Instant closedAt, UUID mergedInto, Instant now) {
        return new TicketRecord(ticket.tenantId(), ticket.id(), ticket.version(), ticket.createdAt(), now,
                ticket.kind(), ticket.channel(), ticket.customerId(), ticket.contactPersonId(), priority, assigneeId,
                state, ticket.content(), ticket.productReturn(), resolvedAt, closedAt, mergedInto);
    }
}
