package dev.crmkit.core.ticket;

import dev.crmkit.core.common.DomainEvent;
import dev.crmkit.core.module.DomainContext;
import dev.crmkit.model.Checks;
import dev.crmkit.model.ConflictException;
import dev.crmkit.model.DuplicateException;
import dev.crmkit.model.NotFoundException;
import dev.crmkit.model.Page;
import dev.crmkit.model.PageRequest;
import dev.crmkit.model.ValidationException;
import dev.crmkit.model.customer.PartyKind;
import dev.crmkit.model.team.MemberFilter;
import dev.crmkit.model.ticket.TicketFilter;
import dev.crmkit.model.ticket.TicketPriority;
import dev.crmkit.model.ticket.TicketState;
import dev.crmkit.spi.Ids;
import dev.crmkit.spi.Storage;
import dev.crmkit.spi.customer.CustomerStorage;
import dev.crmkit.spi.idempotency.IdempotencyKey;
import dev.crmkit.spi.team.TeamMemberRecord;
import dev.crmkit.spi.team.TeamStorage;
import dev.crmkit.spi.ticket.AgentSlotRecord;
import dev.crmkit.spi.ticket.BusinessCalendarRecord;
import dev.crmkit.spi.ticket.MilestoneRecord;
import dev.crmkit.spi.ticket.ServiceLevelStorage;
import dev.crmkit.spi.ticket.SlaPolicyRecord;
import dev.crmkit.spi.ticket.TicketRecord;
import dev.crmkit.spi.ticket.TicketStore;
import dev.crmkit.spi.ticket.TicketStorage;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.BiFunction;
import java.util.function.Supplier;

/** {@link TicketService} over the storage contract. */
final class StoredTickets implements TicketService {
    /** The most relationships of a person read to find its organization; a person has few. */
    private static final int RELATIONSHIPS = 1000;
    /** The most merges a reply follows from the ticket it names; a chain longer than that ends where it stopped. */
    private static final int MAX_MERGE_HOPS = 10;
    /** The calendar of a tenant that stored none: every moment is business time. */
    private static final BusinessCalendar AROUND_THE_CLOCK = BusinessCalendar.aroundTheClock(ZoneOffset.UTC);

    private final DomainContext context;
    private final Storage storage;
    private final TicketStore tickets;
    private final String tenantId;
    private final Duration reopenWindow;
    private final List<PriorityRule> priorityRules;
    private final CustomerTier tiers;
    private final ServiceLevelStorage levels;
    private final Escalations escalations;
    private final Map<String, EscalationAction> escalationActions;

    StoredTickets(DomainContext context, String tenantId, TicketSettings settings) {
        this(context, tenantId, settings, EscalationSettings.none());
    }

    StoredTickets(DomainContext context, String tenantId, TicketSettings settings, EscalationSettings escalation) {
        this.context = context;
        this.storage = context.storage();
        this.tickets = context.storage(TicketStorage.class).tickets();
        this.tenantId = tenantId;
        this.reopenWindow = settings.reopenWindowOf(tenantId);
        this.priorityRules = settings.priorityRulesOf(tenantId);
        this.tiers = settings.customerTiers();
        this.levels = context.storage(ServiceLevelStorage.class);
        this.escalations = new Escalations(context, tenantId, escalation.policyOf(tenantId));
        this.escalationActions = escalation.actionsByName();
    }

    @Override
    public Ticket open(OpenTicket command) {
        return open(command, null);
    }

    @Override
    public Ticket open(OpenTicket c, String idempotencyKey) {
        String key = Checks.optionalText("idempotencyKey", idempotencyKey, 100);
        if (key != null && key.isBlank()) {
            throw new ValidationException("idempotencyKey", "must not be blank");
        }
        Checks.required("command", c);
        Instant now = context.now();
        return inTransaction(() -> {
            if (key != null) {
                Optional<Ticket> earlier = openedWith(key, c);
                if (earlier.isPresent()) {
                    return earlier.get();
                }
            }
            checkCustomer(c.customerId(), c.contactPersonId());
            UUID id = context.ids().next();
            if (key != null) {
                try {
                    storage.idempotency().recordAll(List.of(new IdempotencyKey(tenantId, OPEN_SCOPE, key, id, now)));
                } catch (DuplicateException e) {
                    // another node opened the ticket with this key a moment ago
                    return openedWith(key, c).orElseThrow();
                }
            }
            PriorityRules.Prioritized priority = PriorityRules.prioritize(priorityRules, tenantId, c);
            ServiceLevel level = levelOf(null, c.customerId(), List.of());
            return Ticket.of(store(TicketAggregate.open(tenantId, id, c, priority, level, now)));
        });
    }

    /** The ticket opened with this key, if any; a key used for another customer's ticket is a conflict. */
    private Optional<Ticket> openedWith(String key, OpenTicket c) {
        return storage.idempotency().findAll(tenantId, OPEN_SCOPE, List.of(key)).stream().findFirst().map(k -> {
            TicketRecord ticket = tickets.get(tenantId, k.targetId())
                    .orElseThrow(() -> new NotFoundException("ticket", k.targetId()));
            if (!ticket.customerId().equals(c.customerId())) {
                throw new ConflictException("the idempotency key was used to open a ticket of another customer");
            }
            return Ticket.of(ticket);
        });
    }

    /** The customer must be live; a contact person a live person linked to the customer, an organization. */
    private void checkCustomer(UUID customerId, UUID contactPersonId) {
        // one read of both kinds, without the customers' tags and fields: opening a ticket needs no more
        Map<UUID, PartyKind> kinds = storage.capability(CustomerStorage.class).orElseThrow().customers()
                .liveKinds(tenantId, contactPersonId == null ? List.of(customerId) : List.of(customerId,
                        contactPersonId));
        PartyKind kind = kinds.get(customerId);
        if (kind == null) {
            throw new ValidationException("customerId", "names no live customer of this tenant");
        }
        if (contactPersonId == null) {
            return;
        }
        if (kind != PartyKind.ORGANIZATION) {
            throw new ValidationException("contactPersonId", "is only for a ticket of an organization");
        }
        if (kinds.get(contactPersonId) != PartyKind.PERSON) {
            throw new ValidationException("contactPersonId", "names no live person of this tenant");
        }
        boolean linked = storage.capability(CustomerStorage.class).orElseThrow().relationships()
                .involving(tenantId, contactPersonId, RELATIONSHIPS).stream()
                .anyMatch(r -> r.personId().equals(contactPersonId) && r.organizationId().equals(customerId));
        if (!linked) {
            throw new ValidationException("contactPersonId", "names a person not linked to the organization");
        }
    }

    @Override
    public Ticket assign(UUID ticketId, UUID assigneeId) {
        Checks.id("assigneeId", assigneeId);
        return change(ticketId, (ticket, now) -> {
            if (storage.capability(TeamStorage.class).orElseThrow().teamMembers().get(tenantId, assigneeId)
                    .isEmpty()) {
                throw new ValidationException("assigneeId", "names no team member of this tenant");
            }
            return ticket.assign(assigneeId, now);
        });
    }

    /**
     * Assigns the ticket routing locked and read in the current unit to the member it chose, whom it read in this unit
     * too: {@link #assign} without reading either again, and records routing's event after the assignment's, in one
     * append. Assigning starts, moves and completes no milestone, so neither the milestones nor what they are measured
     * by are read.
     */
    Ticket assignRouted(TicketRecord locked, UUID memberId, Instant now, RoutingEvent routed, RoutedSlot slot) {
        return Ticket.of(store(new TicketAggregate(locked).assign(memberId, now), List.of(routed), slot));
    }

    /**
     * The routing slot routing chose an agent by, to be saved over the version it read with the agent's count one up,
     * in place of the count's plain increment (the version check is the capacity guard). {@code saved} is the slot as
     * it is to be stored (its version ignored), {@code expectedVersion} the version read (0: none yet).
     */
    record RoutedSlot(AgentSlotRecord saved, long expectedVersion) {
    }

    @Override
    public Ticket changePriority(UUID ticketId, TicketPriority priority, UUID agentId, String reasonCode) {
        Checks.required("priority", priority);
        Checks.id("agentId", agentId);
        Checks.required("reasonCode", reasonCode);
        if (!PriorityRule.NAME.matcher(reasonCode).matches()) {
            throw new ValidationException("reasonCode",
                    "must be a code of 1 to 50 lower-case letters, digits or '-', from a letter");
        }
        return change(ticketId, (ticket, now) -> {
            if (storage.capability(TeamStorage.class).orElseThrow().teamMembers().get(tenantId, agentId).isEmpty()) {
                throw new ValidationException("agentId", "names no team member of this tenant");
            }
            return ticket.changePriority(priority, agentId, reasonCode, now);
        });
    }

    @Override
    public Ticket start(UUID ticketId) {
        return change(ticketId, (ticket, now) -> ticket.start(now));
    }

    @Override
    public Ticket waitOnCustomer(UUID ticketId) {
        return change(ticketId, (ticket, now) -> ticket.waitOnCustomer(now));
    }

    @Override
    public Ticket waitOnThirdParty(UUID ticketId) {
        return change(ticketId, (ticket, now) -> ticket.waitOnThirdParty(now));
    }

    @Override
    public Ticket resume(UUID ticketId) {
        return change(ticketId, (ticket, now) -> ticket.resume(now));
    }

    @Override
    public Ticket resolve(UUID ticketId) {
        return change(ticketId, (ticket, now) -> ticket.resolve(now));
    }

    @Override
    public Ticket close(UUID ticketId) {
        return change(ticketId, (ticket, now) -> ticket.close(now));
    }

    @Override
    public Ticket reopen(UUID ticketId) {
        return change(ticketId, (ticket, now) -> ticket.reopen(reopenWindow, now));
    }

    @Override
    public Ticket merge(UUID ticketId, UUID intoTicketId) {
        Checks.id("ticketId", ticketId);
        Checks.id("intoTicketId", intoTicketId);
        Instant now = context.now();
        return inTransaction(() -> {
            stored(ticketId);
            if (tickets.get(tenantId, intoTicketId).isEmpty()) {
                throw new ValidationException("intoTicketId", "names no ticket of this tenant");
            }
            // both rows locked, in id order, before they are read for the check, so a concurrent change of the other
            // ticket (a close) cannot slip in between the check and the merge
            List<UUID> ids = Ids.ORDER.compare(ticketId, intoTicketId) <= 0 ? List.of(ticketId, intoTicketId)
                    : List.of(intoTicketId, ticketId);
            for (UUID id : ids) {
                tickets.lock(tenantId, id);
            }
            TicketRecord into = tickets.get(tenantId, intoTicketId).orElseThrow();
            return Ticket.of(store(load(ticketId).mergeInto(into, now)));
        });
    }

    /** Loads the ticket, calls the behaviour and stores what it did, in one transaction. */
    private Ticket change(UUID ticketId, BiFunction<TicketAggregate, Instant, TicketChange> behaviour) {
        Checks.id("ticketId", ticketId);
        Instant now = context.now();
        return inTransaction(() -> Ticket.of(store(behaviour.apply(load(ticketId), now))));
    }

    /**
     * Stores what a change left the ticket with (inserted when it was opened, else over the version read) and records
     * the change's events; a change that changed nothing writes nothing.
     */
    private TicketRecord store(TicketChange change) {
        return store(change, List.of());
    }

    /** {@link #store(TicketChange)}, recording {@code alsoRecorded} after the change's events, in one append. */
    private TicketRecord store(TicketChange change, List<? extends DomainEvent> alsoRecorded) {
        return store(change, alsoRecorded, null);
    }

    /** {@link #store(TicketChange, List)}; {@code routed}, when not null, is the slot routing saves. */
    private TicketRecord store(TicketChange change, List<? extends DomainEvent> alsoRecorded, RoutedSlot routed) {
        if (!change.changed()) {
            if (!alsoRecorded.isEmpty()) {
                context.events().record(alsoRecorded);
            }
            return change.after();
        }
        if (routed != null) {
            // routing locked the ticket when it read it: the slot's save over the version routing read, the one write
            // that can conflict, goes first, so a conflict leaves nothing of this routing written, even in an outer
            // unit that goes on (routeWaiting skips the ticket and routes the next)
            countActive(change, routed);
        }
        TicketRecord stored = change.isOpening() ? tickets.insert(change.after())
                : tickets.update(change.after(), change.before());
        if (routed == null) {
            // after the ticket's versioned update, which holds its row lock: milestones and slots change only under it
            countActive(change, null);
        }
        if (change.started().size() > 1) {
            levels.milestones().insertAll(change.started());
        } else {
            change.started().forEach(levels.milestones()::insert);
        }
        for (MilestoneRecord m : change.updated()) {
            levels.milestones().update(m, m.version());
        }
        escalations.watch(change.started(), true);
        escalations.watch(change.updated(), false);
        List<DomainEvent> events = new ArrayList<>(change.events());
        events.addAll(alsoRecorded);
        context.events().record(events);
        return stored;
    }

    /**
     * Moves the active-ticket counts on the routing slots of the agents whose active tickets the change changed: the
     * assignee before, when the ticket was active, loses it; the assignee after, when it is active, gains it. Slots are
     * written in member id order, so two units reassigning between the same two agents lock them in one order. Routing
     * ({@code routed} not null) saves its agent's slot first, before the previous assignee's: only that save can
     * conflict, and it must do so before anything of the routing is written. A routing that passes a ticket on while
     * another unit reassigns one between the same two agents the other way may then deadlock; the database breaks
     * it, and a unit CRMKit began is run again.
     */
    private void countActive(TicketChange change, RoutedSlot routed) {
        UUID lost = activeAssignee(change.before());
        UUID gained = activeAssignee(change.after());
        if (Objects.equals(lost, gained)) {
            if (routed != null) {
                throw new IllegalStateException("routing saves the slot of a ticket it assigns");
            }
            return;
        }
        Map<UUID, Integer> deltas = new TreeMap<>(Ids.ORDER);
        if (lost != null) {
            deltas.put(lost, -1);
        }
        if (gained != null) {
            deltas.put(gained, 1);
        }
        Instant now = change.after().updatedAt();
        if (routed != null) {
            if (!routed.saved().memberId().equals(gained)) {
                throw new IllegalStateException("routing saves the slot of the agent it assigns the ticket to");
            }
            // the versioned save first, whatever the member ids' order: see store
            levels.routing().saveSlot(routed.saved(), routed.expectedVersion());
            deltas.remove(routed.saved().memberId());
        }
        deltas.forEach((memberId, delta) ->
                levels.routing().addActiveTickets(tenantId, memberId, delta, context.ids().next(), now));
    }

    /** The ticket's assignee when the ticket is active and assigned, else null (also for no ticket). */
    private static UUID activeAssignee(TicketRecord ticket) {
        return ticket == null || !ticket.state().isActive() ? null : ticket.assigneeId();
    }

    @Override
    public Ticket ticket(UUID ticketId) {
        Checks.id("ticketId", ticketId);
        return Ticket.of(stored(ticketId));
    }

    @Override
    public Page<Ticket> tickets(TicketFilter filter, PageRequest page) {
        Checks.required("filter", filter);
        Checks.required("page", page);
        Page<TicketRecord> records = tickets.find(tenantId, filter, page);
        return new Page<>(records.items().stream().map(Ticket::of).toList(), records.next());
    }

    private TicketRecord stored(UUID id) {
        return tickets.get(tenantId, id).orElseThrow(() -> new NotFoundException("ticket", id));
    }

    /** The ticket with its milestones and what they are measured by. */
    private TicketAggregate load(UUID id) {
        TicketRecord ticket = stored(id);
        List<MilestoneRecord> milestones = levels.milestones().ofTicket(tenantId, id);
        return new TicketAggregate(ticket, milestones, levelOf(ticket.assigneeId(), ticket.customerId(), milestones));
    }

    /**
     * What a ticket's milestones are measured by: none without a policy (and without milestones, the cheap path);
     * else the calendar in force for its assignee, the policy, and its customer's tier, asked at most once and only
     * when a target names tiers.
     */
    private ServiceLevel levelOf(UUID assigneeId, UUID customerId, List<MilestoneRecord> milestones) {
        SlaPolicy policy = levels.slaPolicies().get(tenantId).map(p -> new SlaPolicy(p.targets()))
                .orElse(SlaPolicy.none());
        if (policy.targets().isEmpty() && milestones.isEmpty()) {
            return ServiceLevel.NONE;
        }
        Supplier<String> tier = new Supplier<>() {
            private Optional<String> known;

            @Override
            public String get() {
                if (known == null) {
                    Optional<String> answer = tiers.tierOf(tenantId, customerId);
                    known = answer == null ? Optional.empty() : answer;
                }
                return known.orElse(null);
            }
        };
        return new ServiceLevel(calendarFor(assigneeId, new HashMap<>()), policy, tier, () -> context.ids().next());
    }

    /** The calendar of the assignee's team, else the tenant's, else around the clock; cached by team in {@code seen}. */
    private BusinessCalendar calendarFor(UUID assigneeId, Map<Optional<UUID>, BusinessCalendar> seen) {
        Optional<UUID> teamId = assigneeId == null ? Optional.empty()
                : storage.capability(TeamStorage.class).orElseThrow().teamMembers().get(tenantId, assigneeId)
                        .map(TeamMemberRecord::teamId);
        return seen.computeIfAbsent(teamId, team -> team.flatMap(t -> levels.calendars().get(tenantId, t))
                .or(() -> levels.calendars().get(tenantId, null)).map(Calendars::calendar).orElse(AROUND_THE_CLOCK));
    }

    @Override
    public Ticket respond(UUID ticketId, UUID agentId) {
        Checks.id("agentId", agentId);
        return change(ticketId, (ticket, now) -> {
            if (storage.capability(TeamStorage.class).orElseThrow().teamMembers().get(tenantId, agentId).isEmpty()) {
                throw new ValidationException("agentId", "names no team member of this tenant");
            }
            return ticket.respond(agentId, now);
        });
    }

    @Override
    public Ticket customerReplied(UUID ticketId) {
        return change(ticketId, (ticket, now) -> ticket.customerReplied(now));
    }

    @Override
    public Ticket replyReceived(String threadRef, String inboundMessageId) {
        UUID referenced = TicketThread.ticketOf(threadRef)
                .orElseThrow(() -> new ValidationException("threadRef", "holds no ticket reference"));
        String key = Checks.text("inboundMessageId", inboundMessageId, MAX_INBOUND_ID);
        if (key.isBlank()) {
            throw new ValidationException("inboundMessageId", "must not be blank");
        }
        Instant now = context.now();
        return inTransaction(() -> {
            Optional<Ticket> earlier = repliedWith(key);
            if (earlier.isPresent()) {
                return earlier.get();
            }
            UUID ticketId = referenced;
            TicketRecord ticket = stored(ticketId);
            for (int hops = 0; ticket.mergedInto() != null && hops < MAX_MERGE_HOPS; hops++) {
                ticketId = ticket.mergedInto();
                ticket = stored(ticketId);
            }
            TicketAggregate loaded = load(ticketId);
            TicketState state = loaded.record().state();
            TicketChange change = state == TicketState.RESOLVED || state == TicketState.CLOSED
                    ? loaded.reopen(reopenWindow, now) : loaded.customerReplied(now);
            try {
                storage.idempotency().recordAll(List.of(new IdempotencyKey(tenantId, REPLY_SCOPE, key, ticketId,
                        now)));
            } catch (DuplicateException e) {
                // another node recorded this reply a moment ago
                return repliedWith(key).orElseThrow();
            }
            return Ticket.of(store(change));
        });
    }

    /** The ticket the inbound message with this id reached, if it was received before. */
    private Optional<Ticket> repliedWith(String key) {
        return storage.idempotency().findAll(tenantId, REPLY_SCOPE, List.of(key)).stream().findFirst()
                .map(k -> Ticket.of(stored(k.targetId())));
    }

    @Override
    public List<Milestone> milestones(UUID ticketId) {
        Checks.id("ticketId", ticketId);
        Instant now = context.now();
        return inTransaction(() -> {
            TicketRecord ticket = stored(ticketId);
            BusinessCalendar calendar = calendarFor(ticket.assigneeId(), new HashMap<>());
            return levels.milestones().ofTicket(tenantId, ticketId).stream()
                    .map(m -> milestone(m, calendar, now)).toList();
        });
    }

    @Override
    public Page<Milestone> milestonesDueBefore(Instant before, PageRequest page) {
        Checks.required("before", before);
        Checks.required("page", page);
        Instant now = context.now();
        return inTransaction(() -> {
            Page<MilestoneRecord> due = levels.milestones().dueBefore(tenantId, before, page);
            Map<Optional<UUID>, BusinessCalendar> seen = new HashMap<>();
            List<Milestone> items = due.items().stream().map(m -> milestone(m, calendarFor(
                    tickets.get(tenantId, m.ticketId()).map(TicketRecord::assigneeId).orElse(null), seen), now))
                    .toList();
            return new Page<>(items, due.next());
        });
    }

    private static Milestone milestone(MilestoneRecord m, BusinessCalendar calendar, Instant now) {
        return new Milestone(m.id(), m.ticketId(), m.kind(), m.target(), m.dueAt(),
                TicketAggregate.timeLeft(m, calendar, now), m.completedAt(), TicketAggregate.breached(m, now),
                m.isRunning());
    }

    @Override
    public StoredCalendar saveCalendar(UUID teamId, BusinessCalendar calendar, long expectedVersion) {
        Checks.required("calendar", calendar);
        checkExpected(expectedVersion);
        Instant now = context.now();
        BusinessCalendarRecord draft = Calendars.record(tenantId, context.ids().next(), teamId, calendar, now);
        return inTransaction(() -> {
            if (teamId != null && storage.capability(TeamStorage.class).orElseThrow().teams().get(tenantId, teamId)
                    .isEmpty()) {
                throw new ValidationException("teamId", "names no team of this tenant");
            }
            BusinessCalendarRecord saved = levels.calendars().save(draft, expectedVersion);
            context.events().record(new BusinessCalendarSaved(tenantId, saved.id(), teamId, saved.version(),
                    saved.zone(), saved.hours().size(), saved.holidays().size(), now));
            return Calendars.stored(saved);
        });
    }

    @Override
    public StoredCalendar calendar(UUID teamId) {
        return levels.calendars().get(tenantId, teamId).map(Calendars::stored)
                .orElseThrow(() -> new NotFoundException("business calendar", teamId == null ? "of the tenant"
                        : teamId));
    }

    @Override
    public StoredSlaPolicy saveSlaPolicy(SlaPolicy policy, long expectedVersion) {
        Checks.required("policy", policy);
        checkExpected(expectedVersion);
        Instant now = context.now();
        SlaPolicyRecord draft = new SlaPolicyRecord(tenantId, context.ids().next(), 1, now, now, policy.targets());
        return inTransaction(() -> {
            SlaPolicyRecord saved = levels.slaPolicies().save(draft, expectedVersion);
            context.events().record(new SlaPolicySaved(tenantId, saved.id(), saved.version(), saved.targets().size(),
                    now));
            return stored(saved);
        });
    }

    @Override
    public StoredSlaPolicy slaPolicy() {
        return levels.slaPolicies().get(tenantId).map(StoredTickets::stored)
                .orElseThrow(() -> new NotFoundException("sla policy", "of the tenant"));
    }

    private static StoredSlaPolicy stored(SlaPolicyRecord p) {
        return new StoredSlaPolicy(p.id(), p.version(), p.updatedAt(), new SlaPolicy(p.targets()));
    }

    private static void checkExpected(long expectedVersion) {
        if (expectedVersion < 0) {
            throw new ValidationException("expectedVersion", "must be 0 (none stored yet) or more");
        }
    }

    /**
     * Runs a milestone's escalation moment {@code before} its due time, in a unit of its own that locks the ticket: at
     * the due time records the breach, then runs the policy's steps for the moment. Does nothing when the ticket or
     * milestone is gone, the milestone no longer runs, its moment has not come (its due time moved later), or the
     * moment ran already.
     */
    void escalate(UUID ticketId, UUID milestoneId, Duration before) {
        storage.transactions().run(() -> {
            try {
                tickets.lock(tenantId, ticketId);
            } catch (NotFoundException e) {
                return;
            }
            Instant now = context.now();
            TicketAggregate ticket = load(ticketId);
            Optional<MilestoneRecord> running = ticket.milestones().stream()
                    .filter(m -> m.id().equals(milestoneId) && m.isRunning()).findFirst();
            if (running.isEmpty() || running.get().dueAt().minus(before).isAfter(now)
                    || !escalations.claim(running.get(), before, now)) {
                return;
            }
            runSteps(ticket, running.get(), before, now);
        });
    }

    private void runSteps(TicketAggregate loaded, MilestoneRecord m, Duration before, Instant now) {
        TicketAggregate ticket = loaded;
        TicketRecord t = ticket.record();
        if (before.isZero()) {
            context.events().record(new TicketMilestoneBreached(tenantId, t.id(), t.customerId(), m.id(), m.kind(),
                    m.target(), m.dueAt(), now));
        }
        for (EscalationStep step : escalations.policy().stepsFor(m.kind(), t.priority(), before)) {
            context.events().record(new TicketEscalated(tenantId, t.id(), t.customerId(), m.id(), m.kind(),
                    ticket.record().priority(), before, m.dueAt(), step.actions(), now));
            for (String name : step.actions()) {
                TicketRecord current = ticket.record();
                UUID teamId = teamOf(current.assigneeId());
                Optional<EscalationAction.Effect> effect = escalationActions.get(name)
                        .effect(new Escalating(Ticket.of(current), m.kind(), before, m.dueAt(), teamId));
                if (effect == null || effect.isEmpty()) {
                    continue;
                }
                if (effect.get() instanceof EscalationAction.Effect.Notify) {
                    context.events().record(new TicketEscalationNotified(tenantId, t.id(), t.customerId(), m.id(),
                            m.kind(), before, current.assigneeId(), teamId, now));
                } else if (effect.get() instanceof EscalationAction.Effect.RaisePriority) {
                    store(ticket.raisePriority(EscalationActions.ESCALATION, now));
                    ticket = load(t.id());
                } else if (effect.get() instanceof EscalationAction.Effect.ReassignToTeam to) {
                    Optional<UUID> member = availableMemberOf(to.teamId(), now)
                            .filter(id -> !id.equals(current.assigneeId()));
                    if (member.isPresent()) {
                        store(ticket.assign(member.get(), now));
                        ticket = load(t.id());
                    }
                }
            }
        }
    }

    /** The assignee's team, or null. */
    private UUID teamOf(UUID assigneeId) {
        return assigneeId == null ? null : storage.capability(TeamStorage.class).orElseThrow().teamMembers()
                .get(tenantId, assigneeId).map(TeamMemberRecord::teamId).orElse(null);
    }

    /** The first member of the team, in id order, who takes new work at {@code now}. */
    private Optional<UUID> availableMemberOf(UUID teamId, Instant now) {
        return storage.capability(TeamStorage.class).orElseThrow().teamMembers()
                .find(tenantId, MemberFilter.everyone().inTeam(teamId).available(now), PageRequest.first(1))
                .items().stream().findFirst().map(TeamMemberRecord::id);
    }

    private <T> T inTransaction(Supplier<T> work) {
        return storage.transactions().inTransaction(work);
    }
}
