package dev.crmkit.core.messaging;

import dev.crmkit.core.Crm;
import dev.crmkit.core.common.IdGenerator;
import dev.crmkit.core.event.OutboxRelay;
import dev.crmkit.core.module.DomainContext;
import dev.crmkit.core.module.DomainModule;
import dev.crmkit.core.module.DomainSetup;
import dev.crmkit.core.port.PublishedEvent;
import dev.crmkit.core.port.RecordingEventListener;
import dev.crmkit.core.port.RecordingMessageChannel;
import dev.crmkit.core.scheduling.DueWorkScheduler;
import dev.crmkit.core.touchpoint.MutableClock;
import dev.crmkit.inmemory.InMemoryStorage;
import dev.crmkit.model.customer.LifecycleStage;
import dev.crmkit.model.customer.PartyKind;
import dev.crmkit.model.message.ChannelKind;
import dev.crmkit.spi.Storage;
import dev.crmkit.spi.customer.CustomerRecord;
import dev.crmkit.spi.customer.CustomerStorage;
import dev.crmkit.spi.message.MessageRecord;
import dev.crmkit.spi.message.MessageStorage;
import dev.crmkit.spi.message.MessageStore;
import dev.crmkit.spi.scheduling.DueWorkRecord;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.UnaryOperator;

/**
 * A {@code Crm} ("node") on in-memory storage with a clock the test moves and a recording channel for e-mail, SMS and
 * push; customers inserted straight into storage. {@link #node} adds further nodes on the same storage and clock, as
 * a second application server would be.
 */
final class MessagingFixtures {
    static final String TENANT = "acme";
    static final String OTHER_TENANT = "globex";
    static final Instant START = Instant.parse("2026-03-02T09:00:00Z");
    /** The scheduler's lease: short, so a test moves past it in one step. */
    static final Duration LEASE = Duration.ofMinutes(1);
    static final DueWorkScheduler.Settings SCHEDULER = new DueWorkScheduler.Settings(100, LEASE,
            Duration.ofSeconds(30), Duration.ofMinutes(5), Duration.ofSeconds(1));
    /** Three attempts, retries after 1 and 2 minutes, 30 seconds per attempt. */
    static final DispatchPolicy POLICY = new DispatchPolicy(3, Duration.ofMinutes(1), Duration.ofMinutes(10),
            Duration.ofSeconds(30));

    final MutableClock clock = new MutableClock(START);
    final Storage storage;
    final RecordingMessageChannel channel = RecordingMessageChannel.forKinds(ChannelKind.EMAIL, ChannelKind.SMS,
            ChannelKind.PUSH);
    final Crm crm;
    final DomainContext context;
    private final RecordingEventListener published = new RecordingEventListener();
    private OutboxRelay relay;

    MessagingFixtures() {
        this(new InMemoryStorage(), b -> b);
    }

    MessagingFixtures(UnaryOperator<MessagingModule.Builder> settings) {
        this(new InMemoryStorage(), settings);
    }

    MessagingFixtures(Storage storage, UnaryOperator<MessagingModule.Builder> settings) {
        this.storage = storage;
        ContextProbe probe = new ContextProbe();
        this.crm = node("node-a", settings.apply(MessagingModule.builder().channel(channel).dispatchPolicy(POLICY)))
                .module(probe).build();
        this.context = probe.context;
    }

    /** A builder of a further node on the same storage and clock, with these messaging settings. */
    Crm.Builder node(String nodeId, MessagingModule.Builder messaging) {
        return Crm.builder().storage(storage).clock(clock).ids(IdGenerator.timeOrdered(clock)).nodeId(nodeId)
                .schedulerSettings(SCHEDULER).module(messaging.build());
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

    /** The messaging service of the default tenant. */
    MessageService messages() {
        return crm.tenant(TENANT).service(MessageService.class);
    }

    /** The message store. */
    MessageStore store() {
        return storage.capability(MessageStorage.class).orElseThrow().messages();
    }

    /** The stored message. */
    MessageRecord stored(UUID messageId) {
        return store().get(TENANT, messageId).orElseThrow();
    }

    /** The message's dispatch work, if scheduled. */
    Optional<DueWorkRecord> dispatchWork(UUID messageId) {
        return storage.dueWork().find(TENANT, MessageService.DISPATCH, messageId.toString());
    }

    /** Runs the default node's due work until a run claims nothing; returns how many pieces it claimed in all. */
    int dispatch() {
        return dispatch(crm);
    }

    /** Runs a node's due work until a run claims nothing. */
    static int dispatch(Crm node) {
        int claimed = 0;
        for (int run = 0; run < 100; run++) {
            int now = node.scheduler().runDueWork().claimed();
            if (now == 0) {
                return claimed;
            }
            claimed += now;
        }
        throw new IllegalStateException("due work did not settle in 100 runs");
    }

    /** A live person in the default tenant. */
    CustomerRecord person(String displayName) {
        return personOf(TENANT, displayName);
    }

    /** A live person in a tenant. */
    CustomerRecord personOf(String tenantId, String displayName) {
        return insertCustomer(tenantId, displayName, null);
    }

    /** A customer that was merged into {@code survivor}. */
    CustomerRecord mergedInto(CustomerRecord survivor) {
        return insertCustomer(survivor.tenantId(), "Merged duplicate", survivor.id());
    }

    private CustomerRecord insertCustomer(String tenantId, String displayName, UUID mergedInto) {
        Instant now = context.now();
        return storage.capability(CustomerStorage.class).orElseThrow().customers().insert(new CustomerRecord(tenantId,
                context.ids().next(), 1, now, now, PartyKind.PERSON, displayName, null, null, null, null, null,
                LifecycleStage.CUSTOMER, null, Set.of(), Map.of(), mergedInto));
    }

    /** An order confirmation to the customer. */
    static SendMessage orderConfirmation(UUID customerId) {
        return SendMessage.email(customerId, "anna.schmidt@example.com", "Your order 4711",
                "Dear Anna, your order ships today.");
    }

    /** Relays every pending outbox event and returns all events published so far, in order. */
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

    /** The types of every event published so far, in order. */
    List<String> publishedTypes() {
        return publishAll().stream().map(PublishedEvent::type).toList();
    }
}
