package dev.crmkit.jdbc;

import dev.crmkit.model.Checks;
import dev.crmkit.model.ConflictException;
import dev.crmkit.model.Cursor;
import dev.crmkit.model.NotFoundException;
import dev.crmkit.model.Page;
import dev.crmkit.model.PageRequest;
import dev.crmkit.model.ValidationException;
import dev.crmkit.model.message.ChannelKind;
import dev.crmkit.model.message.MessageContent;
import dev.crmkit.model.message.MessageDelivery;
import dev.crmkit.model.message.MessageFilter;
import dev.crmkit.model.message.MessageOrigin;
import dev.crmkit.model.message.MessageStatus;
import dev.crmkit.model.message.Recipient;
import dev.crmkit.spi.message.MessageRecord;
import dev.crmkit.spi.message.MessageStore;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Messages in {@code crm_message}: a customer's messages through {@code ix_crm_message_customer} (read backwards for
 * newest first), a list through {@code ix_crm_message_list}, a provider's reference through
 * {@code ix_crm_message_provider_ref}. A NULL recipient address marks an erased message.
 */
final class JdbcMessageStore implements MessageStore {
    private static final String TYPE = "message";
    private static final int CHUNK = 500;
    private static final Map<String, String> UNIQUE = Map.of("uq_crm_message_idempotency_key", "idempotencyKey");
    private static final String COLUMNS = "tenant_id, id, version, created_at, updated_at, customer_id, kind, list_name,"
            + " recipient_address, recipient_name, subject, body, origin_code, origin_id, idempotency_key, not_before,"
            + " status, attempts, sending_until, provider_ref, failure_reason, sent_at, outcome_at";
    private static final String INSERT = "INSERT INTO crm_message (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?,"
            + " ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    private static final String SELECT = "SELECT " + COLUMNS + " FROM crm_message";

    private final Database db;

    JdbcMessageStore(Database db) {
        this.db = db;
    }

    @Override
    public MessageRecord insert(MessageRecord message) {
        insertAll(List.of(Checks.required("message", message)));
        return atVersionOne(message);
    }

    @Override
    public void insertAll(List<MessageRecord> messages) {
        Checks.noNulls("messages", messages);
        if (messages.size() > MAX_BATCH) {
            throw new ValidationException("messages", "must hold at most " + MAX_BATCH + " messages");
        }
        if (messages.isEmpty()) {
            return;
        }
        List<List<?>> rows = new ArrayList<>();
        for (MessageRecord m : messages) {
            Recipient to = m.recipient();
            MessageContent content = m.content();
            MessageOrigin origin = m.origin();
            MessageDelivery d = m.delivery();
            rows.add(Arrays.asList(m.tenantId(), m.id(), 1L, m.createdAt(), m.updatedAt(), m.customerId(), m.kind(),
                    m.listName(), to == null ? null : to.address(), to == null ? null : to.name(),
                    content == null ? null : content.subject(), content == null ? null : content.body(),
                    origin == null ? null : origin.code(), origin == null ? null : origin.id(), m.idempotencyKey(),
                    m.notBefore(), d.status(), d.attempts(), d.sendingUntil(), d.providerReference(),
                    d.failureReason(), d.sentAt(), d.outcomeAt()));
        }
        db.write(TYPE, UNIQUE, c -> {
            db.batch(c, INSERT, rows);
            return null;
        });
    }

    @Override
    public Optional<MessageRecord> get(String tenantId, UUID id) {
        Checks.tenantId("tenantId", tenantId);
        Checks.id("id", id);
        return db.read(TYPE, c -> load(c, tenantId, id));
    }

    @Override
    public Optional<MessageRecord> findByIdempotencyKey(String tenantId, String idempotencyKey) {
        Checks.tenantId("tenantId", tenantId);
        Checks.text("idempotencyKey", idempotencyKey, 100);
        return db.read(TYPE, c -> db.one(c, SELECT + " WHERE tenant_id = ? AND idempotency_key = ?",
                List.of(tenantId, idempotencyKey), JdbcMessageStore::message));
    }

    @Override
    public List<MessageRecord> findByIdempotencyKeys(String tenantId, Collection<String> idempotencyKeys) {
        Checks.tenantId("tenantId", tenantId);
        List<String> wanted = List.copyOf(new LinkedHashSet<>(Checks.noNulls("idempotencyKeys", idempotencyKeys)));
        if (wanted.size() > MAX_BATCH) {
            throw new ValidationException("idempotencyKeys", "must hold at most " + MAX_BATCH + " keys");
        }
        if (wanted.isEmpty()) {
            return List.of();
        }
        return db.read(TYPE, c -> {
            List<MessageRecord> found = new ArrayList<>();
            for (int from = 0; from < wanted.size(); from += CHUNK) {
                List<Object> parameters = new ArrayList<>();
                String sql = "SELECT " + prefixed("m") + " FROM " + db.oneOf("crm_message", "m",
                        List.of("tenant_id"), List.of(tenantId), "idempotency_key",
                        wanted.subList(from, Math.min(wanted.size(), from + CHUNK)), parameters);
                found.addAll(db.list(c, sql, parameters, JdbcMessageStore::message));
            }
            return found;
        });
    }

    @Override
    public Optional<MessageRecord> findByProviderReference(String tenantId, ChannelKind kind,
            String providerReference) {
        Checks.tenantId("tenantId", tenantId);
        Checks.required("kind", kind);
        Checks.text("providerReference", providerReference, 200);
        return db.read(TYPE, c -> db.one(c, SELECT + " WHERE tenant_id = ? AND kind = ? AND provider_ref = ?"
                + " ORDER BY id DESC" + Database.limit(1), List.of(tenantId, kind, providerReference),
                JdbcMessageStore::message));
    }

    @Override
    public MessageRecord update(MessageRecord m, long expectedVersion) {
        Checks.required("message", m);
        MessageDelivery d = m.delivery();
        return db.write(TYPE, UNIQUE, c -> {
            int changed = db.update(c, "UPDATE crm_message SET version = ?, updated_at = ?, status = ?, attempts = ?,"
                    + " sending_until = ?, provider_ref = ?, failure_reason = ?, sent_at = ?, outcome_at = ?"
                    + " WHERE tenant_id = ? AND id = ? AND version = ?",
                    Arrays.asList(expectedVersion + 1, m.updatedAt(), d.status(), d.attempts(), d.sendingUntil(),
                            d.providerReference(), d.failureReason(), d.sentAt(), d.outcomeAt(), m.tenantId(), m.id(),
                            expectedVersion));
            if (changed == 0) {
                throw load(c, m.tenantId(), m.id()).isPresent()
                        ? ConflictException.staleVersion(TYPE, m.id(), expectedVersion)
                        : new NotFoundException(TYPE, m.id());
            }
            return load(c, m.tenantId(), m.id()).orElseThrow();
        });
    }

    @Override
    public Page<MessageRecord> forCustomer(String tenantId, UUID customerId, MessageFilter filter, PageRequest page) {
        Checks.tenantId("tenantId", tenantId);
        Checks.id("customerId", customerId);
        Checks.required("filter", filter);
        Checks.required("page", page);
        StringBuilder sql = new StringBuilder(SELECT + " WHERE tenant_id = ? AND customer_id = ?");
        List<Object> parameters = new ArrayList<>(List.of(tenantId, customerId));
        if (!filter.kinds().isEmpty()) {
            sql.append(" AND kind IN ").append(Database.placeholders(filter.kinds().size()));
            filter.kinds().stream().sorted().forEach(parameters::add);
        }
        if (!filter.statuses().isEmpty()) {
            sql.append(" AND status IN ").append(Database.placeholders(filter.statuses().size()));
            filter.statuses().stream().sorted().forEach(parameters::add);
        }
        if (page.after() != null) {
            sql.append(" AND id < ?");
            parameters.add(JdbcInteractionStore.parseId(page.after().keys(1).get(0)));
        }
        sql.append(" ORDER BY id DESC").append(Database.limit(page.limit()));
        return page(sql.toString(), parameters, page);
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
        StringBuilder sql = new StringBuilder(SELECT
                + " WHERE tenant_id = ? AND kind = ? AND list_name = ? AND sent_at IS NOT NULL");
        List<Object> parameters = new ArrayList<>(List.of(tenantId, kind, listName));
        if (page.after() != null) {
            sql.append(" AND id > ?");
            parameters.add(JdbcInteractionStore.parseId(page.after().keys(1).get(0)));
        }
        sql.append(" ORDER BY id").append(Database.limit(page.limit()));
        return page(sql.toString(), parameters, page);
    }

    private Page<MessageRecord> page(String sql, List<Object> parameters, PageRequest page) {
        List<MessageRecord> items = db.read(TYPE, c -> db.list(c, sql, parameters, JdbcMessageStore::message));
        Optional<Cursor> next = items.size() == page.limit()
                ? Optional.of(Cursor.of(List.of(items.get(items.size() - 1).id().toString())))
                : Optional.empty();
        return new Page<>(items, next);
    }

    @Override
    public int moveAll(String tenantId, UUID fromCustomerId, UUID toCustomerId, Instant now) {
        Checks.tenantId("tenantId", tenantId);
        Checks.id("fromCustomerId", fromCustomerId);
        Checks.id("toCustomerId", toCustomerId);
        Instant at = Checks.instant("now", now);
        return db.write(TYPE, UNIQUE, c -> db.update(c, "UPDATE crm_message SET customer_id = ?,"
                + " version = version + 1, updated_at = ? WHERE tenant_id = ? AND customer_id = ?",
                List.of(toCustomerId, at, tenantId, fromCustomerId)));
    }

    @Override
    public int erase(String tenantId, UUID customerId, Instant now) {
        Checks.tenantId("tenantId", tenantId);
        Checks.id("customerId", customerId);
        Instant at = Checks.instant("now", now);
        return db.write(TYPE, UNIQUE, c -> db.update(c, "UPDATE crm_message SET recipient_address = NULL,"
                + " recipient_name = NULL, subject = NULL, body = NULL, version = version + 1, updated_at = ?"
                + " WHERE tenant_id = ? AND customer_id = ? AND recipient_address IS NOT NULL",
                List.of(at, tenantId, customerId)));
    }

    private Optional<MessageRecord> load(Connection c, String tenantId, UUID id) throws SQLException {
        return db.one(c, SELECT + " WHERE tenant_id = ? AND id = ?", List.of(tenantId, id), JdbcMessageStore::message);
    }

    /** The columns, each qualified with {@code alias}. */
    private static String prefixed(String alias) {
        StringBuilder columns = new StringBuilder();
        for (String column : COLUMNS.split(", ")) {
            columns.append(columns.length() == 0 ? "" : ", ").append(alias).append('.').append(column);
        }
        return columns.toString();
    }

    private static MessageRecord atVersionOne(MessageRecord m) {
        return m.version() == 1 ? m : new MessageRecord(m.tenantId(), m.id(), 1, m.createdAt(), m.updatedAt(),
                m.customerId(), m.kind(), m.listName(), m.recipient(), m.content(), m.origin(), m.idempotencyKey(),
                m.notBefore(), m.delivery());
    }

    private static MessageRecord message(Row r) throws SQLException {
        String tenantId = r.text("tenant_id");
        UUID id = r.id("id");
        long version = r.number("version");
        Instant createdAt = r.instant("created_at");
        Instant updatedAt = r.instant("updated_at");
        UUID customerId = r.id("customer_id");
        ChannelKind kind = r.enumValue(ChannelKind.class, "kind");
        String listName = r.text("list_name");
        String address = r.text("recipient_address");
        String name = r.text("recipient_name");
        String subject = r.text("subject");
        String body = r.text("body");
        String originCode = r.text("origin_code");
        UUID originId = r.id("origin_id");
        String idempotencyKey = r.text("idempotency_key");
        Instant notBefore = r.instant("not_before");
        MessageDelivery delivery = new MessageDelivery(r.enumValue(MessageStatus.class, "status"),
                r.integer("attempts"), r.instant("sending_until"), r.text("provider_ref"), r.text("failure_reason"),
                r.instant("sent_at"), r.instant("outcome_at"));
        boolean erased = address == null;
        return new MessageRecord(tenantId, id, version, createdAt, updatedAt, customerId, kind, listName,
                erased ? null : new Recipient(address, name), erased ? null : new MessageContent(subject, body),
                originCode == null ? null : new MessageOrigin(originCode, originId), idempotencyKey, notBefore,
                delivery);
    }
}
