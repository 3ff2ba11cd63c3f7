package dev.crmkit.core.loyalty;

import dev.crmkit.core.Crm;
import dev.crmkit.core.common.IdGenerator;
import dev.crmkit.core.event.OutboxRelay;
import dev.crmkit.core.port.PublishedEvent;
import dev.crmkit.core.port.RecordingEventListener;
import dev.crmkit.core.touchpoint.MutableClock;
import dev.crmkit.inmemory.InMemoryStorage;
import dev.crmkit.model.customer.LifecycleStage;
import dev.crmkit.model.customer.PartyKind;
import dev.crmkit.spi.customer.CustomerRecord;
import dev.crmkit.spi.customer.CustomerStorage;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * A {@code Crm} on in-memory storage with the loyalty module as registered by default (the stored rewards catalogue),
 * a clock the test moves and a due-work scheduler it runs; customers inserted straight into storage.
 */
final class StoredCatalogueFixtures {
    static final String TENANT = "acme";
    static final Instant START = Instant.parse("2026-03-02T09:00:00Z");

    final MutableClock clock = new MutableClock(START);
    final InMemoryStorage storage = new InMemoryStorage();
    final Crm crm = Crm.builder().storage(storage).clock(clock).ids(IdGenerator.timeOrdered(clock)).build();
    private final RecordingEventListener published = new RecordingEventListener();
    private OutboxRelay relay;

    LoyaltyService loyalty() {
        return crm.tenant(TENANT).service(LoyaltyService.class);
    }

    TierService tiers() {
        return crm.tenant(TENANT).service(TierService.class);
    }

    RewardService rewards() {
        return crm.tenant(TENANT).service(RewardService.class);
    }

    PurchaseService purchases() {
        return crm.tenant(TENANT).service(PurchaseService.class);
    }

    /** A live person in the default tenant. */
    UUID customer() {
        Instant now = clock.instant();
        UUID id = UUID.randomUUID();
        storage.capability(CustomerStorage.class).orElseThrow().customers().insert(new CustomerRecord(TENANT, id, 1,
                now, now, PartyKind.PERSON, "Anna Schmidt", null, null, null, null, null, LifecycleStage.CUSTOMER,
                null, Set.of(), Map.of(), null));
        return id;
    }

    /** A new active member of {@code club}. */
    Membership member() {
        return loyalty().enrol(EnrolMember.of(customer(), "club"));
    }

    /** Posts an accrual of {@code qualifying} qualifying and redeemable points now. */
    LedgerEntry earn(Membership member, long qualifying) {
        return loyalty().post(PostPoints.accrual(member.id(), qualifying, "activity.visit", null,
                "earn-" + UUID.randomUUID()));
    }

    /** Runs the due work that has fallen due by the clock, batch by batch, until none is left. */
    void runDueWork() {
        while (crm.scheduler().runDueWork().claimed() > 0) {
            // until nothing more is due
        }
    }

    /** Every event the outbox holds, relayed in order. */
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

    /** The events of one type the outbox holds, in order. */
    List<PublishedEvent> events(String type) {
        return publishAll().stream().filter(e -> e.type().equals(type)).toList();
    }
}
