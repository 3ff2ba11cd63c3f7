package dev.crmkit.core.port;

import dev.crmkit.model.Checks;
import dev.crmkit.model.message.ChannelKind;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@link MessageChannel} that sends nothing and logs, at INFO, each message's id, kind and attempt, never its
 * recipient or content; it accepts every message under the reference {@code log-<message id>}. The channel of the
 * examples, and a stand-in while a host's provider is not wired yet. Thread-safe.
 */
public final class LoggingMessageChannel implements MessageChannel {
    private static final Logger LOG = LoggerFactory.getLogger(LoggingMessageChannel.class);

    private final Set<ChannelKind> kinds;

    private LoggingMessageChannel(Set<ChannelKind> kinds) {
        this.kinds = Set.copyOf(kinds);
    }

    /** A channel for the given kinds. */
    public static LoggingMessageChannel forKinds(ChannelKind first, ChannelKind... more) {
        Checks.required("kinds", first);
        Checks.noNulls("kinds", Arrays.asList(more));
        return new LoggingMessageChannel(EnumSet.of(first, more));
    }

    /** A channel for e-mail, SMS and push, the kinds a provider sends. */
    public static LoggingMessageChannel forProviderKinds() {
        return forKinds(ChannelKind.EMAIL, ChannelKind.SMS, ChannelKind.PUSH);
    }

    @Override
    public Set<ChannelKind> kinds() {
        return kinds;
    }

    /** Logs the message's id, kind and attempt and accepts it. */
    @Override
    public SendOutcome send(OutgoingMessage message) {
        LOG.info("Message {} ({}, attempt {}) handed to the logging channel", message.messageId(), message.kind(),
                message.attempt());
        return SendOutcome.accepted("log-" + message.messageId());
    }
}
