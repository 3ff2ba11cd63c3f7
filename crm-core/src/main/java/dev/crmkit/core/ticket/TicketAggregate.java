package dev.crmkit.core.ticket;

import dev.crmkit.model.IllegalTransitionException;
import dev.crmkit.model.ValidationException;
import dev.crmkit.model.ticket.MilestoneKind;
import dev.crmkit.model.ticket.TicketPriority;
import dev.crmkit.model.ticket.TicketState;
import dev.crmkit.spi.ticket.MilestoneRecord;
import dev.crmkit.spi.ticket.TicketRecord;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
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
 * Assigning and changing the priority (any state but CLOSED) and responding (any active state) move no state; the
 * customer's reply (any active state) is the resume move from WAITING_ON_CUSTOMER and moves no other state. Every refusal is an
 * {@link IllegalTransitionException} naming both states, or a {@link ValidationException} naming the field, thrown before anything changed.
 *
 * <p><b>Milestones.</b> With a {@link ServiceLevel} whose policy has targets, the ticket is measured against
 * service-level milestones ({@link MilestoneRecord}s, loaded with it), each a clock of business time on the ticket's
 * calendar. One rule runs them: <em>a clock runs while the ticket is active and not waiting on the customer</em>. So
 * after every move each open milestone is paused (to WAITING_ON_CUSTOMER), resumed (to any other active state; its due
 * time moves by the paused business time) or completed (to RESOLVED or CLOSED). Besides: opening starts the
 * first-response and resolution milestones; {@link #respond an agent's public response} completes the open
 * first- or next-response milestone; {@link #customerReplied the customer's reply} resumes a ticket waiting on the
 * customer and starts a next-response milestone when no response is due; reopening starts a new resolution milestone;
 * a priority change gives open milestones the new priority's targets. A milestone whose policy has no target for the
 * ticket is not started. The clock arithmetic is in the static methods at the end ({@link #pause}, {@link #resume},
 * {@link #complete}, {@link #retarget}, {@link #timeLeft}, {@link #breached}): pausing and resuming never brings a
 * due time forward, a milestone completed by its due time is never breached, and the time left never grows while the
 * clock runs ({@code MilestoneClockPropertyTest}).
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
    private final List<MilestoneRecord> milestones;
    private final ServiceLevel level;

    /** A ticket measured against no milestones. */
    TicketAggregate(TicketRecord ticket) {
        this(ticket, List.of(), ServiceLevel.NONE);
    }

    /** A ticket with its milestones, measured as {@code level} says. */
    TicketAggregate(TicketRecord ticket, List<MilestoneRecord> milestones, ServiceLevel level) {
        this.ticket = ticket;
        this.milestones = List.copyOf(milestones);
        this.level = level;
    }

    /** The record the ticket holds. */
    TicketRecord record() {
        return ticket;
    }

    /** The milestones it was loaded with. */
    List<MilestoneRecord> milestones() {
        return milestones;
    }

    /**
     * A ticket opened now from the validated command, in state NEW, with the priority the tenant's rules (or the
     * agent) gave it, and its first-response and resolution milestones started when the policy has targets for them.
     * Records {@link TicketOpened} with the priority's reason, then a {@link TicketMilestoneStarted} per milestone.
     */
    static TicketChange open(String tenantId, UUID id, OpenTicket command, PriorityRules.Prioritized priority,
            ServiceLevel level, Instant now) {
        TicketRecord opened = new TicketRecord(tenantId, id, 1, now, now, command.kind(), command.channel(),
                command.customerId(), command.contactPersonId(), priority.priority(), null, TicketState.NEW,
                command.content(), command.productReturn(), null, null, null);
        List<TicketEvent> events = new ArrayList<>(List.of(new TicketOpened(tenantId, id, command.customerId(),
                command.contactPersonId(), command.kind(), command.channel(), priority.priority(), priority.reason(),
                now)));
        List<MilestoneRecord> started = new ArrayList<>();
        for (MilestoneKind kind : List.of(MilestoneKind.FIRST_RESPONSE, MilestoneKind.RESOLUTION)) {
            start(opened, kind, level, now, events).ifPresent(started::add);
        }
        return new TicketChange(null, opened, started, List.of(), events);
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
        List<TicketEvent> events = new ArrayList<>(List.of(new TicketReopened(ticket.tenantId(), ticket.id(),
                ticket.customerId(), ticket.state(), ticket.resolvedAt(), now)));
        List<MilestoneRecord> started = new ArrayList<>();
        start(reopened, MilestoneKind.RESOLUTION, level, now, events).ifPresent(started::add);
        return clocksAfter(reopened, started, events, now);
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
        return clocksAfter(merged, List.of(), new ArrayList<>(List.of(new TicketMerged(ticket.tenantId(), ticket.id(),
                ticket.customerId(), into.id(), ticket.state(), now))), now);
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
        return prioritized(priority, true, agentId, reasonCode, now);
    }

    /**
     * An escalation raises the ticket's priority one step ({@code LOW} to {@code NORMAL} and so on); an
     * {@code URGENT} or closed ticket stays as it is. Records {@link TicketPriorityChanged} with {@code override} false,
     * no agent and the reason code given, then the milestones' retargeting, as {@link #changePriority} does.
     */
    TicketChange raisePriority(String reasonCode, Instant now) {
        if (ticket.state() == TicketState.CLOSED || ticket.priority() == TicketPriority.URGENT) {
            return TicketChange.none(ticket);
        }
        return prioritized(TicketPriority.values()[ticket.priority().ordinal() + 1], false, null, reasonCode, now);
    }

    /** The ticket at another priority, its open milestones given the new priority's targets. */
    private TicketChange prioritized(TicketPriority priority, boolean override, UUID agentId, String reasonCode,
            Instant now) {
        TicketRecord changed = with(ticket.state(), ticket.assigneeId(), priority, ticket.resolvedAt(),
                ticket.closedAt(), ticket.mergedInto(), now);
        List<TicketEvent> events = new ArrayList<>(List.of(new TicketPriorityChanged(ticket.tenantId(), ticket.id(),
                ticket.customerId(), ticket.priority(), priority, override, agentId, reasonCode, now)));
        List<MilestoneRecord> updated = new ArrayList<>();
        for (MilestoneRecord m : milestones) {
            Optional<Duration> target = m.isCompleted() ? Optional.empty() : level.target(m.kind(), priority);
            if (target.isPresent() && !target.get().equals(m.target())) {
                MilestoneRecord next = retarget(m, target.get(), level.calendar(), now);
                updated.add(next);
                events.add(changedEvent(next, MilestoneChange.RETARGETED, now));
            }
        }
        return new TicketChange(ticket, changed, List.of(), updated, events);
    }

    /**
     * An agent answered the customer publicly: completes the open first-response and next-response milestones.
     * Records {@link TicketResponded}, then a {@link TicketMilestoneCompleted} per milestone completed.
     *
     * @throws IllegalTransitionException when the ticket is resolved or closed
     */
    TicketChange respond(UUID agentId, Instant now) {
        if (!ticket.state().isActive()) {
            throw new IllegalTransitionException("ticket", ticket.state(), "responded");
        }
        TicketRecord responded = with(ticket.state(), ticket.assigneeId(), ticket.priority(), null, null, null, now);
        List<TicketEvent> events = new ArrayList<>(List.of(new TicketResponded(ticket.tenantId(), ticket.id(),
                ticket.customerId(), agentId, now)));
        List<MilestoneRecord> updated = new ArrayList<>();
        for (MilestoneRecord m : milestones) {
            if (!m.isCompleted() && m.kind() != MilestoneKind.RESOLUTION) {
                MilestoneRecord done = complete(m, level.calendar(), now);
                updated.add(done);
                events.add(completedEvent(done, now));
            }
        }
        return new TicketChange(ticket, responded, List.of(), updated, events);
    }

    /**
     * The customer replied: a ticket waiting on the customer moves to OPEN (its clocks resume, by the RESUME move of
     * the table), and a next-response milestone starts when no first or next response is due. Records
     * {@link TicketCustomerReplied}, then the milestones' events.
     *
     * @throws IllegalTransitionException when the ticket is resolved or closed
     */
    TicketChange customerReplied(Instant now) {
        if (!ticket.state().isActive()) {
            throw new IllegalTransitionException("ticket", ticket.state(), "replied to");
        }
        TicketState to = ticket.state() == TicketState.WAITING_ON_CUSTOMER ? Move.RESUME.to() : ticket.state();
        TicketRecord replied = with(to, ticket.assigneeId(), ticket.priority(), null, null, null, now);
        List<TicketEvent> events = new ArrayList<>(List.of(new TicketCustomerReplied(ticket.tenantId(), ticket.id(),
                ticket.customerId(), ticket.state(), to, now)));
        List<MilestoneRecord> started = new ArrayList<>();
        boolean responseDue = milestones.stream().anyMatch(m -> !m.isCompleted()
                && m.kind() != MilestoneKind.RESOLUTION);
        if (!responseDue) {
            start(replied, MilestoneKind.NEXT_RESPONSE, level, now, events).ifPresent(started::add);
        }
        return clocksAfter(replied, started, events, now);
    }

    // ---- the rules behind the behaviours -----------------------------------------------------------------------

    /** A plain move of the table: checked, then the new state with its times. Records {@link TicketStateChanged}. */
    private TicketChange move(Move move, Instant now) {
        check(move);
        Instant resolvedAt = move.to() == TicketState.RESOLVED ? now : ticket.resolvedAt();
        Instant closedAt = move.to() == TicketState.CLOSED ? now : null;
        TicketRecord moved = with(move.to(), ticket.assigneeId(), ticket.priority(), resolvedAt, closedAt, null, now);
        return clocksAfter(moved, List.of(), new ArrayList<>(List.of(new TicketStateChanged(ticket.tenantId(),
                ticket.id(), ticket.customerId(), ticket.state(), move.to(), now))), now);
    }

    /**
     * The change to {@code after}, with the ticket's open milestones run by the one rule: paused while it waits on the
     * customer, completed once it is resolved or closed, running otherwise. Adds their events to {@code events}.
     */
    private TicketChange clocksAfter(TicketRecord after, List<MilestoneRecord> started, List<TicketEvent> events,
            Instant now) {
        List<MilestoneRecord> updated = new ArrayList<>();
        for (MilestoneRecord m : milestones) {
            if (m.isCompleted()) {
                continue;
            }
            if (!after.state().isActive()) {
                MilestoneRecord done = complete(m, level.calendar(), now);
                updated.add(done);
                events.add(completedEvent(done, now));
            } else if (after.state() == TicketState.WAITING_ON_CUSTOMER && m.isRunning()) {
                MilestoneRecord paused = pause(m, level.calendar(), now);
                updated.add(paused);
                events.add(changedEvent(paused, MilestoneChange.PAUSED, now));
            } else if (after.state() != TicketState.WAITING_ON_CUSTOMER && !m.isRunning()) {
                MilestoneRecord resumed = resume(m, level.calendar(), now);
                updated.add(resumed);
                events.add(changedEvent(resumed, MilestoneChange.RESUMED, now));
            }
        }
        return new TicketChange(ticket, after, started, updated, events);
    }

    /** Starts the milestone on {@code t} when the policy has a target for it, adding its event to {@code events}. */
    private static Optional<MilestoneRecord> start(TicketRecord t, MilestoneKind kind, ServiceLevel level,
            Instant now, List<TicketEvent> events) {
        return level.target(kind, t.priority()).map(target -> {
            MilestoneRecord m = started(t.tenantId(), level.ids().get(), t.id(), kind, target, level.calendar(), now);
            events.add(new TicketMilestoneStarted(t.tenantId(), t.id(), t.customerId(), m.id(), kind, m.target(),
                    m.dueAt(), now));
            return m;
        });
    }

    private TicketMilestoneChanged changedEvent(MilestoneRecord m, MilestoneChange change, Instant now) {
        return new TicketMilestoneChanged(ticket.tenantId(), ticket.id(), ticket.customerId(), m.id(), m.kind(), change,
                m.target(), m.dueAt(), m.breached(), now);
    }

    private TicketMilestoneCompleted completedEvent(MilestoneRecord m, Instant now) {
        return new TicketMilestoneCompleted(ticket.tenantId(), ticket.id(), ticket.customerId(), m.id(), m.kind(),
                m.elapsed(), m.breached(), now);
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

    // ---- the clock of a milestone, in business time of a calendar ------------------------------------------------

    /** A milestone started at {@code now}: nothing counted, running, due when {@code target} of business time passed. */
    static MilestoneRecord started(String tenantId, UUID id, UUID ticketId, MilestoneKind kind, Duration target,
            BusinessCalendar calendar, Instant now) {
        return new MilestoneRecord(tenantId, id, 1, now, now, ticketId, kind, target, Duration.ZERO, now,
                calendar.add(now, target), null, false);
    }

    /**
     * The milestone's clock stopped at {@code now}, having counted the business time since it last started; breached
     * when {@code now} is after its due time. A paused or completed milestone stays as it is.
     */
    static MilestoneRecord pause(MilestoneRecord m, BusinessCalendar calendar, Instant now) {
        if (!m.isRunning()) {
            return m;
        }
        return new MilestoneRecord(m.tenantId(), m.id(), m.version(), m.createdAt(), now, m.ticketId(), m.kind(),
                m.target(), elapsed(m, calendar, now), null, null, null, breached(m, now));
    }

    /**
     * The paused milestone's clock running again from {@code now}: due when the business time it has left passed
     * (at once when none is left). A running or completed milestone stays as it is.
     */
    static MilestoneRecord resume(MilestoneRecord m, BusinessCalendar calendar, Instant now) {
        if (m.isRunning() || m.isCompleted()) {
            return m;
        }
        return new MilestoneRecord(m.tenantId(), m.id(), m.version(), m.createdAt(), now, m.ticketId(), m.kind(),
                m.target(), m.elapsed(), now, calendar.add(now, left(m.target(), m.elapsed())), null, m.breached());
    }

    /**
     * The milestone reached at {@code now}: its clock stopped (as {@link #pause}), completed, breached when it was
     * reached after its due time (or was breached before). A completed milestone stays as it is.
     */
    static MilestoneRecord complete(MilestoneRecord m, BusinessCalendar calendar, Instant now) {
        if (m.isCompleted()) {
            return m;
        }
        MilestoneRecord stopped = pause(m, calendar, now);
        return new MilestoneRecord(m.tenantId(), m.id(), m.version(), m.createdAt(), now, m.ticketId(), m.kind(),
                m.target(), stopped.elapsed(), null, null, now, stopped.breached());
    }

    /**
     * The open milestone with another target from {@code now}: a running clock is due when the new target's business
     * time, less what it counted, has passed since it last started; a breach under the old target up to {@code now}
     * stays. A completed milestone stays as it is.
     */
    static MilestoneRecord retarget(MilestoneRecord m, Duration target, BusinessCalendar calendar, Instant now) {
        if (m.isCompleted()) {
            return m;
        }
        Instant dueAt = m.isRunning() ? calendar.add(m.runningSince(), left(target, m.elapsed())) : null;
        return new MilestoneRecord(m.tenantId(), m.id(), m.version(), m.createdAt(), now, m.ticketId(), m.kind(),
                target, m.elapsed(), m.runningSince(), dueAt, null, breached(m, now));
    }

    /** The business time the milestone's clock counted by {@code now} (a clock behind its start counts nothing). */
    static Duration elapsed(MilestoneRecord m, BusinessCalendar calendar, Instant now) {
        if (!m.isRunning() || !now.isAfter(m.runningSince())) {
            return m.elapsed();
        }
        return m.elapsed().plus(calendar.between(m.runningSince(), now));
    }

    /** The business time left until the target at {@code now}; negative once overdue. */
    static Duration timeLeft(MilestoneRecord m, BusinessCalendar calendar, Instant now) {
        return m.target().minus(elapsed(m, calendar, now));
    }

    /** Whether the milestone was breached, or, running, is past its due time at {@code now}. */
    static boolean breached(MilestoneRecord m, Instant now) {
        return m.breached() || m.isRunning() && now.isAfter(m.dueAt());
    }

    private static Duration left(Duration target, Duration elapsed) {
        Duration left = target.minus(elapsed);
        return left.isNegative() ? Duration.ZERO : left;
    }
}
