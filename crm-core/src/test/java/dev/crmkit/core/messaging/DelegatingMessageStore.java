package dev.crmkit.core.messaging;

import dev.crmkit.model.Page;
import dev.crmkit.model.PageRequest;
import dev.crmkit.model.message.ChannelKind;
import dev.crmkit.model.message.MessageFilter;
import dev.crmkit.spi.message.MessageRecord;
import dev.crmkit.spi.message.MessageStore;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** A message store that passes every call to a real one; tests override the calls they watch or slow down. */
class DelegatingMessageStore implements MessageStore {
    final MessageStore real;

    DelegatingMessageStore(MessageStore real) {
        this.real = real;
    }

    @Override
    public MessageRecord insert(MessageRecord message) {
        return real.insert(message);
    }

    @Override
    public void insertAll(List<MessageRecord> messages) {
        real.insertAll(messages);
    }

    @Override
    public Optional<MessageRecord> get(String tenantId, UUID id) {
        return real.get(tenantId, id);
    }

    @Override
    public Optional<MessageRecord> findByIdempotencyKey(String tenantId, String idempotencyKey) {
        return real.findByIdempotencyKey(tenantId, idempotencyKey);
    }

    @Override
    public List<MessageRecord> findByIdempotencyKeys(String tenantId, Collection<String> keys) {
        return real.findByIdempotencyKeys(tenantId, keys);
    }

    @Override
    public Optional<MessageRecord> findByProviderReference(String tenantId, ChannelKind kind, String reference) {
        return real.findByProviderReference(tenantId, kind, reference);
    }

    @Override
    public MessageRecord update(MessageRecord message, long expectedVersion) {
        return real.update(message, expectedVersion);
    }

    @Override
    public Page<MessageRecord> forCustomer(String tenantId, UUID customerId, MessageFilter filter, PageRequest page) {
        return real.forCustomer(tenantId, customerId, filter, page);
    }

    @Override
    public Page<MessageRecord> onList(String tenantId, ChannelKind kind, String listName, PageRequest page) {
        return real.onList(tenantId, kind, listName, page);
    }

    @Override
    public int moveAll(String tenantId, UUID fromCustomerId, UUID toCustomerId, Instant now) {
        return real.moveAll(tenantId, fromCustomerId, toCustomerId, now);
    }

    @Override
    public int erase(String tenantId, UUID customerId, Instant now) {
        return real.erase(tenantId, customerId, now);
    }
}
