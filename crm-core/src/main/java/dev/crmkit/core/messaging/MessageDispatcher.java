package dev.crmkit.core.messaging;

import dev.crmkit.core.messaging.MessageLifecycle.Change;
import dev.crmkit.core.module.DomainContext;
import dev.crmkit.core.port.MessageChannel;
import dev.crmkit.core.port.OutgoingMessage;
import dev.crmkit.core.port.SendOutcome;
import dev.crmkit.core.scheduling.DueWork;
import dev.crmkit.core.scheduling.DueWorkHandler;
import dev.crmkit.model.ConflictException;
import dev.crmkit.model.message.ChannelKind;
import dev.crmkit.spi.message.MessageRecord;
import dev.crmkit.spi.message.MessageStorage;
import dev.crmkit.spi.message.RatePermit;
import dev.crmkit.spi.scheduling.DueWorkRecord;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hands messages to their channels: the handler of due work of kind {@link MessageService#DISPATCH}, keyed by the
 * message id. It runs outside any transaction, so the {@code SENDING} it records is committed before the channel is
 * called and no connection is held across the call; it guards every write with the message's version, because after a
 * lease ran out another node may dispatch the same message beside it.
 *
 * <p>One dispatch, for a message that still needs one: wait for {@code notBefore}; give way to an attempt under way
 * (until its time runs out); take a permit of the kind's rate limit, or wait for the next one; record the attempt
 * ({@code SENDING}, one attempt more, must end by now plus the send timeout); call the channel; record its outcome
 * unless the message moved on meanwhile. Every wait reschedules the due work; it is never a failure.
 */
final class MessageDispatcher implements DueWorkHandler {
    private static final Logger LOG = LoggerFactory.getLogger(MessageDispatcher.class);
    /** How often a dispatch decides again after losing a race for the message, before it looks again later. */
    private static final int ROUNDS = 3;
    private static final Duration LOOK_AGAIN = Duration.ofSeconds(1);

    private final DomainContext context;
    private final MessageStorage stores;
    private final Channels channels;
    private final Map<ChannelKind, RateLimit> limits;
    private final DispatchPolicy policy;

    MessageDispatcher(DomainContext context, Channels channels, Map<ChannelKind, RateLimit> limits,
            DispatchPolicy policy) {
        this.context = context;
        this.stores = context.storage(MessageStorage.class);
        this.channels = channels;
        this.limits = Map.copyOf(limits);
        this.policy = policy;
    }

    /** The name of the shared send rate of a kind's channel. */
    static String rateName(ChannelKind kind) {
        return "messaging." + kind.name().toLowerCase(Locale.ROOT);
    }

    @Override
    public boolean runsInUnit() {
        return false;
    }

    @Override
    public void handle(DueWork work) {
        UUID messageId;
        try {
            messageId = UUID.fromString(work.key());
        } catch (IllegalArgumentException e) {
            LOG.warn("Due work {} of kind {} has a key that is no message id; dropping it", work.id(), work.kind());
            return;
        }
        for (int round = 0; round < ROUNDS; round++) {
            if (dispatchOnce(work.tenantId(), messageId)) {
                return;
            }
        }
        reschedule(work.tenantId(), messageId, context.now().plus(LOOK_AGAIN));
    }

    /** One decision about the message; false when another writer changed it first and the decision must be redone. */
    private boolean dispatchOnce(String tenantId, UUID messageId) {
        Optional<MessageRecord> found = stores.messages().get(tenantId, messageId);
        if (found.isEmpty()) {
            return true;
        }
        MessageRecord message = found.get();
        Instant now = context.now();
        switch (message.status()) {
            case QUEUED -> {
                if (message.isErased()) {
                    return apply(MessageLifecycle.cancel(message, now), message);
                }
                if (now.isBefore(message.notBefore())) {
                    reschedule(tenantId, messageId, message.notBefore());
                    return true;
                }
            }
            case SENDING -> {
                if (MessageLifecycle.isAttemptLive(message, now)) {
                    reschedule(tenantId, messageId, message.delivery().sendingUntil());
                    return true;
                }
                // the attempt was lost: its node stopped, or it outlasted the send timeout
                if (policy.givesUpAfter(message.delivery().attempts())) {
                    return apply(MessageLifecycle.fail(message, "outcome-unknown", now), message);
                }
            }
            default -> {
                return true;
            }
        }
        Optional<MessageChannel> channel = channels.forKind(message.kind());
        if (channel.isEmpty()) {
            LOG.warn("No channel serves {} messages on this node; message {} waits", message.kind(), messageId);
            reschedule(tenantId, messageId, now.plus(policy.firstRetry()));
            return true;
        }
        RateLimit limit = limits.get(message.kind());
        if (limit != null) {
            RatePermit permit = stores.sendRates().take(rateName(message.kind()), limit.interval(), limit.burst(), now);
            if (!permit.granted()) {
                reschedule(tenantId, messageId, permit.nextAt());
                return true;
            }
        }
        Change attempt = MessageLifecycle.startAttempt(message, now, now.plus(policy.sendTimeout()));
        if (!apply(attempt, message)) {
            return false;
        }
        MessageRecord sending = attempt.message();
        record(sending, call(channel.get(), sending));
        return true;
    }

    private SendOutcome call(MessageChannel channel, MessageRecord m) {
        OutgoingMessage outgoing = new OutgoingMessage(m.id(), m.tenantId(), m.customerId(), m.kind(), m.listName(),
                m.recipient(), m.content(), m.origin(), m.delivery().attempts());
        try {
            SendOutcome outcome = channel.send(outgoing);
            return outcome != null ? outcome : SendOutcome.failedTemporarily("channel-no-answer");
        } catch (RuntimeException e) {
            // the exception's message may quote the address: its type only
            LOG.warn("The {} channel failed on message {} (attempt {}): {}", m.kind(), m.id(),
                    m.delivery().attempts(), e.getClass().getSimpleName());
            return SendOutcome.failedTemporarily("channel-error");
        }
    }

    /** Records the channel's outcome, unless the message moved on meanwhile (a report, another node's attempt). */
    private void record(MessageRecord sending, SendOutcome outcome) {
        try {
            context.storage().transactions().run(() -> {
                Optional<MessageRecord> current = stores.messages().get(sending.tenantId(), sending.id());
                if (current.isEmpty() || current.get().version() != sending.version()) {
                    return;
                }
                Instant now = context.now();
                Change change;
                if (outcome instanceof SendOutcome.Accepted accepted) {
                    change = MessageLifecycle.accept(sending, accepted.providerReference(), now);
                } else {
                    SendOutcome.Failed failed = (SendOutcome.Failed) outcome;
                    int attempts = sending.delivery().attempts();
                    if (!failed.retryable() || policy.givesUpAfter(attempts)) {
                        change = MessageLifecycle.fail(sending, failed.reason(), now);
                    } else {
                        change = MessageLifecycle.retryLater(sending, failed.reason(), now);
                        Duration wait = policy.retryDelay(attempts);
                        if (failed.retryAfter() != null && failed.retryAfter().compareTo(wait) > 0) {
                            wait = failed.retryAfter();
                        }
                        reschedule(sending.tenantId(), sending.id(), now.plus(wait));
                    }
                }
                store(change, sending);
            });
        } catch (ConflictException e) {
            // a report or another node's attempt changed the message first: its record stands
        }
    }

    /** Stores a change in a unit of its own; false when the message changed since it was read. */
    private boolean apply(Change change, MessageRecord before) {
        try {
            context.storage().transactions().run(() -> store(change, before));
            return true;
        } catch (ConflictException e) {
            return false;
        }
    }

    private void store(Change change, MessageRecord before) {
        stores.messages().update(change.message(), before.version());
        context.events().record(change.events());
    }

    private void reschedule(String tenantId, UUID messageId, Instant at) {
        context.storage().dueWork().schedule(DueWorkRecord.of(tenantId, context.ids().next(), MessageService.DISPATCH,
                messageId.toString(), at, null));
    }
}
