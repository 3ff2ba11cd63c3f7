package dev.crmkit.core.touchpoint;

import dev.crmkit.core.Crm;
import dev.crmkit.core.TenantCrm;
import dev.crmkit.core.common.IdGenerator;
import dev.crmkit.core.event.OutboxRelay;
import dev.crmkit.core.module.DomainContext;
import dev.crmkit.core.module.DomainModule;
import dev.crmkit.core.module.DomainSetup;
import dev.crmkit.core.port.PublishedEvent;
import dev.crmkit.core.port.RecordingEventListener;
import dev.crmkit.inmemory.InMemoryStorage;
import dev.crmkit.model.customer.LifecycleStage;
import dev.crmkit.model.customer.PartyKind;
import dev.crmkit.model.touchpoint.Channel;
import dev.crmkit.model.touchpoint.Direction;
import dev.crmkit.model.touchpoint.Purpose;
import dev.crmkit.spi.Storage;
import dev.crmkit.spi.StorageCapability;
import dev.crmkit.spi.customer.CustomerRecord;
import dev.crmkit.spi.customer.CustomerStorage;
import dev.crmkit.spi.customer.CustomerStore;
import dev.crmkit.spi.touchpoint.InteractionStore;
import dev.crmkit.spi.touchpoint.TaskStore;
import dev.crmkit.spi.touchpoint.TouchPointStorage;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * A {@code Crm} on the in-memory storage with a clock the test moves, the domain context its domains are built from
 * (taken the way a host's own domain gets it), and customers inserted straight into storage (the customer service is
 * not needed to test touch points).
 */
public final class TouchPointFixtures {
    public static final String TENANT = "acme";
    public static final String OTHER_TENANT = "globex";
    public static final Instant START = Instant.parse("2026-03-02T09:00:00Z");

    public final MutableClock clock = new MutableClock(START);
    public final Storage storage;
    public final Crm crm;
    public final DomainContext context;

    public TouchPointFixtures() {
        this(new InMemoryStorage());
    }

    public TouchPointFixtures(Storage storage) {
        this.storage = storage;
        ContextProbe probe = new ContextProbe();
        this.crm = Crm.builder().storage(storage).clock(clock).ids(IdGenerator.timeOrdered(clock)).module(probe)
                .build();
        this.context = probe.context;
    }

    /** A domain of the test's own that installs nothing and keeps the context domains are built from. */
    private static final class ContextProbe implements DomainModule {
        DomainContext context;

        @Override
        public String name() {
            return "test.context-probe";
        }

        @Override
        public void install(DomainSetup setup) {
            context = setup.context();
        }
    }

    /** The services of a tenant. */
    public TenantCrm tenant(String tenantId) {
        return crm.tenant(tenantId);
    }

    /** A capability of the storage. */
    public <C extends StorageCapability> C stores(Class<C> type) {
        return storage.capability(type).orElseThrow();
    }

    /** The customer store of the storage. */
    public CustomerStore customers() {
        return storage.capability(CustomerStorage.class).orElseThrow().customers();
    }

    /** The interaction store of the storage. */
    public InteractionStore interactions() {
        return storage.capability(TouchPointStorage.class).orElseThrow().interactions();
    }

    /** The task store of the storage. */
    public TaskStore tasks() {
        return storage.capability(TouchPointStorage.class).orElseThrow().tasks();
    }

    private final RecordingEventListener published = new RecordingEventListener();
    private OutboxRelay relay;

    /** The touch point service of the default tenant. */
    public TouchPointService touchPoints() {
        return crm.tenant(TENANT).service(TouchPointService.class);
    }

    /** A live person in the default tenant. */
    public CustomerRecord person(String displayName) {
        return insertCustomer(TENANT, PartyKind.PERSON, displayName, null);
    }

    /** A live organization in the default tenant. */
    public CustomerRecord organization(String displayName) {
        return insertCustomer(TENANT, PartyKind.ORGANIZATION, displayName, null);
    }

    /** A live person in another tenant. */
    public CustomerRecord personOf(String tenantId, String displayName) {
        return insertCustomer(tenantId, PartyKind.PERSON, displayName, null);
    }

    /** A customer that was merged into {@code survivor}: only the pointer is left. */
    public CustomerRecord mergedInto(CustomerRecord survivor) {
        return insertCustomer(survivor.tenantId(), PartyKind.PERSON, "Merged duplicate", survivor.id());
    }

    private CustomerRecord insertCustomer(String tenantId, PartyKind kind, String displayName, UUID mergedInto) {
        Instant now = context.now();
        return customers().insert(new CustomerRecord(tenantId, context.ids().next(), 1, now, now, kind,
                displayName, null, null, null, null, null, LifecycleStage.CUSTOMER, null, Set.of(), Map.of(),
                mergedInto));
    }

    /** An inbound service call from the customer, an hour ago. */
    public RecordInteraction serviceCall(UUID customerId) {
        return new RecordInteraction(customerId, Channel.PHONE, Direction.INBOUND, Purpose.SERVICE, "reached",
                "agent-7", "Asked about the invoice", clock.instant().minusSeconds(3600), null);
    }

    /** An outbound marketing e-mail to the customer at the given time. */
    public RecordInteraction newsletter(UUID customerId, Instant sentAt) {
        return new RecordInteraction(customerId, Channel.EMAIL, Direction.OUTBOUND, Purpose.MARKETING, null, null,
                null, sentAt, null);
    }

    /** A follow-up call due tomorrow, assigned to agent-7. */
    public ScheduleFollowUp callBackTomorrow(UUID customerId) {
        return new ScheduleFollowUp(customerId, "Call back about the invoice", clock.instant().plusSeconds(86_400),
                "agent-7", null);
    }

    /** Relays every pending outbox event and returns the types of all events published so far, in order. */
    public List<String> publishedTypes() {
        return publishAll().stream().map(PublishedEvent::type).toList();
    }

    /** Relays every pending outbox event and returns all events published so far, in order. */
    public List<PublishedEvent> publishAll() {
        if (relay == null) {
            relay = OutboxRelay.create(storage, clock, "test-relay", new OutboxRelay.Settings(1000, Duration.ofMinutes(1),
                    Duration.ofSeconds(1)));
            relay.register(published);
        }
        while (relay.relayOnce().claimed() > 0) {
            // until the outbox is drained
        }
        return published.received();
    }
}
