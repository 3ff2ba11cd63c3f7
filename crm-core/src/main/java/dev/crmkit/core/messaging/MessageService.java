package dev.crmkit.core.messaging;

import dev.crmkit.model.ConflictException;
import dev.crmkit.model.IllegalTransitionException;
import dev.crmkit.model.NotFoundException;
import dev.crmkit.model.Page;
import dev.crmkit.model.PageRequest;
import dev.crmkit.model.ValidationException;
import dev.crmkit.model.message.ChannelKind;
import dev.crmkit.model.message.MessageFilter;
import java.util.List;
import java.util.UUID;

/**
 * The outgoing messages of one tenant: e-mails, text messages, push notifications, call-list entries and direct-mail
 * letters to customers, sent through the channels registered on the messaging domain, and what the providers report
 * about them.
 *
 * <p>A send is recorded first, as a {@code QUEUED} message with its due work in the same transaction, and handed to
 * its channel afterwards by the due-work scheduler on any node (the whole life of a message is in
 * {@code MessageLifecycle}): a crash loses no send, and a message is handed over again only when CRMKit cannot know
 * whether the earlier hand-over reached the provider (a node stopped between the call and recording its outcome, or
 * the call outlasted the send timeout), then under the same message id, which a provider honouring idempotency keys
 * sends once. {@code docs/messaging.md} states the guarantees and their limits.
 *
 * <p>Every method is one transaction and records its {@link MessageEvent}s in the outbox in it. A customer id that was
 * merged into another customer resolves to the survivor. Bad input throws a {@link ValidationException} naming the
 * field and changes nothing; every error is a {@link dev.crmkit.model.CrmException}, and no message of one names an
 * address or a content.
 */
public interface MessageService {
    /** The kind of due work that hands a message to its channel; its key is the message id. */
    String DISPATCH = "messaging.dispatch";

    /** The most messages {@link #sendAll} takes in one call. */
    int MAX_BATCH = 500;

    /**
     * Queues a message and publishes {@link MessageQueued}; it goes out at its {@code notBefore} (or at once) as its
     * rate limit allows. With an idempotency key, a retry with the same content returns the message queued first and
     * queues nothing; also when two nodes receive the same command at once.
     *
     * @throws NotFoundException when the customer does not exist in this tenant
     * @throws ValidationException ({@code kind}) when no channel serves the message's kind
     * @throws ConflictException when the idempotency key was used before for a different message
     */
    Message send(SendMessage command);

    /**
     * Queues up to {@value #MAX_BATCH} messages in one transaction, as {@link #send} would each (a campaign's batch):
     * all or none. Returns the messages in the order of the commands; a command whose idempotency key was used before
     * (or earlier in the list) with the same content returns that message. Errors name the command
     * ({@code commands[3].kind}).
     *
     * @throws ValidationException ({@code commands}) when the list is null, holds nulls or is too long
     * @throws NotFoundException when a customer does not exist in this tenant
     * @throws ConflictException when an idempotency key was used before for a different message
     */
    List<Message> sendAll(List<SendMessage> commands);

    /**
     * The message with this id.
     *
     * @throws NotFoundException when this tenant has no such message
     */
    Message message(UUID messageId);

    /**
     * One page of a customer's messages that pass the filter, newest first. Pass the page's {@code next} cursor back for
     * the following page.
     *
     * @throws NotFoundException when the customer does not exist in this tenant
     */
    Page<Message> messagesOf(UUID customerId, MessageFilter filter, PageRequest page);

    /**
     * Records what a provider reports about a message (a webhook, a feedback loop): delivered, bounced, complained or
     * failed, and publishes the matching event. Reporting a message's current outcome again changes nothing and
     * returns it as it is, so a provider's repeated webhook is harmless. A report that arrives before CRMKit recorded
     * the message as sent (the provider was quicker than the recording, or accepted a message CRMKit took for timed
     * out) records the acceptance first ({@link MessageSent}) and calls off any pending retry.
     *
     * @throws NotFoundException when this tenant has no message with the id, or of the kind with the provider reference
     * @throws IllegalTransitionException naming both states when the report does not fit the message's life (a
     *     delivery after a bounce, a report on a message never handed over); acknowledge it to the provider anyway,
     *     since repeating it will not help
     */
    Message report(DeliveryReport report);

    /**
     * Calls off a queued message, publishes {@link MessageCancelled}, and drops its due work. Cancelling a cancelled
     * message changes nothing.
     *
     * @throws NotFoundException when this tenant has no such message
     * @throws IllegalTransitionException when the message is being sent or was sent already
     */
    Message cancel(UUID messageId);

    /**
     * Calls off every queued message of the customer of this kind ({@code null}: of every kind), as an opt-out
     * requires: a message already being handed over goes on. Joins the caller's transaction when there is one, so an
     * opt-out and its cancellations commit together.
     *
     * @return how many messages were cancelled
     * @throws NotFoundException when the customer does not exist in this tenant
     */
    int cancelQueued(UUID customerId, ChannelKind kind);

    /**
     * One page of a call list or direct-mail list: the messages of this list kind and list name that are on the list
     * (their channel accepted them), whatever was reported after, ordered by id. The built-in list channel accepts
     * every message as soon as its due work runs; {@code dev.crmkit.core.interchange.MessageListCsv} writes a whole
     * list as a CSV file.
     *
     * @throws ValidationException ({@code kind}) when the kind is not {@code CALL_LIST} or {@code DIRECT_MAIL}
     */
    Page<Message> listEntries(ChannelKind kind, String listName, PageRequest page);
}
