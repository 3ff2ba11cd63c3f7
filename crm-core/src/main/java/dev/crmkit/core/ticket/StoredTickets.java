package dev.crmkit.core.ticket;

import dev.crmkit.core.module.DomainContext;
import dev.crmkit.model.Checks;
import dev.crmkit.model.ConflictException;
import dev.crmkit.model.DuplicateException;
import dev.crmkit.model.NotFoundException;
import dev.crmkit.model.Page;
import dev.crmkit.model.PageRequest;
import dev.crmkit.model.ValidationException;
import dev.crmkit.model.customer.PartyKind;
import dev.crmkit.model.ticket.TicketFilter;
import dev.crmkit.model.ticket.TicketPriority;
import dev.crmkit.spi.Ids;
import dev.crmkit.spi.Storage;
import dev.crmkit.spi.customer.CustomerRecord;
import dev.crmkit.spi.customer.CustomerStorage;
import dev.crmkit.spi.idempotency.IdempotencyKey;
import dev.crmkit.spi.team.TeamStorage;
import dev.crmkit.spi.ticket.TicketRecord;
import dev.crmkit.spi.ticket.TicketStore;
import dev.crmkit.spi.ticket.TicketStorage;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.BiFunction;
import java.util.function.Supplier;

/** {@link TicketService} over the storage contract. */
final class StoredTickets implements TicketService {
    /** The most relationships of a person read to find its organization; a person has few. */
    private static final int RELATIONSHIPS = 1000;

    private final DomainContext context;
    private final Storage storage;
    private final TicketStore tickets;
    private final String tenantId;
    private final Duration reopenWindow;
    private final List<PriorityRule> priorityRules;

    StoredTickets(DomainContext context, String tenantId, TicketSettings settings) {
        this.context = context;
        this.storage = context.storage();
        this.tickets = context.storage(TicketStorage.class).tickets();
        this.tenantId = tenantId;
        this.reopenWindow = settings.reopenWindowOf(tenantId);
        this.priorityRules = settings.priorityRulesOf(tenantId);
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
            return Ticket.of(store(TicketAggregate.open(tenantId, id, c, priority, now)));
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
        CustomerRecord customer = live(customerId)
                .orElseThrow(() -> new ValidationException("customerId", "names no live customer of this tenant"));
        if (contactPersonId == null) {
            return;
        }
        if (customer.kind() != PartyKind.ORGANIZATION) {
            throw new ValidationException("contactPersonId", "is only for a ticket of an organization");
        }
        if (live(contactPersonId).filter(p -> p.kind() == PartyKind.PERSON).isEmpty()) {
            throw new ValidationException("contactPersonId", "names no live person of this tenant");
        }
        boolean linked = storage.capability(CustomerStorage.class).orElseThrow().relationships()
                .involving(tenantId, contactPersonId, RELATIONSHIPS).stream()
                .anyMatch(r -> r.personId().equals(contactPersonId) && r.organizationId().equals(customerId));
        if (!linked) {
            throw new ValidationException("contactPersonId", "names a person not linked to the organization");
        }
    }

    private Optional<CustomerRecord> live(UUID id) {
        return storage.capability(CustomerStorage.class).orElseThrow().customers().get(tenantId, id)
                .filter(c -> c.mergedInto() == null);
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
            load(ticketId);
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
        if (!change.changed()) {
            return change.after();
        }
        TicketRecord stored = change.isOpening() ? tickets.insert(change.after())
                : tickets.update(change.after(), change.before().version());
        context.events().record(change.events());
        return stored;
    }

    @Override
    public Ticket ticket(UUID ticketId) {
        Checks.id("ticketId", ticketId);
        return Ticket.of(load(ticketId).record());
    }

    @Override
    public Page<Ticket> tickets(TicketFilter filter, PageRequest page) {
        Checks.required("filter", filter);
        Checks.required("page", page);
        Page<TicketRecord> records = tickets.find(tenantId, filter, page);
        return new Page<>(records.items().stream().map(Ticket::of).toList(), records.next());
    }

    private TicketAggregate load(UUID id) {
        return new TicketAggregate(tickets.get(tenantId, id).orElseThrow(() -> new NotFoundException("ticket", id)));
    }

    private <T> T inTransaction(Supplier<T> work) {
        return storage.transactions().inTransaction(work);
    }
}
