package dev.crmkit.core.messaging;

import dev.crmkit.core.port.MessageChannel;
import dev.crmkit.model.ValidationException;
import dev.crmkit.model.message.ChannelKind;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The channels of one messaging module by the kinds they serve: the host's, and the built-in {@link ListChannel} for
 * each list kind the host's channels leave free. Immutable.
 */
final class Channels {
    private final Map<ChannelKind, MessageChannel> byKind;

    private Channels(Map<ChannelKind, MessageChannel> byKind) {
        this.byKind = byKind;
    }

    /**
     * The host's channels plus the built-in list channel.
     *
     * @throws ValidationException ({@code channels}) when a channel serves no kind, or two serve the same kind
     */
    static Channels of(List<MessageChannel> hosts) {
        Map<ChannelKind, MessageChannel> byKind = new EnumMap<>(ChannelKind.class);
        for (MessageChannel channel : hosts) {
            if (channel.kinds() == null || channel.kinds().isEmpty()) {
                throw new ValidationException("channels", channel.getClass().getName() + " serves no kind");
            }
            for (ChannelKind kind : channel.kinds()) {
                if (kind == null) {
                    throw new ValidationException("channels", channel.getClass().getName() + " serves a null kind");
                }
                if (byKind.putIfAbsent(kind, channel) != null) {
                    throw new ValidationException("channels", "two channels serve " + kind + ": register one per kind");
                }
            }
        }
        ListChannel lists = new ListChannel();
        for (ChannelKind kind : lists.kinds()) {
            byKind.putIfAbsent(kind, lists);
        }
        return new Channels(byKind);
    }

    /** The channel of a kind, if one is registered. */
    Optional<MessageChannel> forKind(ChannelKind kind) {
        return Optional.ofNullable(byKind.get(kind));
    }
}
