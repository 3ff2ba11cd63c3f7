package dev.crmkit.jdbc;

import dev.crmkit.model.Checks;
import dev.crmkit.model.Cursor;
import dev.crmkit.model.Page;
import dev.crmkit.model.PageRequest;
import dev.crmkit.model.ValidationException;
import dev.crmkit.model.touchpoint.Channel;
import dev.crmkit.model.touchpoint.ChannelActivity;
import dev.crmkit.model.touchpoint.Direction;
import dev.crmkit.model.touchpoint.Purpose;
import dev.crmkit.model.touchpoint.TimelineFilter;
import dev.crmkit.spi.touchpoint.InteractionRecord;
import dev.crmkit.spi.touchpoint.InteractionStore;
import java.sql.SQLException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Interactions in {@code crm_interaction}; the timeline reads {@code ix_crm_interaction_timeline} backwards. */
final class JdbcInteractionStore implements InteractionStore {
    private static final String TYPE = "interaction";
    private static final Map<String, String> UNIQUE = Map.of("uq_crm_interaction_idempotency_key", "idempotencyKey");
    private static final String COLUMNS = "tenant_id, id, version, created_at, updated_at, customer_id, channel, direction,"
            + " purpose, outcome, agent_id, summary, occurred_at, idempotency_key";
    private static final String INSERT = "INSERT INTO crm_interaction (" + COLUMNS
            + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

    private final Database db;

    JdbcInteractionStore(Database db) {
        this.db = db;
    }

    @Override
    public InteractionRecord insert(InteractionRecord interaction) {
        insertAll(List.of(Checks.required("interaction", interaction)));
        return atVersionOne(interaction);
    }

    @Override
    public void insertAll(List<InteractionRecord> interactions) {
        Checks.noNulls("interactions", interactions);
        if (interactions.isEmpty()) {
            return;
        }
        db.write(TYPE, UNIQUE, c -> {
            List<List<?>> rows = new ArrayList<>();
            for (InteractionRecord i : interactions) {
                rows.add(Arrays.asList(i.tenantId(), i.id(), 1L, i.createdAt(), i.updatedAt(), i.customerId(),
                        i.channel(), i.direction(), i.purpose(), i.outcome(), i.agentId(), i.summary(), i.occurredAt(),
                        i.idempotencyKey()));
            }
            db.batch(c, INSERT, rows);
            return null;
        });
    }

    @Override
    public Optional<InteractionRecord> get(String tenantId, UUID id) {
        Checks.tenantId("tenantId", tenantId);
        Checks.id("id", id);
        return db.read(TYPE, c -> db.one(c, "SELECT " + COLUMNS + " FROM crm_interaction WHERE tenant_id = ? AND id = ?",
                List.of(tenantId, id), JdbcInteractionStore::interaction));
    }

    @Override
    public Optional<InteractionRecord> findByIdempotencyKey(String tenantId, String idempotencyKey) {
        Checks.tenantId("tenantId", tenantId);
        Checks.text("idempotencyKey", idempotencyKey, 100);
        return db.read(TYPE, c -> db.one(c, "SELECT " + COLUMNS + " FROM crm_interaction WHERE tenant_id = ?"
                + " AND idempotency_key = ?", List.of(tenantId, idempotencyKey), JdbcInteractionStore::interaction));
    }

    @Override
    public Page<InteractionRecord> timeline(String tenantId, UUID customerId, TimelineFilter filter, PageRequest page) {
        Checks.tenantId("tenantId", tenantId);
        Checks.id("customerId", customerId);
        Checks.required("filter", filter);
        Checks.required("page", page);
        StringBuilder sql = new StringBuilder("SELECT " + COLUMNS
                + " FROM crm_interaction WHERE tenant_id = ? AND customer_id = ?");
        List<Object> parameters = new ArrayList<>(List.of(tenantId, customerId));
        if (!filter.channels().isEmpty()) {
            sql.append(" AND channel IN ").append(Database.placeholders(filter.channels().size()));
            filter.channels().stream().sorted().forEach(parameters::add);
        }
        if (!filter.purposes().isEmpty()) {
            sql.append(" AND purpose IN ").append(Database.placeholders(filter.purposes().size()));
            filter.purposes().stream().sorted().forEach(parameters::add);
        }
        if (filter.from() != null) {
            sql.append(" AND occurred_at >= ?");
            parameters.add(filter.from());
        }
        if (filter.until() != null) {
            sql.append(" AND occurred_at < ?");
            parameters.add(filter.until());
        }
        if (page.after() != null) {
            List<String> keys = page.after().keys(2);
            Instant occurredAt = parseInstant(keys.get(0));
            UUID id = parseId(keys.get(1));
            sql.append(" AND (occurred_at < ? OR (occurred_at = ? AND id < ?))");
            parameters.addAll(List.of(occurredAt, occurredAt, id));
        }
        sql.append(" ORDER BY occurred_at DESC, id DESC").append(Database.limit(page.limit()));
        List<InteractionRecord> items = db.read(TYPE, c -> db.list(c, sql.toString(), parameters,
                JdbcInteractionStore::interaction));
        Optional<Cursor> next = Optional.empty();
        if (items.size() == page.limit()) {
            InteractionRecord last = items.get(items.size() - 1);
            next = Optional.of(Cursor.of(List.of(last.occurredAt().toString(), last.id().toString())));
        }
        return new Page<>(items, next);
    }

    @Override
    public List<ChannelActivity> activityByChannel(String tenantId, UUID customerId) {
        Checks.tenantId("tenantId", tenantId);
        Checks.id("customerId", customerId);
        List<ChannelActivity> activity = new ArrayList<>(db.read(TYPE, c -> db.list(c,
                "SELECT channel, COUNT(*) AS n, MAX(occurred_at) AS latest FROM crm_interaction"
                        + " WHERE tenant_id = ? AND customer_id = ? GROUP BY channel", List.of(tenantId, customerId),
                r -> new ChannelActivity(r.enumValue(Channel.class, "channel"), r.number("n"), r.instant("latest")))));
        activity.sort(Comparator.comparing(ChannelActivity::channel));
        return activity;
    }

    @Override
    public long count(String tenantId, UUID customerId, Direction direction, Purpose purpose, Instant since) {
        Checks.tenantId("tenantId", tenantId);
        Checks.id("customerId", customerId);
        Checks.required("direction", direction);
        Checks.required("purpose", purpose);
        Instant from = Checks.instant("since", since);
        return db.read(TYPE, c -> db.one(c, "SELECT COUNT(*) AS n FROM crm_interaction WHERE tenant_id = ?"
                + " AND customer_id = ? AND occurred_at >= ? AND direction = ? AND purpose = ?",
                List.of(tenantId, customerId, from, direction, purpose), r -> r.number("n")).orElse(0L));
    }

    @Override
    public int moveAll(String tenantId, UUID fromCustomerId, UUID toCustomerId, Instant now) {
        Checks.tenantId("tenantId", tenantId);
        Checks.id("fromCustomerId", fromCustomerId);
        Checks.id("toCustomerId", toCustomerId);
        Instant at = Checks.instant("now", now);
        return db.write(TYPE, UNIQUE, c -> db.update(c, "UPDATE crm_interaction SET customer_id = ?,"
                + " version = version + 1, updated_at = ? WHERE tenant_id = ? AND customer_id = ?",
                List.of(toCustomerId, at, tenantId, fromCustomerId)));
    }

    static Instant parseInstant(String text) {
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw new ValidationException("cursor", "is not a cursor this library issued");
        }
    }

    static UUID parseId(String text) {
        try {
            return UUID.fromString(text);
        } catch (IllegalArgumentException e) {
            throw new ValidationException("cursor", "is not a cursor this library issued");
        }
    }

    private static InteractionRecord atVersionOne(InteractionRecord i) {
        return i.version() == 1 ? i : new InteractionRecord(i.tenantId(), i.id(), 1, i.createdAt(), i.updatedAt(),
                i.customerId(), i.channel(), i.direction(), i.purpose(), i.outcome(), i.agentId(), i.summary(),
                i.occurredAt(), i.idempotencyKey());
    }

    private static InteractionRecord interaction(Row r) throws SQLException {
        return new InteractionRecord(r.text("tenant_id"), r.id("id"), r.number("version"), r.instant("created_at"),
                r.instant("updated_at"), r.id("customer_id"), r.enumValue(Channel.class, "channel"),
                r.enumValue(Direction.class, "direction"), r.enumValue(Purpose.class, "purpose"), r.text("outcome"),
                r.text("agent_id"), r.text("summary"), r.instant("occurred_at"), r.text("idempotency_key"));
    }
}
