package dev.crmkit.core.ticket;

import dev.crmkit.core.Crm;
import dev.crmkit.core.common.IdGenerator;
import dev.crmkit.core.event.OutboxRelay;
import dev.crmkit.core.port.PublishedEvent;
import dev.crmkit.core.port.RecordingEventListener;
import dev.crmkit.core.team.MemberDetails;
import dev.crmkit.core.team.TeamService;
import dev.crmkit.core.touchpoint.MutableClock;
import dev.crmkit.inmemory.InMemoryStorage;
import dev.crmkit.model.customer.LifecycleStage;
import dev.crmkit.model.customer.PartyKind;
import dev.crmkit.model.customfield.CustomFieldValue;
import dev.crmkit.model.team.TeamRole;
import dev.crmkit.model.ticket.TicketChannel;
import dev.crmkit.model.ticket.TicketKind;
import dev.crmkit.spi.Storage;
import dev.crmkit.spi.customer.CustomerRecord;
import dev.crmkit.spi.team.TeamRecord;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.UnaryOperator;

/**
 * A {@code Crm} with every built-in domain on in-memory storage, routing with the settings given, and a clock the test
 * moves (starting on a Monday, 09:00 UTC); agents are added through the team service.
 */
final class RoutingFixtures {
    static final String TENANT = "acme";
    static final Instant START = Instant.parse("2026-03-02T09:00:00Z");

    final MutableClock clock = new MutableClock(START);
    final InMemoryStorage storage = new InMemoryStorage();
    final Crm crm;
    final TicketService tickets;
    final TicketRouting routing;
    final TeamService team;
    private final RecordingEventListener published = new RecordingEventListener();
    private OutboxRelay relay;
    private int agents;

    RoutingFixtures() {
        this(RoutingSettings.defaults());
    }

    RoutingFixtures(RoutingSettings settings) {
        this(settings, UnaryOperator.identity());
    }

    /** Routing with these settings over {@code around} the in-memory storage (a decorator a test puts in between). */
    RoutingFixtures(RoutingSettings settings, UnaryOperator<Storage> around) {
        crm = Crm.builder().storage(around.apply(storage)).clock(clock).ids(IdGenerator.timeOrdered(clock))
                .module(new TicketRoutingModule(settings)).build();
        tickets = crm.tenant(TENANT).service(TicketService.class);
        routing = crm.tenant(TENANT).service(TicketRouting.class);
        team = crm.tenant(TENANT).service(TeamService.class);
    }

    /** A service agent with this capacity and nothing else. */
    UUID agent(int capacity) {
        return agent(details(capacity));
    }

    /** A member with these details. */
    UUID agent(MemberDetails details) {
        return team.add(details).id();
    }

    /** The details of a service agent with this capacity and a user id of its own. */
    MemberDetails details(int capacity) {
        agents++;
        return MemberDetails.of("agent-" + agents, "Agent " + agents, TeamRole.SERVICE_AGENT).withCapacity(capacity);
    }

    /** An e-mail service request of a new person, opened and not routed. */
    Ticket ticket() {
        return ticket(TicketKind.SERVICE_REQUEST, Map.of());
    }

    /** A ticket of this kind with these custom fields, of a new person, opened and not routed. */
    Ticket ticket(TicketKind kind, Map<String, CustomFieldValue> fields) {
        return tickets.open(OpenTicket.of(person(), kind, TicketChannel.EMAIL, "Help, please")
                .withCustomFields(fields));
    }

    /** A live person of the tenant. */
    UUID person() {
        Instant now = clock.instant();
        UUID id = UUID.randomUUID();
        storage.customers().insert(new CustomerRecord(TENANT, id, 1, now, now, PartyKind.PERSON, "Anna Schmidt", null,
                null, null, null, null, LifecycleStage.CUSTOMER, null, Set.of(), Map.of(), null));
        return id;
    }

    /** A team of the tenant with the id given (so that routing rules can name it before it exists). */
    UUID team(UUID id, String name) {
        Instant now = clock.instant();
        storage.teams().insert(new TeamRecord(TENANT, id, 1, now, now, name, null));
        return id;
    }

    /** Moves the clock on. */
    void after(Duration duration) {
        clock.advance(duration);
    }

    /** Every event the outbox holds, relayed now or before, in order. */
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

    /** The types of one ticket's events, in order. */
    List<String> eventTypes(UUID ticketId) {
        return publishAll().stream().filter(e -> e.aggregateId().equals(ticketId.toString()))
                .map(PublishedEvent::type).toList();
    }

    /** The routing events of one ticket, decoded, in order. */
    List<RoutingEvent> routingEvents(UUID ticketId) {
        return publishAll().stream().filter(e -> e.aggregateId().equals(ticketId.toString()))
                .map(e -> crm.events().decode(e).orElseThrow()).filter(RoutingEvent.class::isInstance)
                .map(RoutingEvent.class::cast).toList();
    }

    /** Events not yet relayed. */
    long outbox() {
        return storage.outbox().countUndelivered();
    }
}
