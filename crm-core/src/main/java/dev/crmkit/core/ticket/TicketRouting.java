package dev.crmkit.core.ticket;

import dev.crmkit.model.Page;
import dev.crmkit.model.PageRequest;
import java.util.UUID;

/**
 * Routes a tenant's tickets to service agents. An agent is <b>eligible</b> for a ticket when the agent:
 * <ul>
 *   <li>has one of the routing roles ({@link RoutingSettings#roles()}, {@code SERVICE_AGENT} by default), is in the
 *       team the ticket needs (when its rules name one), has every skill and speaks the language its
 *       {@link RoutingRule}s require;</li>
 *   <li>is available now (active, or back from an absence) and inside their working hours now
 *       ({@code TeamService.isWorking}: a member without stored hours always is);</li>
 *   <li>has fewer active tickets (assigned, not resolved or closed) than their capacity.</li>
 * </ul>
 * Among the eligible agents the <b>policy</b> chooses the least loaded (fewest active tickets), then the longest idle
 * (routed a ticket least recently; never routed before counts as idlest), then the lowest member id: deterministic.
 *
 * <p>The capacity is guarded in storage: each agent's active-ticket count is kept on the agent's routing slot, moved
 * with the slot's version by every unit that changes the agent's tickets; routing reads the slots, and saves the
 * chosen agent's back over the version read, its count one up, in the unit that assigns the ticket, so of two nodes
 * routing to one agent's last free place at once one fails with a retryable {@link dev.crmkit.model.ConflictException}
 * and stores nothing; its retry sees the agent full. Assigning by hand ({@link TicketService#assign}) is a
 * supervisor's choice and is not held to the capacity.
 *
 * <p>A ticket no agent can take <b>waits</b> in the routing queue (once; {@code ticket.routing-queued}). Nothing
 * routes it by itself: the host calls {@link #routeWaiting} when capacity may have freed up (on a schedule, or from a
 * listener of {@code ticket.state-changed}, {@code ticket.assigned} and {@code team-member.availability-changed}).
 */
public interface TicketRouting {
    /**
     * Routes an active, unassigned ticket to an eligible agent and assigns it ({@code ticket.assigned},
     * {@code ticket.routed}), or, when none is eligible, puts it in the routing queue ({@code ticket.routing-queued},
     * nothing when it waits already). One unit.
     *
     * @throws dev.crmkit.model.NotFoundException when the tenant has no such ticket
     * @throws dev.crmkit.model.ValidationException ({@code ticketId}) when the ticket is resolved or closed, or
     *     assigned already (pass it on with {@link #routeToTeam}); nothing changes
     * @throws dev.crmkit.model.ConflictException (retryable) when another node routed to the same agent, or changed
     *     the ticket, since this call read them; nothing changes
     */
    RoutingOutcome route(UUID ticketId);

    /**
     * Passes an active ticket, assigned or not, to an eligible agent of the team {@code teamId} other than its current
     * assignee: the call escalation uses for "the next support tier". The ticket's rules give the skills and language;
     * the team replaces the one they name. When no agent of the team can take it, the ticket waits in the queue for
     * the team and keeps its assignee until {@link #routeWaiting} passes it on. One unit.
     *
     * @throws dev.crmkit.model.NotFoundException when the tenant has no such ticket
     * @throws dev.crmkit.model.ValidationException ({@code teamId}) when the tenant has no such team;
     *     ({@code ticketId}) when the ticket is resolved or closed; nothing changes
     * @throws dev.crmkit.model.ConflictException (retryable) as {@link #route}
     */
    RoutingOutcome routeToTeam(UUID ticketId, UUID teamId);

    /**
     * Tries to route up to {@code limit} waiting tickets, longest-open first, each in a unit of its own, and returns
     * how many it routed. A waiting ticket that was resolved or closed, or given another assignee by hand since it
     * started waiting, leaves the queue without being routed; one whose routing conflicts with another node's stays
     * waiting for the next call. A ticket's routing writes nothing before the one write that can conflict (its agent's
     * slot, saved over the version read), so a skipped conflict leaves nothing of it behind even when this is called
     * inside a unit or a host's transaction, where each ticket's unit joins the outer one. There, though, a deadlock
     * or a lost connection ends the outer transaction: the tickets after it are skipped and nothing of the outer unit
     * commits.
     *
     * @throws dev.crmkit.model.ValidationException ({@code limit}) when not between 1 and 1000
     */
    int routeWaiting(int limit);

    /** One page of the tickets waiting for an agent, longest-open first (in ticket id order). */
    Page<WaitingTicket> waiting(PageRequest page);
}
