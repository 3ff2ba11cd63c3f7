package dev.crmkit.core.messaging;

import static dev.crmkit.model.message.MessageStatus.BOUNCED;
import static dev.crmkit.model.message.MessageStatus.CANCELLED;
import static dev.crmkit.model.message.MessageStatus.COMPLAINED;
import static dev.crmkit.model.message.MessageStatus.DELIVERED;
import static dev.crmkit.model.message.MessageStatus.FAILED;
import static dev.crmkit.model.message.MessageStatus.QUEUED;
import static dev.crmkit.model.message.MessageStatus.SENDING;
import static dev.crmkit.model.message.MessageStatus.SENT;

import dev.crmkit.model.IllegalTransitionException;
import dev.crmkit.model.message.MessageDelivery;
import dev.crmkit.model.message.MessageStatus;
import dev.crmkit.spi.message.MessageRecord;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The life of an outgoing message, in one place:
 *
 * <pre>
 *   send --&gt; QUEUED --attempt--&gt; SENDING --accepted--&gt; SENT --delivered--&gt; DELIVERED
 *             |  ^                 |   |                 |                    |
 *             |  +---retry later---+   |                 +--bounced-----------+--&gt; BOUNCED
 *             |                        |                 +--complained--------+--&gt; COMPLAINED
 *             |                        |                 +--failed--&gt; FAILED
 *             |                        +--refused, gave up----------&gt; FAILED
 *             +--cancel--&gt; CANCELLED
 *
 *   SENDING --attempt lost (its time ran out)--&gt; SENDING, attempted again under the same message id
 * </pre>
 *
 * <p>A queued message waits for its time, its rate limit and its channel. An attempt records {@code SENDING}, with the
 * time by which it must end, before the channel is called, and the outcome after: {@code SENT} when the channel took
 * it; back to {@code QUEUED} to be retried when the failure may pass; {@code FAILED} when it will not, or after the
 * last attempt. An attempt whose time ran out without an outcome was lost (its node stopped, or the call took too long)
 * and is made again with the same message id. The provider then reports on a sent message: {@code DELIVERED}, and
 * later possibly {@code BOUNCED} or {@code COMPLAINED}; or {@code BOUNCED}, {@code COMPLAINED} or {@code FAILED}
 * directly. A report that overtakes the recording of its acceptance (a message still {@code SENDING}, or queued for a
 * retry after a timeout the provider had in fact accepted) records the acceptance first. Each outcome is recorded once;
 * reporting it again changes nothing. Bounced, complained, failed and cancelled messages are settled for good.
 *
 * <p>Every change is a function from the stored message to a {@link Change}: the message as it is now and the events
 * to record; a change the life does not allow throws an {@link IllegalTransitionException} naming both states and
 * changes nothing.
 */
final class MessageLifecycle {
    private static final Map<MessageStatus, Set<MessageStatus>> NEXT = new EnumMap<>(MessageStatus.class);

    static {
        NEXT.put(QUEUED, EnumSet.of(SENDING, CANCELLED, SENT));
        NEXT.put(SENDING, EnumSet.of(SENT, QUEUED, FAILED, SENDING));
        NEXT.put(SENT, EnumSet.of(DELIVERED, BOUNCED, COMPLAINED, FAILED));
        NEXT.put(DELIVERED, EnumSet.of(BOUNCED, COMPLAINED));
        NEXT.put(BOUNCED, EnumSet.noneOf(MessageStatus.class));
        NEXT.put(COMPLAINED, EnumSet.noneOf(MessageStatus.class));
        NEXT.put(FAILED, EnumSet.noneOf(MessageStatus.class));
        NEXT.put(CANCELLED, EnumSet.noneOf(MessageStatus.class));
    }

    private MessageLifecycle() {
    }

    /** What a change made: the message as it is now, and the events it caused (none when nothing changed). */
    record Change(MessageRecord message, List<MessageEvent> events) {
        boolean changed(MessageRecord before) {
            return message != before;
        }
    }

    /** Whether a message may move from {@code from} to {@code to}. */
    static boolean allows(MessageStatus from, MessageStatus to) {
        return NEXT.get(from).contains(to);
    }

    /**
     * Checks a move.
     *
     * @throws IllegalTransitionException naming both states when the life does not connect them
     */
    static void check(MessageStatus from, MessageStatus to) {
        if (!allows(from, to)) {
            throw new IllegalTransitionException("message", from, to);
        }
    }

    /** The event a newly queued message records. */
    static MessageQueued queued(MessageRecord m, Instant now) {
        return new MessageQueued(m.tenantId(), m.id(), m.customerId(), m.kind(), originCode(m), originId(m),
                m.notBefore(), now);
    }

    /** Whether an attempt is under way: the message is being sent and the attempt's time has not run out. */
    static boolean isAttemptLive(MessageRecord m, Instant now) {
        Instant until = m.delivery().sendingUntil();
        return m.status() == SENDING && until != null && until.isAfter(now);
    }

    /** Whether the message was handed to its channel at least once, so its provider may report on it. */
    static boolean wasHandedOver(MessageRecord m) {
        return m.delivery().attempts() > 0;
    }

    /**
     * Starts an attempt that must end by {@code until}: a queued message, or one whose earlier attempt was lost,
     * becomes {@code SENDING} with one attempt more.
     */
    static Change startAttempt(MessageRecord m, Instant now, Instant until) {
        check(m.status(), SENDING);
        if (isAttemptLive(m, now)) {
            throw new IllegalTransitionException("message", "SENDING (an attempt is under way)", SENDING);
        }
        MessageDelivery d = m.delivery();
        return new Change(m.withDelivery(new MessageDelivery(SENDING, d.attempts() + 1, until,
                d.providerReference(), d.failureReason(), null, null), now), List.of());
    }

    /** The channel took the message, under the provider's reference (may be null). */
    static Change accept(MessageRecord m, String providerReference, Instant now) {
        requireAttempt(m, SENT);
        MessageDelivery d = m.delivery();
        MessageRecord sent = m.withDelivery(new MessageDelivery(SENT, d.attempts(), null, providerReference, null, now,
                null), now);
        return new Change(sent, List.of(sentEvent(sent, now)));
    }

    /** The attempt failed, and a retry may help: the message waits in the queue again. */
    static Change retryLater(MessageRecord m, String reason, Instant now) {
        requireAttempt(m, QUEUED);
        MessageDelivery d = m.delivery();
        return new Change(m.withDelivery(new MessageDelivery(QUEUED, d.attempts(), null, d.providerReference(),
                reason, null, null), now), List.of());
    }

    /** The message failed for good: its channel refused it, or no attempt is left. */
    static Change fail(MessageRecord m, String reason, Instant now) {
        requireAttempt(m, FAILED);
        MessageDelivery d = m.delivery();
        MessageRecord failed = m.withDelivery(new MessageDelivery(FAILED, d.attempts(), null, d.providerReference(),
                reason, null, now), now);
        return new Change(failed, List.of(new MessageFailed(m.tenantId(), m.id(), m.customerId(), m.kind(),
                originCode(m), originId(m), reason, d.attempts(), now)));
    }

    /** An attempt's outcome is recorded on a message being sent, and on no other. */
    private static void requireAttempt(MessageRecord m, MessageStatus to) {
        if (m.status() != SENDING) {
            throw new IllegalTransitionException("message", m.status() + " (no attempt under way)", to);
        }
        check(SENDING, to);
    }

    /** A queued message is called off; cancelling a cancelled message changes nothing. */
    static Change cancel(MessageRecord m, Instant now) {
        if (m.status() == CANCELLED) {
            return new Change(m, List.of());
        }
        check(m.status(), CANCELLED);
        MessageDelivery d = m.delivery();
        MessageRecord cancelled = m.withDelivery(new MessageDelivery(CANCELLED, d.attempts(), null,
                d.providerReference(), d.failureReason(), null, now), now);
        return new Change(cancelled, List.of(new MessageCancelled(m.tenantId(), m.id(), m.customerId(), m.kind(),
                originCode(m), originId(m), now)));
    }

    /**
     * The provider reports {@code outcome} as happened at {@code at}, for {@code reason} (a code, may be null).
     * Reporting the message's current outcome again changes nothing.
     */
    static Change report(MessageRecord m, DeliveryOutcome outcome, String reason, Instant at, Instant now) {
        MessageStatus to = outcome.status();
        if (m.status() == to) {
            return new Change(m, List.of());
        }
        List<MessageEvent> events = new ArrayList<>();
        MessageDelivery d = m.delivery();
        String reference = d.providerReference();
        Instant sentAt = d.sentAt();
        MessageStatus from = m.status();
        if ((from == SENDING || from == QUEUED) && wasHandedOver(m)) {
            // the report overtook the recording of the acceptance: the provider has the message, so it was sent
            check(from, SENT);
            sentAt = at;
            from = SENT;
            events.add(new MessageSent(m.tenantId(), m.id(), m.customerId(), m.kind(), originCode(m), originId(m),
                    d.attempts(), now));
        }
        check(from, to);
        MessageRecord reported = m.withDelivery(new MessageDelivery(to, d.attempts(), null, reference,
                reason != null ? reason : d.failureReason(), sentAt, at), now);
        events.add(switch (outcome) {
            case DELIVERED -> new MessageDelivered(m.tenantId(), m.id(), m.customerId(), m.kind(), originCode(m),
                    originId(m), at, now);
            case BOUNCED -> new MessageBounced(m.tenantId(), m.id(), m.customerId(), m.kind(), originCode(m),
                    originId(m), reason, at, now);
            case COMPLAINED -> new MessageComplained(m.tenantId(), m.id(), m.customerId(), m.kind(), originCode(m),
                    originId(m), at, now);
            case FAILED -> new MessageFailed(m.tenantId(), m.id(), m.customerId(), m.kind(), originCode(m),
                    originId(m), reason, d.attempts(), now);
        });
        return new Change(reported, List.copyOf(events));
    }

    private static MessageSent sentEvent(MessageRecord m, Instant now) {
        return new MessageSent(m.tenantId(), m.id(), m.customerId(), m.kind(), originCode(m), originId(m),
                m.delivery().attempts(), now);
    }

    private static String originCode(MessageRecord m) {
        return m.origin() == null ? null : m.origin().code();
    }

    private static UUID originId(MessageRecord m) {
        return m.origin() == null ? null : m.origin().id();
    }
}
