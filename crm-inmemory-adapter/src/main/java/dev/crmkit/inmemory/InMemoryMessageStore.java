package dev.crmkit.inmemory;

import dev.crmkit.model.Checks;
import dev.crmkit.model.DuplicateException;
import dev.crmkit.model.Page;
import dev.crmkit.model.PageRequest;
import dev.crmkit.model.ValidationException;
import dev.crmkit.model.message.ChannelKind;
import dev.crmkit.model.message.MessageFilter;
import dev.crmkit.spi.Ids;
import dev.crmkit.spi.message.MessageRecord;
import dev.crmkit.spi.message.MessageStore;
import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;

final class InMemoryMessageStore implements MessageStore {
    private static final Comparator<MessageRecord> BY_ID = Comparator.comparing(MessageRecord::id, Ids.ORDER);

    private final UnitOfWork unit;
    private final Table<MessageRecord> table;

    InMemoryMessageStore(UnitOfWork unit) {
        this.unit = unit;
        this.table = new Table<>("message", unit);
    }

    @Override
    public MessageRecord insert(MessageRecord message) {
        Checks.required("message", message);
        return unit.inTransaction(() -> {
            MessageRecord stored = atVersionOne(message);
            table.checkInsertable(stored);
            if (message.idempotencyKey() != null
                    && findKey(message.tenantId(), message.idempotencyKey()).isPresent()) {
                throw new DuplicateException("message", "idempotencyKey");
            }
            return table.insert(stored);
        });
    }

    @Override
    public void insertAll(List<MessageRecord> messages) {
        Checks.noNulls("messages", messages);
        if (messages.size() > MAX_BATCH) {
            throw new ValidationException("messages", "must hold at most " + MAX_BATCH + " messages");
        }
        unit.run(() -> messages.forEach(this::insert));
    }

    @Override
    public Optional<MessageRecord> get(String tenantId, UUID id) {
        Checks.tenantId("tenantId", tenantId);
        Checks.id("id", id);
        return unit.inTransaction(() -> table.get(tenantId, id));
    }

    @Override
    public Optional<MessageRecord> findByIdempotencyKey(String tenantId, String idempotencyKey) {
        Checks.tenantId("tenantId", tenantId);
        Checks.text("idempotencyKey", idempotencyKey, 100);
        return unit.inTransaction(() -> findKey(tenantId, idempotencyKey));
    }

    private Optional<MessageRecord> findKey(String tenantId, String key) {
        return table.all(tenantId).stream().filter(m -> key.equals(m.idempotencyKey())).findFirst();
    }

    @Override
    public List<MessageRecord> findByIdempotencyKeys(String tenantId, Collection<String> idempotencyKeys) {
        Checks.tenantId("tenantId", tenantId);
        Set<String> wanted = new LinkedHashSet<>(Checks.noNulls("idempotencyKeys", idempotencyKeys));
        if (wanted.size() > MAX_BATCH) {
            throw new ValidationException("idempotencyKeys", "must hold at most " + MAX_BATCH + " keys");
        }
        return unit.inTransaction(() -> table.all(tenantId).stream()
                .filter(m -> m.idempotencyKey() != null && wanted.contains(m.idempotencyKey())).toList());
    }

    @Override
    public Optional<MessageRecord> findByProviderReference(String tenantId, ChannelKind kind,
            String providerReference) {
        Checks.tenantId("tenantId", tenantId);
        Checks.required("kind", kind);
        Checks.text("providerReference", providerReference, 200);
        return unit.inTransaction(() -> table.all(tenantId).stream()
                .filter(m -> m.kind() == kind && providerReference.equals(m.delivery().providerReference()))
                .max(BY_ID));
    }

    @Override
    public MessageRecord update(MessageRecord message, long expectedVersion) {
        Checks.required("message", message);
        return unit.inTransaction(() -> {
            MessageRecord stored = table.expect(message.tenantId(), message.id(), expectedVersion);
            MessageRecord next = new MessageRecord(stored.tenantId(), stored.id(), expectedVersion + 1,
                    stored.createdAt(), message.updatedAt(), stored.customerId(), stored.kind(), stored.listName(),
                    stored.recipient(), stored.content(), stored.origin(), stored.idempotencyKey(),
                    stored.notBefore(), message.delivery());
            table.put(next);
            return next;
        });
    }

    @Override
    public Page<MessageRecord> forCustomer(String tenantId, UUID customerId, MessageFilter filter, PageRequest page) {
        Checks.tenantId("tenantId", tenantId);
        Checks.id("customerId", customerId);
        Checks.required("filter", filter);
        Checks.required("page", page);
        return page(tenantId, m -> m.customerId().equals(customerId) && filter.test(m), BY_ID.reversed(), page);
    }

    @Override
    public Page<MessageRecord> onList(String tenantId, ChannelKind kind, String listName, PageRequest page) {
        Checks.tenantId("tenantId", tenantId);
        Checks.required("kind", kind);
        if (!kind.isList()) {
            throw new ValidationException("kind", "must be a list kind (CALL_LIST, DIRECT_MAIL)");
        }
        Checks.text("listName", listName, 100);
        Checks.required("page", page);
        return page(tenantId, m -> m.kind() == kind && listName.equals(m.listName())
                && m.delivery().sentAt() != null, BY_ID, page);
    }

    private Page<MessageRecord> page(String tenantId, Predicate<MessageRecord> filter,
            Comparator<MessageRecord> order, PageRequest page) {
        return unit.inTransaction(() -> Paging.page(table.all(tenantId).stream().filter(filter), order, page, 1,
                m -> List.of(m.id().toString()),
                keys -> {
                    UUID after = Paging.id(keys.get(0));
                    return m -> order.compare(m, probeOf(after, m)) > 0;
                }));
    }

    /** {@code m} under the cursor's id, for comparing by id in the page's order. */
    private static MessageRecord probeOf(UUID id, MessageRecord m) {
        return new MessageRecord(m.tenantId(), id, 1, m.createdAt(), m.updatedAt(), m.customerId(), m.kind(),
                m.listName(), m.recipient(), m.content(), m.origin(), null, m.notBefore(), m.delivery());
    }

    @Override
    public int moveAll(String tenantId, UUID fromCustomerId, UUID toCustomerId, Instant now) {
        Checks.tenantId("tenantId", tenantId);
        Checks.id("fromCustomerId", fromCustomerId);
        Checks.id("toCustomerId", toCustomerId);
        Instant at = Checks.instant("now", now);
        return unit.inTransaction(() -> {
            List<MessageRecord> moving = table.all(tenantId).stream()
                    .filter(m -> m.customerId().equals(fromCustomerId)).toList();
            for (MessageRecord m : moving) {
                table.put(new MessageRecord(tenantId, m.id(), m.version() + 1, m.createdAt(), at, toCustomerId,
                        m.kind(), m.listName(), m.recipient(), m.content(), m.origin(), m.idempotencyKey(),
                        m.notBefore(), m.delivery()));
            }
            return moving.size();
        });
    }

    @Override
    public int erase(String tenantId, UUID customerId, Instant now) {
        Checks.tenantId("tenantId", tenantId);
        Checks.id("customerId", customerId);
        Instant at = Checks.instant("now", now);
        return unit.inTransaction(() -> {
            List<MessageRecord> erasing = table.all(tenantId).stream()
                    .filter(m -> m.customerId().equals(customerId) && !m.isErased()).toList();
            for (MessageRecord m : erasing) {
                table.put(new MessageRecord(tenantId, m.id(), m.version() + 1, m.createdAt(), at, customerId,
                        m.kind(), m.listName(), null, null, m.origin(), m.idempotencyKey(), m.notBefore(),
                        m.delivery()));
            }
            return erasing.size();
        });
    }

    private static MessageRecord atVersionOne(MessageRecord m) {
        return m.version() == 1 ? m : new MessageRecord(m.tenantId(), m.id(), 1, m.createdAt(), m.updatedAt(),
                m.customerId(), m.kind(), m.listName(), m.recipient(), m.content(), m.origin(), m.idempotencyKey(),
                m.notBefore(), m.delivery());
    }
}
