package dev.crmkit.core.loyalty;

import dev.crmkit.core.Crm;
import dev.crmkit.core.common.IdGenerator;
import dev.crmkit.core.common.Money;
import dev.crmkit.core.event.OutboxRelay;
import dev.crmkit.core.messaging.MessagingModule;
import dev.crmkit.core.port.CatalogueProduct;
import dev.crmkit.core.port.CatalogueReward;
import dev.crmkit.core.port.InMemoryProductCatalogue;
import dev.crmkit.core.port.InMemoryRewardCatalogue;
import dev.crmkit.core.port.PublishedEvent;
import dev.crmkit.core.port.RecordingEventListener;
import dev.crmkit.core.port.RecordingMessageChannel;
import dev.crmkit.core.touchpoint.MutableClock;
import dev.crmkit.inmemory.InMemoryStorage;
import dev.crmkit.model.customer.LifecycleStage;
import dev.crmkit.model.customer.PartyKind;
import dev.crmkit.model.message.ChannelKind;
import dev.crmkit.spi.customer.CustomerRecord;
import dev.crmkit.spi.customer.CustomerStorage;
import dev.crmkit.spi.loyalty.LedgerSums;
import dev.crmkit.spi.loyalty.LoyaltyStorage;
import dev.crmkit.spi.loyalty.PurchaseRecord;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * A {@code Crm} on in-memory storage with a clock the test moves and a product catalogue of three products; customers
 * inserted straight into storage.
 */
final class LoyaltyFixtures {
    static final String TENANT = "acme";
    static final String OTHER_TENANT = "globex";
    static final Instant START = Instant.parse("2026-03-02T09:00:00Z");

    final MutableClock clock = new MutableClock(START);
    final InMemoryStorage storage = new InMemoryStorage();
    final InMemoryProductCatalogue catalogue = new InMemoryProductCatalogue()
            .add(new CatalogueProduct("sku-shirt", "apparel", Money.of("29.95", "EUR")))
            .add(new CatalogueProduct("sku-cap", "accessories", Money.of("12.50", "EUR")))
            .add(new CatalogueProduct("sku-socks", "apparel", Money.of("3.33", "EUR")));
    /** A coffee for 150 points, a tote bag for 400. */
    final InMemoryRewardCatalogue rewards = new InMemoryRewardCatalogue()
            .add(new CatalogueReward("coffee", 150))
            .add(new CatalogueReward("tote-bag", 400));
    final Crm crm;
    private final RecordingEventListener published = new RecordingEventListener();
    private OutboxRelay relay;

    /** Fixtures without expiry notices. */
    LoyaltyFixtures() {
        this(ExpiryNoticeSettings.none());
    }

    /**
     * Fixtures with these expiry notices; with notices for some tenant, the messaging domain sends on recording
     * {@code EMAIL} and {@code SMS} channels, and the {@code Crm} relays to its reactions and the fixtures' listener.
     */
    LoyaltyFixtures(ExpiryNoticeSettings notices) {
        Crm.Builder builder = Crm.builder().storage(storage).clock(clock).ids(IdGenerator.timeOrdered(clock))
                .module(LoyaltyModule.builder().productCatalogue(catalogue).rewardCatalogue(rewards)
                        .expiryNotices(notices).build());
        if (!notices.tenants().isEmpty()) {
            builder.listener(published).module(MessagingModule.builder()
                    .channel(RecordingMessageChannel.forKinds(ChannelKind.EMAIL, ChannelKind.SMS)).build());
        }
        crm = builder.build();
    }

    /** Relays the outbox through the {@code Crm}'s relay (its reactions, then the listener) until it is drained. */
    List<PublishedEvent> relayWithReactions() {
        while (crm.relay().relayOnce().claimed() > 0) {
            // until the outbox is drained
        }
        return published.received();
    }

    /** The purchase service of the default tenant. */
    PurchaseService purchases() {
        return crm.tenant(TENANT).service(PurchaseService.class);
    }

    /** The loyalty service of the default tenant. */
    LoyaltyService loyalty() {
        return crm.tenant(TENANT).service(LoyaltyService.class);
    }

    /** The ledger's sums of a membership, as the storage computes them. */
    LedgerSums sums(UUID membershipId) {
        return storage.ledger().sums(TENANT, membershipId);
    }

    /** A live person in the default tenant. */
    UUID customer() {
        return customerOf(TENANT, null);
    }

    /** A live person in a tenant, or one merged into {@code mergedInto}. */
    UUID customerOf(String tenantId, UUID mergedInto) {
        Instant now = clock.instant();
        UUID id = UUID.randomUUID();
        storage.customers().insert(new CustomerRecord(tenantId, id, 1, now, now, PartyKind.PERSON, "Anna Schmidt",
                null, null, null, null, null, LifecycleStage.CUSTOMER, null, Set.of(), Map.of(), mergedInto));
        return id;
    }

    /** The stored order. */
    PurchaseRecord stored(UUID purchaseId) {
        return storage.capability(LoyaltyStorage.class).orElseThrow().purchases().get(TENANT, purchaseId)
                .orElseThrow();
    }

    /** Two shirts (59.90) and a cap (12.50) bought on the web, in the catalogue's categories. */
    static RecordPurchase webOrder(UUID customerId, String orderReference) {
        return RecordPurchase.of(customerId, orderReference, "web", START.minusSeconds(3600),
                PurchaseLine.of("sku-shirt", 2, Money.of("59.90", "EUR")),
                PurchaseLine.of("sku-cap", 1, Money.of("12.50", "EUR")));
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

    /** The types of the events the outbox holds, relayed or not, in order. */
    List<String> outboxTypes() {
        return publishAll().stream().map(PublishedEvent::type).toList();
    }
}
