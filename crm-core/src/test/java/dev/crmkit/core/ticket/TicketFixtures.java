package dev.crmkit.core.ticket;

import dev.crmkit.core.Crm;
import dev.crmkit.core.common.IdGenerator;
import dev.crmkit.core.event.OutboxRelay;
import dev.crmkit.core.module.DomainModule;
import dev.crmkit.core.port.PublishedEvent;
import dev.crmkit.core.port.RecordingEventListener;
import dev.crmkit.core.touchpoint.MutableClock;
import dev.crmkit.inmemory.InMemoryStorage;
import dev.crmkit.model.customer.LifecycleStage;
import dev.crmkit.model.customer.PartyKind;
import dev.crmkit.model.team.Availability;
import dev.crmkit.model.team.TeamRole;
import dev.crmkit.model.ticket.TicketChannel;
import dev.crmkit.model.ticket.TicketKind;
import dev.crmkit.spi.customer.CustomerRecord;
import dev.crmkit.spi.customer.RelationshipRecord;
import dev.crmkit.spi.team.TeamMemberRecord;
import dev.crmkit.spi.ticket.TicketRecord;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * A {@code Crm} with every built-in domain on in-memory storage, a clock the test moves and a reopen window of
 * {@value #REOPEN_DAYS} days; customers, contact persons and agents inserted straight into storage.
 */
final class TicketFixtures {
    static final String TENANT = "acme";
    static final String OTHER_TENANT = "globex";
    static final Instant START = Instant.parse("2026-03-02T09:00:00Z");
    static final int REOPEN_DAYS = 7;

    final MutableClock clock = new MutableClock(START);
    final InMemoryStorage storage = new InMemoryStorage();
    final Crm crm;
    final TicketService tickets;
    private final RecordingEventListener published = new RecordingEventListener();
    private OutboxRelay relay;

    /** Fixtures with the reopen window and no priority rules. */
    TicketFixtures() {
        this(TicketSettings.defaults());
    }

    /** Fixtures with these settings, their reopen window replaced by {@value #REOPEN_DAYS} days. */
    TicketFixtures(TicketSettings settings) {
        this(settings, EscalationSettings.none());
    }

    /** Fixtures with these settings (their reopen window replaced by {@value #REOPEN_DAYS} days) and escalations. */
    TicketFixtures(TicketSettings settings, EscalationSettings escalation) {
        this(settings, escalation, List.of());
    }

    /** Fixtures as above with further domains (or built-in domains replaced), in order. */
    TicketFixtures(TicketSettings settings, EscalationSettings escalation, List<DomainModule> more) {
        Crm.Builder builder = Crm.builder().storage(storage).clock(clock).ids(IdGenerator.timeOrdered(clock))
                .listener(published)
                .module(new TicketModule(settings.withReopenWindow(Duration.ofDays(REOPEN_DAYS)), escalation));
        more.forEach(builder::module);
        crm = builder.build();
        tickets = crm.tenant(TENANT).service(TicketService.class);
    }

    /** A live person in the default tenant. */
    UUID person() {
        return customer(TENANT, PartyKind.PERSON, null);
    }

    /** A live organization in the default tenant. */
    UUID organization() {
        return customer(TENANT, PartyKind.ORGANIZATION, null);
    }

    /** A customer of a kind in a tenant, merged into another when {@code mergedInto} is set. */
    UUID customer(String tenantId, PartyKind kind, UUID mergedInto) {
        Instant now = clock.instant();
        UUID id = UUID.randomUUID();
        boolean person = kind == PartyKind.PERSON;
        storage.customers().insert(new CustomerRecord(tenantId, id, 1, now, now, kind,
                person ? "Anna Schmidt" : "Schmidt GmbH", null, null, person ? null : "Schmidt GmbH", null, null,
                LifecycleStage.CUSTOMER, null, Set.of(), Map.of(), mergedInto));
        return id;
    }

    /** A person linked to the organization as its buyer. */
    UUID contactOf(UUID organization) {
        UUID person = person();
        Instant now = clock.instant();
        storage.relationships().insert(new RelationshipRecord(TENANT, UUID.randomUUID(), 1, now, now, person,
                organization, "buyer"));
        return person;
    }

    /** A service agent of the default tenant. */
    UUID agent() {
        Instant now = clock.instant();
        UUID id = UUID.randomUUID();
        storage.teamMembers().insert(new TeamMemberRecord(TENANT, id, 1, now, now, "agent-" + id.toString()
                .substring(0, 8), "Agent", TeamRole.SERVICE_AGENT, null, null, Set.of(), Set.of(), Set.of(), 0, 10,
                Availability.ACTIVE, null));
        return id;
    }

    /** A complaint by e-mail of a new person, opened. */
    Ticket complaint() {
        return tickets.open(OpenTicket.of(person(), TicketKind.COMPLAINT, TicketChannel.EMAIL, "Late delivery"));
    }

    /** The stored record of a ticket. */
    TicketRecord stored(UUID ticketId) {
        return storage.tickets().get(TENANT, ticketId).orElseThrow();
    }

    /** Every outbox event not yet relayed, and those relayed before, in order. */
    List<PublishedEvent> publishAll() {
        if (relay == null) {
            relay = OutboxRelay.create(storage, clock, "test-relay", new OutboxRelay.Settings(1000,
                    Duration.ofMinutes(1), Duration.ofSeconds(1)));
            relay.register(published);
        }
        while (relay.relayOnce().claimed() > 0) {
            // until the outbox is drained
        }
        return published.received();
    }

    /**
     * Relays the outbox through the {@code Crm}'s own relay, which runs the domains' reactions too, until it is
     * drained; returns every event published so far.
     */
    List<PublishedEvent> relayWithReactions() {
        while (crm.relay().relayOnce().claimed() > 0) {
            // until the outbox is drained
        }
        return published.received();
    }

    /** The types of the events of one aggregate the outbox holds, relayed or not, in order. */
    List<String> eventTypes(UUID aggregateId) {
        return publishAll().stream().filter(e -> e.aggregateId().equals(aggregateId.toString()))
                .map(PublishedEvent::type).toList();
    }

    /** Events waiting in the outbox. */
    long outbox() {
        return storage.outbox().countUndelivered();
    }
}
