package dev.crmkit.core.messaging;

import dev.crmkit.core.module.DomainModule;
import dev.crmkit.core.module.DomainSetup;
import dev.crmkit.core.port.MessageChannel;
import dev.crmkit.model.Checks;
import dev.crmkit.model.ValidationException;
import dev.crmkit.model.message.ChannelKind;
import dev.crmkit.spi.StorageCapability;
import dev.crmkit.spi.customer.CustomerStorage;
import dev.crmkit.spi.message.MessageStorage;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The messaging domain as {@code Crm} composes it: offers {@link MessageService} per tenant, hands queued messages to
 * their channels through the due-work scheduler ({@link MessageService#DISPATCH}), records the {@link MessageEvent}s,
 * and moves a merged customer's messages to the survivor. Registered by default with the built-in list channel (call
 * lists and direct mail) only; register it with the host's channels, rate limits and policy to replace it:
 *
 * <pre>{@code
 * Crm.builder().storage(storage)
 *         .module(MessagingModule.builder()
 *                 .channel(new MyMailChannel(mailClient))                      // the host's MessageChannel
 *                 .rateLimit(ChannelKind.EMAIL, RateLimit.of(14, Duration.ofSeconds(1)))
 *                 .build())
 *         .build();
 * }</pre>
 */
public final class MessagingModule implements DomainModule {
    /** The domain's name. */
    public static final String NAME = "messaging";

    private final List<MessageChannel> channels;
    private final Map<ChannelKind, RateLimit> rateLimits;
    private final DispatchPolicy policy;

    /** The defaults: the built-in list channel, no rate limit, {@link DispatchPolicy#defaults()}. */
    public MessagingModule() {
        this(builder());
    }

    private MessagingModule(Builder builder) {
        this.channels = List.copyOf(builder.channels);
        this.rateLimits = Map.copyOf(builder.rateLimits);
        this.policy = builder.policy;
    }

    /** A builder starting from the defaults. */
    public static Builder builder() {
        return new Builder();
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Set<String> requires() {
        return Set.of("customer");
    }

    @Override
    public Set<Class<? extends StorageCapability>> storageCapabilities() {
        return Set.of(MessageStorage.class, CustomerStorage.class);
    }

    @Override
    public void install(DomainSetup setup) {
        Channels byKind = Channels.of(channels);
        setup.events(MessageEvent.class);
        setup.service(MessageService.class, tenant -> new StoredMessages(setup.context(), tenant.tenantId(), byKind));
        setup.dueWork(MessageService.DISPATCH, new MessageDispatcher(setup.context(), byKind, rateLimits, policy));
        MessageStorage stores = setup.context().storage(MessageStorage.class);
        setup.customerDataPart(merge -> Map.of("messages",
                stores.messages().moveAll(merge.tenantId(), merge.mergedId(), merge.survivorId(), merge.at())));
    }

    /** The settings of a {@link MessagingModule}; {@link #build()} checks them. */
    public static final class Builder {
        private final List<MessageChannel> channels = new ArrayList<>();
        private final Map<ChannelKind, RateLimit> rateLimits = new EnumMap<>(ChannelKind.class);
        private DispatchPolicy policy = DispatchPolicy.defaults();

        private Builder() {
        }

        /**
         * Adds a channel for the kinds it serves; one channel per kind. A channel for {@code CALL_LIST} or
         * {@code DIRECT_MAIL} replaces the built-in list channel for that kind.
         */
        public Builder channel(MessageChannel channel) {
            this.channels.add(Checks.required("channel", channel));
            return this;
        }

        /** Limits how fast messages of one kind go out, across every node and tenant; no limit by default. */
        public Builder rateLimit(ChannelKind kind, RateLimit limit) {
            Checks.required("kind", kind);
            this.rateLimits.put(kind, Checks.required("rateLimit", limit));
            return this;
        }

        /** How many attempts, how long between them and how long each may take; {@link DispatchPolicy#defaults()}. */
        public Builder dispatchPolicy(DispatchPolicy policy) {
            this.policy = Checks.required("dispatchPolicy", policy);
            return this;
        }

        /**
         * The module.
         *
         * @throws ValidationException ({@code channels}) when a channel serves no kind, or two serve one kind
         */
        public MessagingModule build() {
            Channels.of(channels);
            return new MessagingModule(this);
        }
    }
}
