package dev.crmkit.core.messaging;

import dev.crmkit.core.common.MergeChain;
import dev.crmkit.core.messaging.MessageLifecycle.Change;
import dev.crmkit.core.module.DomainContext;
import dev.crmkit.model.Checks;
import dev.crmkit.model.ConflictException;
import dev.crmkit.model.DuplicateException;
import dev.crmkit.model.NotFoundException;
import dev.crmkit.model.Page;
import dev.crmkit.model.PageRequest;
import dev.crmkit.model.ValidationException;
import dev.crmkit.model.message.ChannelKind;
import dev.crmkit.model.message.MessageDelivery;
import dev.crmkit.model.message.MessageFilter;
import dev.crmkit.model.message.MessageStatus;
import dev.crmkit.spi.customer.CustomerRecord;
import dev.crmkit.spi.customer.CustomerStorage;
import dev.crmkit.spi.message.MessageRecord;
import dev.crmkit.spi.message.MessageStorage;
import dev.crmkit.spi.message.MessageStore;
import dev.crmkit.spi.scheduling.DueWorkRecord;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;

final class StoredMessages implements MessageService {
    /** How often a change is tried again after a concurrent writer (the dispatcher, a report) changed it first. */
    private static final int TRIES = 3;
    private static final int CANCEL_PAGE = 200;

    private final DomainContext context;
    private final String tenantId;
    private final Channels channels;
    private final MessageStore messages;
    private final CustomerStorage customers;

    StoredMessages(DomainContext context, String tenantId, Channels channels) {
        this.context = context;
        this.tenantId = tenantId;
        this.channels = channels;
        this.messages = context.storage(MessageStorage.class).messages();
        this.customers = context.storage(CustomerStorage.class);
    }

    @Override
    public Message send(SendMessage command) {
        Checks.required("command", command);
        requireChannel(command, "kind");
        return send(List.of(command), false).get(0);
    }

    @Override
    public List<Message> sendAll(List<SendMessage> commands) {
        Checks.noNulls("commands", commands);
        if (commands.size() > MAX_BATCH) {
            throw new ValidationException("commands", "must hold at most " + MAX_BATCH + " commands");
        }
        for (int i = 0; i < commands.size(); i++) {
            requireChannel(commands.get(i), "commands[" + i + "].kind");
        }
        return commands.isEmpty() ? List.of() : send(commands, true);
    }

    private void requireChannel(SendMessage command, String field) {
        if (channels.forKind(command.kind()).isEmpty()) {
            throw new ValidationException(field, "no message channel serves " + command.kind()
                    + ": register one with MessagingModule.builder().channel(...)");
        }
    }

    private List<Message> send(List<SendMessage> commands, boolean batch) {
        try {
            return inTransaction(() -> sendOnce(commands, batch));
        } catch (DuplicateException e) {
            if (!"idempotencyKey".equals(e.key())) {
                throw e;
            }
            // a concurrent send with one of the keys won the insert; answer as if it had come first
            return inTransaction(() -> sendOnce(commands, batch));
        }
    }

    private List<Message> sendOnce(List<SendMessage> commands, boolean batch) {
        Instant now = context.now();
        Map<UUID, UUID> survivors = survivors(commands);
        Map<String, MessageRecord> byKey = new HashMap<>();
        Set<String> keys = new LinkedHashSet<>();
        commands.stream().map(SendMessage::idempotencyKey).filter(Objects::nonNull).forEach(keys::add);
        if (!keys.isEmpty()) {
            messages.findByIdempotencyKeys(tenantId, keys).forEach(m -> byKey.put(m.idempotencyKey(), m));
        }
        List<MessageRecord> fresh = new ArrayList<>();
        List<Message> results = new ArrayList<>();
        for (int i = 0; i < commands.size(); i++) {
            SendMessage command = commands.get(i);
            UUID customerId = survivors.get(command.customerId());
            MessageRecord known = command.idempotencyKey() == null ? null : byKey.get(command.idempotencyKey());
            if (known != null) {
                if (!sameContent(known, command, customerId)) {
                    throw new ConflictException((batch ? "the idempotency key of commands[" + i + "]"
                            : "the idempotency key") + " was used before for a different message");
                }
                results.add(Message.of(known));
                continue;
            }
            MessageRecord message = new MessageRecord(tenantId, context.ids().next(), 1, now, now, customerId,
                    command.kind(), command.listName(), command.recipient(), command.content(), command.origin(),
                    command.idempotencyKey(), command.notBefore() != null ? command.notBefore() : now,
                    MessageDelivery.queued());
            fresh.add(message);
            if (command.idempotencyKey() != null) {
                byKey.put(command.idempotencyKey(), message);
            }
            results.add(Message.of(message));
        }
        messages.insertAll(fresh);
        context.storage().dueWork().scheduleAll(fresh.stream().map(m -> DueWorkRecord.of(tenantId,
                context.ids().next(), DISPATCH, m.id().toString(), m.notBefore(), null)).toList());
        context.events().record(fresh.stream().map(m -> MessageLifecycle.queued(m, now)).toList());
        return List.copyOf(results);
    }

    /** Whether a message stored under the command's key is the one the command asks for (erased ones are). */
    private static boolean sameContent(MessageRecord known, SendMessage command, UUID customerId) {
        return known.customerId().equals(customerId)
                && known.kind() == command.kind()
                && Objects.equals(known.listName(), command.listName())
                && (known.isErased() || known.recipient().equals(command.recipient())
                        && known.content().equals(command.content()))
                && Objects.equals(known.origin(), command.origin())
                && (command.notBefore() == null || command.notBefore().equals(known.notBefore()));
    }

    /** The live customer each command's customer id is or was merged into. */
    private Map<UUID, UUID> survivors(List<SendMessage> commands) {
        List<UUID> ids = commands.stream().map(SendMessage::customerId).distinct().toList();
        Map<UUID, CustomerRecord> found = new HashMap<>();
        customers.customers().getAll(tenantId, ids).forEach(c -> found.put(c.id(), c));
        Map<UUID, UUID> survivors = new HashMap<>();
        for (UUID id : ids) {
            CustomerRecord customer = found.get(id);
            if (customer == null) {
                throw new NotFoundException("customer", id);
            }
            survivors.put(id, customer.isMerged() ? survivorId(id) : id);
        }
        return survivors;
    }

    @Override
    public Message message(UUID messageId) {
        Checks.id("messageId", messageId);
        return Message.of(stored(messageId));
    }

    @Override
    public Page<Message> messagesOf(UUID customerId, MessageFilter filter, PageRequest page) {
        Checks.id("customerId", customerId);
        Checks.required("filter", filter);
        Checks.required("page", page);
        Page<MessageRecord> records = inTransaction(() -> messages.forCustomer(tenantId, survivorId(customerId),
                filter, page));
        return new Page<>(records.items().stream().map(Message::of).toList(), records.next());
    }

    @Override
    public Message report(DeliveryReport report) {
        Checks.required("report", report);
        return retryingOnConflict(() -> inTransaction(() -> {
            MessageRecord before = report.messageId() != null ? stored(report.messageId())
                    : messages.findByProviderReference(tenantId, report.kind(), report.providerReference())
                            .orElseThrow(() -> new NotFoundException("message", report.kind() + " "
                                    + report.providerReference()));
            Change change = MessageLifecycle.report(before, report.outcome(), report.reason(), report.occurredAt(),
                    context.now());
            if (change.changed(before)) {
                store(change, before);
                if (before.status() == MessageStatus.QUEUED || before.status() == MessageStatus.SENDING) {
                    // the provider has it: no retry, and an attempt under way records nothing over this
                    context.storage().dueWork().cancel(tenantId, DISPATCH, before.id().toString());
                }
            }
            return Message.of(change.message());
        }));
    }

    @Override
    public Message cancel(UUID messageId) {
        Checks.id("messageId", messageId);
        return retryingOnConflict(() -> inTransaction(() -> Message.of(cancel(stored(messageId)))));
    }

    private MessageRecord cancel(MessageRecord before) {
        Change change = MessageLifecycle.cancel(before, context.now());
        if (change.changed(before)) {
            store(change, before);
            context.storage().dueWork().cancel(tenantId, DISPATCH, before.id().toString());
        }
        return change.message();
    }

    @Override
    public int cancelQueued(UUID customerId, ChannelKind kind) {
        Checks.id("customerId", customerId);
        MessageFilter queued = new MessageFilter(kind == null ? Set.of() : Set.of(kind), Set.of(MessageStatus.QUEUED));
        return inTransaction(() -> {
            UUID survivor = survivorId(customerId);
            int cancelled = 0;
            PageRequest request = PageRequest.first(CANCEL_PAGE);
            while (true) {
                Page<MessageRecord> page = messages.forCustomer(tenantId, survivor, queued, request);
                for (MessageRecord message : page.items()) {
                    if (cancelIfQueued(message)) {
                        cancelled++;
                    }
                }
                if (page.next().isEmpty()) {
                    return cancelled;
                }
                request = request.next(page.next().get());
            }
        });
    }

    /** Cancels a message that is still queued; one that a dispatcher took meanwhile goes on. */
    private boolean cancelIfQueued(MessageRecord message) {
        MessageRecord current = message;
        for (int attempt = 1; current.status() == MessageStatus.QUEUED; attempt++) {
            try {
                cancel(current);
                return true;
            } catch (ConflictException e) {
                if (attempt == TRIES) {
                    throw e;
                }
                current = stored(current.id());
            }
        }
        return false;
    }

    @Override
    public Page<Message> listEntries(ChannelKind kind, String listName, PageRequest page) {
        Checks.required("kind", kind);
        if (!kind.isList()) {
            throw new ValidationException("kind", "must be CALL_LIST or DIRECT_MAIL");
        }
        Checks.text("listName", listName, 100);
        Checks.required("page", page);
        Page<MessageRecord> records = messages.onList(tenantId, kind, listName, page);
        return new Page<>(records.items().stream().map(Message::of).toList(), records.next());
    }

    private MessageRecord stored(UUID messageId) {
        return messages.get(tenantId, messageId).orElseThrow(() -> new NotFoundException("message", messageId));
    }

    private void store(Change change, MessageRecord before) {
        messages.update(change.message(), before.version());
        context.events().record(change.events());
    }

    private UUID survivorId(UUID customerId) {
        return MergeChain.survivor(customers.customers(), tenantId, customerId).id();
    }

    private <T> T inTransaction(Supplier<T> work) {
        return context.storage().transactions().inTransaction(work);
    }

    private static <T> T retryingOnConflict(Supplier<T> change) {
        for (int attempt = 1; ; attempt++) {
            try {
                return change.get();
            } catch (ConflictException e) {
                if (attempt == TRIES) {
                    throw e;
                }
            }
        }
    }
}
