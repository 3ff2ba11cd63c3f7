package dev.crmkit.core.ticket;

import dev.crmkit.core.module.DomainContext;
import dev.crmkit.core.team.TeamMember;
import dev.crmkit.core.team.TeamService;
import dev.crmkit.model.Checks;
import dev.crmkit.model.ConflictException;
import dev.crmkit.model.NotFoundException;
import dev.crmkit.model.Page;
import dev.crmkit.model.PageRequest;
import dev.crmkit.model.ValidationException;
import dev.crmkit.model.team.MemberFilter;
import dev.crmkit.spi.Ids;
import dev.crmkit.spi.ticket.AgentSlotRecord;
import dev.crmkit.spi.ticket.ServiceLevelStorage;
import dev.crmkit.spi.ticket.TicketRecord;
import dev.crmkit.spi.ticket.TicketRoutingStore;
import dev.crmkit.spi.ticket.TicketStorage;
import dev.crmkit.spi.ticket.TicketStore;
import dev.crmkit.spi.ticket.WaitingTicketRecord;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * {@link TicketRouting} over the storage contract, the ticket service (which assigns) and the team service (who is
 * available and at work).
 *
 * <p>The capacity guard: each agent's active-ticket count is kept on the agent's routing slot, and every unit that
 * changes an agent's active tickets changes the count and moves the slot's version on (StoredTickets does, under the
 * ticket's row lock). Routing reads the candidates' slots, chooses by their counts and saves the chosen agent's slot,
 * its count one up, over the version read, in the unit that assigns the ticket: a routing or another ticket change of
 * the agent committed since the read has moved the version on, so this unit's save conflicts instead of taking the
 * agent past capacity ({@code RoutingOnTwoNodesTest}). Routing reads no ticket but the one it routes.
 */
final class StoredRouting implements TicketRouting {
    private static final int PAGE = 500;

    private final DomainContext context;
    private final String tenantId;
    private final List<RoutingRule> rules;
    private final RoutingSettings settings;
    private final StoredTickets tickets;
    private final TeamService team;
    private final TicketStore ticketStore;
    private final TicketRoutingStore routing;

    StoredRouting(DomainContext context, String tenantId, RoutingSettings settings, StoredTickets tickets,
            TeamService team) {
        this.context = context;
        this.tenantId = tenantId;
        this.settings = settings;
        this.rules = settings.rulesOf(tenantId);
        this.tickets = tickets;
        this.team = team;
        this.ticketStore = context.storage(TicketStorage.class).tickets();
        this.routing = context.storage(ServiceLevelStorage.class).routing();
    }

    @Override
    public RoutingOutcome route(UUID ticketId) {
        Checks.id("ticketId", ticketId);
        return inTransaction(() -> {
            TicketRecord ticket = locked(ticketId);
            if (ticket.assigneeId() != null) {
                throw new ValidationException("ticketId", "is assigned already; routeToTeam passes it on");
            }
            RoutingRequirement requirement = RoutingRules.requirementOf(rules, tenantId, Ticket.of(ticket));
            return routeNow(ticket, requirement, requirement.teamId(), null);
        });
    }

    @Override
    public RoutingOutcome routeToTeam(UUID ticketId, UUID teamId) {
        Checks.id("ticketId", ticketId);
        Checks.id("teamId", teamId);
        return inTransaction(() -> {
            try {
                team.team(teamId);
            } catch (NotFoundException e) {
                throw new ValidationException("teamId", "names no team of this tenant");
            }
            TicketRecord ticket = locked(ticketId);
            RoutingRequirement requirement = RoutingRules.requirementOf(rules, tenantId, Ticket.of(ticket));
            return routeNow(ticket, requirement, teamId, null);
        });
    }

    @Override
    public int routeWaiting(int limit) {
        Checks.limit("limit", limit, PageRequest.MAX_LIMIT);
        List<WaitingTicketRecord> entries = routing.waiting(tenantId, PageRequest.first(limit)).items();
        int routed = 0;
        for (WaitingTicketRecord entry : entries) {
            try {
                if (inTransaction(() -> routeWaiting(entry.ticketId()))) {
                    routed++;
                }
            } catch (ConflictException e) {
                if (!e.retryable()) {
                    throw e;
                }
                // another node routed to the same agent or changed the ticket: it waits for the next call
            }
        }
        return routed;
    }

    /** Routes one waiting ticket if it still waits for routing; whether it was routed. */
    private boolean routeWaiting(UUID ticketId) {
        Optional<TicketRecord> locked = lockedIfPresent(ticketId);
        Optional<WaitingTicketRecord> entry = routing.waitingTicket(tenantId, ticketId);
        if (entry.isEmpty()) {
            return false;
        }
        if (locked.isEmpty() || !locked.get().state().isActive()
                || !Objects.equals(locked.get().assigneeId(), entry.get().assigneeId())) {
            // resolved, closed or assigned by hand since it started waiting: no longer routing's to route
            routing.dequeue(tenantId, ticketId);
            return false;
        }
        TicketRecord ticket = locked.get();
        RoutingRequirement requirement = RoutingRules.requirementOf(rules, tenantId, Ticket.of(ticket));
        UUID teamId = entry.get().teamId();
        return routeNow(ticket, requirement, teamId, entry.get()).routed();
    }

    @Override
    public Page<WaitingTicket> waiting(PageRequest page) {
        Checks.required("page", page);
        Page<WaitingTicketRecord> records = routing.waiting(tenantId, page);
        return new Page<>(records.items().stream().map(w -> new WaitingTicket(w.ticketId(), w.teamId(),
                w.assigneeId(), w.waitingSince())).toList(), records.next());
    }

    /**
     * Gives the ticket to the agent the policy chooses among the eligible ones, or queues it. {@code waited} is its
     * queue entry when it is being routed from the queue.
     */
    private RoutingOutcome routeNow(TicketRecord ticket, RoutingRequirement requirement, UUID teamId,
            WaitingTicketRecord waited) {
        Instant now = context.now();
        List<TeamMember> matching = matching(requirement, teamId, now, ticket.assigneeId());
        List<TeamMember> atWork = team.working(matching, now);
        // each slot holds its agent's active-ticket count, versioned with it: see the class comment
        Map<UUID, AgentSlotRecord> slots = slots(atWork);
        Map<UUID, Integer> open = new HashMap<>();
        slots.forEach((member, slot) -> open.put(member, slot.activeTickets()));
        Optional<TeamMember> chosen = atWork.stream()
                .filter(m -> open.getOrDefault(m.id(), 0) < m.capacity())
                .min(Comparator.<TeamMember>comparingInt(m -> open.getOrDefault(m.id(), 0))
                        .thenComparing(m -> Optional.ofNullable(slots.get(m.id())).map(AgentSlotRecord::lastRoutedAt)
                                .orElse(null),
                                Comparator.nullsFirst(Comparator.naturalOrder()))
                        .thenComparing(TeamMember::id, Ids.ORDER));
        if (chosen.isEmpty()) {
            Optional<WaitingTicketRecord> earlier = routing.waitingTicket(tenantId, ticket.id());
            if (earlier.isPresent() && (!Objects.equals(earlier.get().teamId(), teamId)
                    || !Objects.equals(earlier.get().assigneeId(), ticket.assigneeId()))) {
                // it waits for another team, or with another assignee, from now on
                routing.dequeue(tenantId, ticket.id());
            }
            boolean queued = routing.enqueue(new WaitingTicketRecord(tenantId, ticket.id(), teamId,
                    ticket.assigneeId(), now));
            if (queued) {
                context.events().record(List.of(new TicketRoutingQueued(tenantId, ticket.id(), ticket.customerId(),
                        teamId, matching.size(), now)));
            }
            return new RoutingOutcome(Ticket.of(ticket), null);
        }
        TeamMember agent = chosen.get();
        Optional<AgentSlotRecord> slot = Optional.ofNullable(slots.get(agent.id()));
        int active = open.getOrDefault(agent.id(), 0) + 1;
        StoredTickets.RoutedSlot saved = new StoredTickets.RoutedSlot(new AgentSlotRecord(tenantId,
                slot.map(AgentSlotRecord::id).orElseGet(() -> context.ids().next()), 1,
                slot.map(AgentSlotRecord::createdAt).orElse(now), now, agent.id(), now, active),
                slot.map(AgentSlotRecord::version).orElse(0L));
        Optional<WaitingTicketRecord> entry = waited != null ? Optional.of(waited)
                : routing.waitingTicket(tenantId, ticket.id());
        // the assignment saves the slot first (the write that can conflict), and the queue entry goes after it: a
        // conflict leaves the ticket waiting, with nothing of this routing written
        Ticket assigned = tickets.assignRouted(ticket, agent.id(), now, new TicketRouted(tenantId, ticket.id(),
                ticket.customerId(), agent.id(), ticket.assigneeId(), teamId, active,
                agent.capacity(), entry.map(WaitingTicketRecord::waitingSince).orElse(null), now), saved);
        if (entry.isPresent()) {
            routing.dequeue(tenantId, ticket.id());
        }
        return new RoutingOutcome(assigned, agent.id());
    }

    /** The available members of the routing roles and team with the skills and language, in id order. */
    private List<TeamMember> matching(RoutingRequirement requirement, UUID teamId, Instant now, UUID excluded) {
        MemberFilter filter = MemberFilter.everyone().withRoles(settings.roles());
        if (teamId != null) {
            filter = filter.inTeam(teamId);
        }
        if (!requirement.skills().isEmpty()) {
            filter = filter.withSkill(requirement.skills().iterator().next());
        }
        if (requirement.language() != null) {
            filter = filter.speaking(requirement.language());
        }
        List<TeamMember> members = new ArrayList<>();
        PageRequest request = PageRequest.first(PAGE);
        while (true) {
            Page<TeamMember> page = team.availableMembers(filter, now, request);
            page.items().stream()
                    .filter(m -> !m.id().equals(excluded) && m.skills().containsAll(requirement.skills()))
                    .forEach(members::add);
            if (page.next().isEmpty()) {
                break;
            }
            request = request.next(page.next().get());
        }
        return members;
    }

    private Map<UUID, AgentSlotRecord> slots(List<TeamMember> members) {
        Map<UUID, AgentSlotRecord> slots = new HashMap<>();
        List<UUID> ids = members.stream().map(TeamMember::id).toList();
        for (int from = 0; from < ids.size(); from += PageRequest.MAX_LIMIT) {
            slots.putAll(routing.slots(tenantId,
                    ids.subList(from, Math.min(ids.size(), from + PageRequest.MAX_LIMIT))));
        }
        return slots;
    }

    /** Locks the ticket for the unit and reads it, once; refuses one that is resolved or closed. */
    private TicketRecord locked(UUID ticketId) {
        TicketRecord ticket = ticketStore.lockAndGet(tenantId, ticketId);
        if (!ticket.state().isActive()) {
            throw new ValidationException("ticketId", "is " + ticket.state() + ", not active");
        }
        return ticket;
    }

    /** Locks the ticket for the unit and reads it, or empty when it is gone. */
    private Optional<TicketRecord> lockedIfPresent(UUID ticketId) {
        try {
            return Optional.of(ticketStore.lockAndGet(tenantId, ticketId));
        } catch (NotFoundException e) {
            return Optional.empty();
        }
    }

    private <T> T inTransaction(Supplier<T> work) {
        return context.storage().transactions().inTransaction(work);
    }
}
