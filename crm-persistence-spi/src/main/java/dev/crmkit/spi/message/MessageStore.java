package dev.crmkit.spi.message;

import dev.crmkit.model.ConflictException;
import dev.crmkit.model.DuplicateException;
import dev.crmkit.model.NotFoundException;
import dev.crmkit.model.Page;
import dev.crmkit.model.PageRequest;
import dev.crmkit.model.ValidationException;
import dev.crmkit.model.message.ChannelKind;
import dev.crmkit.model.message.MessageDelivery;
import dev.crmkit.model.message.MessageFilter;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Outgoing messages, scoped by tenant in every call. A message's request (customer, kind, list, recipient, content,
 * origin, idempotency key, notBefore) is fixed when it is stored; only its {@link MessageDelivery delivery} changes
 * through {@link #update}, its customer through {@link #moveAll} and its personal data through {@link #erase}.
 */
public interface MessageStore {
    /** The most messages {@link #insertAll} stores and {@link #findByIdempotencyKeys} looks up in one call. */
    int MAX_BATCH = 1000;

    /**
     * Stores a new message at version 1, whatever version it carries.
     *
     * @throws DuplicateException with {@code key() = "id"} when the id exists in the tenant, or
     *     {@code key() = "idempotencyKey"} when the key does; nothing is stored
     */
    MessageRecord insert(MessageRecord message);

    /**
     * Stores new messages (at most {@link #MAX_BATCH}) as one batch at version 1, all or nothing; duplicates, also
     * within the list, as {@link #insert}.
     *
     * @throws ValidationException ({@code messages}) when the list is null, holds nulls or is too long
     */
    void insertAll(List<MessageRecord> messages);

    /** The message with this id in this tenant. */
    Optional<MessageRecord> get(String tenantId, UUID id);

    /** The message stored with this idempotency key in this tenant; keys compare exactly. */
    Optional<MessageRecord> findByIdempotencyKey(String tenantId, String idempotencyKey);

    /**
     * The messages of this tenant stored with any of {@code idempotencyKeys} (at most {@link #MAX_BATCH} distinct), in
     * no particular order; keys without a message are left out.
     */
    List<MessageRecord> findByIdempotencyKeys(String tenantId, Collection<String> idempotencyKeys);

    /**
     * The message of this kind whose provider reference is {@code providerReference} (compared exactly), for a
     * provider's delivery report that names its own id only; when several carry it, the one with the greatest id.
     */
    Optional<MessageRecord> findByProviderReference(String tenantId, ChannelKind kind, String providerReference);

    /**
     * Stores the message's {@link MessageDelivery delivery} and {@code updatedAt} at version
     * {@code expectedVersion + 1}; the other parts stay as stored, whatever the record says.
     *
     * @return the stored message
     * @throws ConflictException when the stored version is not {@code expectedVersion}; nothing changes
     * @throws NotFoundException when the tenant has no such message
     */
    MessageRecord update(MessageRecord message, long expectedVersion);

    /**
     * One page of a customer's messages that pass the filter, newest first: by id descending in
     * {@link dev.crmkit.spi.Ids#ORDER} (the core's ids are time-ordered). Keyset paging neither skips nor repeats
     * messages while others are stored.
     */
    Page<MessageRecord> forCustomer(String tenantId, UUID customerId, MessageFilter filter, PageRequest page);

    /**
     * One page of the messages of this list kind and list name that are on the list: whose channel accepted them
     * ({@code sentAt} is set), whatever was reported after; by id ascending. Keyset paging neither skips nor repeats.
     *
     * @throws ValidationException ({@code kind}) when the kind is not a {@link ChannelKind#isList() list kind}
     */
    Page<MessageRecord> onList(String tenantId, ChannelKind kind, String listName, PageRequest page);

    /**
     * Moves every message of {@code fromCustomerId} to {@code toCustomerId}, raising each one's version by 1 and
     * setting its updatedAt to {@code now}.
     *
     * @return how many moved
     */
    int moveAll(String tenantId, UUID fromCustomerId, UUID toCustomerId, Instant now);

    /**
     * Erases the personal data of every message of the customer: recipient and content become null, the version
     * rises by 1 and updatedAt becomes {@code now}; ids, codes, statuses and times stay, so counts and reports keep
     * adding up. Messages erased before are left alone.
     *
     * @return how many messages were erased by this call
     */
    int erase(String tenantId, UUID customerId, Instant now);
}
