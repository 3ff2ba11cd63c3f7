package dev.crmkit.core.port;

import dev.crmkit.model.message.ChannelKind;
import java.util.Set;

/**
 * Where CRMKit hands its outgoing messages: a host's mail service, SMS gateway or push service, a telesales dialer,
 * a print shop's upload. The one interface a host implements to plug in a provider, and registers on the messaging
 * domain: {@code MessagingModule.builder().channel(new MyMailChannel()).build()}.
 *
 * <p>CRMKit records a message before it calls {@link #send}, calls it outside any transaction from its due-work
 * scheduler (on any node, one node per message at a time), and records the outcome after. A call may be repeated for
 * the same message: when a node stopped after the call but before recording its outcome, or when a call outlasted
 * the messaging domain's send timeout. The repeated call carries the same {@link OutgoingMessage#messageId()}: pass
 * {@link OutgoingMessage#idempotencyKey()} to a provider that honours idempotency keys and it sends once; with a
 * provider that does not, such a repeat may reach the recipient twice ({@code docs/messaging.md}).
 *
 * <p>An implementation is thread-safe, answers within the send timeout (set its HTTP timeouts below it), and returns a
 * {@link SendOutcome} rather than throwing: a {@link RuntimeException} counts as a failure a retry may help with.
 * It never logs the recipient or the content at INFO or above.
 */
public interface MessageChannel {
    /** The kinds of message this channel sends; not empty. One channel serves each kind. */
    Set<ChannelKind> kinds();

    /**
     * Hands one message to the provider: {@link SendOutcome#accepted(String)} with the provider's reference once the
     * provider took it, or a failure that says whether a retry may help.
     */
    SendOutcome send(OutgoingMessage message);
}
