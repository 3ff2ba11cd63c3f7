package dev.crmkit.jdbc;

import dev.crmkit.model.Checks;
import dev.crmkit.model.ConflictException;
import dev.crmkit.model.Cursor;
import dev.crmkit.model.NotFoundException;
import dev.crmkit.model.Page;
import dev.crmkit.model.PageRequest;
import dev.crmkit.model.ValidationException;
import dev.crmkit.model.customer.CustomerCriterion;
import dev.crmkit.model.customer.LifecycleStage;
import dev.crmkit.model.customer.PartyKind;
import dev.crmkit.model.customfield.CustomFieldType;
import dev.crmkit.model.customfield.CustomFieldValue;
import dev.crmkit.spi.Ids;
import dev.crmkit.spi.customer.CustomerRecord;
import dev.crmkit.spi.customer.CustomerStore;
import dev.crmkit.spi.customer.SharedValue;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;

/** Customers in {@code crm_customer}, their tags in {@code crm_customer_tag}, custom fields in {@code crm_customer_field}. */
final class JdbcCustomerStore implements CustomerStore {
    private static final String TYPE = "customer";
    private static final Map<String, String> UNIQUE = Map.of("uq_crm_customer_external_ref", "externalRef");
    private static final String COLUMNS = "c.tenant_id, c.id, c.version, c.created_at, c.updated_at, c.kind, c.display_name,"
            + " c.given_name, c.family_name, c.organization_name, c.name_key, c.external_ref, c.lifecycle_stage,"
            + " c.owner_id, c.merged_into";
    private static final String INSERT = "INSERT INTO crm_customer (tenant_id, id, version, created_at, updated_at, kind,"
            + " display_name, given_name, family_name, organization_name, name_key, external_ref, lifecycle_stage,"
            + " owner_id, merged_into) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    private static final String INSERT_TAG = "INSERT INTO crm_customer_tag (tenant_id, customer_id, tag) VALUES (?, ?, ?)";
    private static final String INSERT_FIELD = "INSERT INTO crm_customer_field (tenant_id, customer_id, field_key, field_type,"
            + " text_value, number_value, date_value, boolean_value) VALUES (?, ?, ?, ?, ?, ?, ?, ?)";
    /** Ids per IN list, well below every driver's parameter limit. */
    private static final int CHUNK = 500;

    private final Database db;

    JdbcCustomerStore(Database db) {
        this.db = db;
    }

    @Override
    public CustomerRecord insert(CustomerRecord customer) {
        insertAll(List.of(Checks.required("customer", customer)));
        return customer;
    }

    @Override
    public void insertAll(List<CustomerRecord> customers) {
        Checks.noNulls("customers", customers);
        for (int i = 0; i < customers.size(); i++) {
            if (customers.get(i).version() != 1) {
                throw new ValidationException("customers[" + i + "].version", "must be 1 on insert");
            }
        }
        if (customers.isEmpty()) {
            return;
        }
        db.write(TYPE, UNIQUE, c -> {
            List<List<?>> rows = new ArrayList<>();
            List<List<?>> tags = new ArrayList<>();
            List<List<?>> fields = new ArrayList<>();
            for (CustomerRecord customer : customers) {
                rows.add(row(customer, customer.version()));
                collectChildren(customer, tags, fields);
            }
            db.batch(c, INSERT, rows);
            db.batch(c, INSERT_TAG, tags);
            db.batch(c, INSERT_FIELD, fields);
            return null;
        });
    }

    @Override
    public void lock(String tenantId, UUID id) {
        Checks.tenantId("tenantId", tenantId);
        Checks.id("id", id);
        db.lockRow(TYPE, "crm_customer", tenantId, id);
    }

    @Override
    public CustomerRecord update(CustomerRecord customer, long expectedVersion) {
        Checks.required("customer", customer);
        return db.write(TYPE, UNIQUE, c -> {
            int changed = db.update(c, "UPDATE crm_customer SET version = ?, updated_at = ?, kind = ?, display_name = ?,"
                    + " given_name = ?, family_name = ?, organization_name = ?, name_key = ?, external_ref = ?,"
                    + " lifecycle_stage = ?, owner_id = ?, merged_into = ? WHERE tenant_id = ? AND id = ? AND version = ?",
                    Arrays.asList(expectedVersion + 1, customer.updatedAt(), customer.kind(), customer.displayName(),
                            customer.givenName(), customer.familyName(), customer.organizationName(),
                            customer.nameKey(), customer.externalRef(), customer.lifecycleStage(), customer.ownerId(),
                            customer.mergedInto(), customer.tenantId(), customer.id(), expectedVersion));
            if (changed == 0) {
                throw exists(c, customer.tenantId(), customer.id())
                        ? ConflictException.staleVersion(TYPE, customer.id(), expectedVersion)
                        : new NotFoundException(TYPE, customer.id());
            }
            List<?> key = List.of(customer.tenantId(), customer.id());
            db.update(c, "DELETE FROM crm_customer_tag WHERE tenant_id = ? AND customer_id = ?", key);
            db.update(c, "DELETE FROM crm_customer_field WHERE tenant_id = ? AND customer_id = ?", key);
            List<List<?>> tags = new ArrayList<>();
            List<List<?>> fields = new ArrayList<>();
            collectChildren(customer, tags, fields);
            db.batch(c, INSERT_TAG, tags);
            db.batch(c, INSERT_FIELD, fields);
            return load(c, customer.tenantId(), List.of(customer.id())).get(0);
        });
    }

    @Override
    public Optional<CustomerRecord> get(String tenantId, UUID id) {
        Checks.tenantId("tenantId", tenantId);
        Checks.id("id", id);
        return db.read(TYPE, c -> load(c, tenantId, List.of(id)).stream().findFirst());
    }

    @Override
    public List<CustomerRecord> getAll(String tenantId, List<UUID> ids) {
        Checks.tenantId("tenantId", tenantId);
        Checks.noNulls("ids", ids);
        if (ids.isEmpty()) {
            return List.of();
        }
        return db.read(TYPE, c -> {
            List<CustomerRecord> found = new ArrayList<>();
            List<UUID> distinct = List.copyOf(new LinkedHashSet<>(ids));
            for (int from = 0; from < distinct.size(); from += CHUNK) {
                found.addAll(load(c, tenantId, distinct.subList(from, Math.min(distinct.size(), from + CHUNK))));
            }
            return found;
        });
    }

    @Override
    public Optional<CustomerRecord> findByExternalRef(String tenantId, String externalRef) {
        Checks.tenantId("tenantId", tenantId);
        Checks.text("externalRef", externalRef, 100);
        return db.read(TYPE, c -> withChildren(c, tenantId, db.list(c, "SELECT " + COLUMNS
                + " FROM crm_customer c WHERE c.tenant_id = ? AND c.external_ref = ?",
                List.of(tenantId, externalRef), JdbcCustomerStore::customer)).stream().findFirst());
    }

    @Override
    public Map<UUID, PartyKind> liveKinds(String tenantId, Collection<UUID> ids) {
        Checks.tenantId("tenantId", tenantId);
        List<UUID> wanted = List.copyOf(new LinkedHashSet<>(Checks.noNulls("ids", ids)));
        Checks.limit("ids.size", Math.max(1, wanted.size()), PageRequest.MAX_LIMIT);
        if (wanted.isEmpty()) {
            return Map.of();
        }
        List<Object> parameters = new ArrayList<>();
        // one id, the usual case (a ticket's customer), as a plain key lookup; several through the list lookup
        String sql = wanted.size() == 1
                ? "SELECT c.id, c.kind FROM crm_customer c WHERE c.tenant_id = ? AND c.id = ? AND c.merged_into IS NULL"
                : "SELECT c.id, c.kind FROM " + db.oneOf("crm_customer", "c", List.of("tenant_id"), List.of(tenantId),
                        "id", wanted, parameters) + " AND c.merged_into IS NULL";
        if (wanted.size() == 1) {
            parameters.add(tenantId);
            parameters.add(wanted.get(0));
        }
        return db.read(TYPE, c -> {
            Map<UUID, PartyKind> kinds = new HashMap<>();
            for (Map.Entry<UUID, PartyKind> kind : db.list(c, sql, parameters,
                    r -> Map.entry(r.id("id"), r.enumValue(PartyKind.class, "kind")))) {
                kinds.put(kind.getKey(), kind.getValue());
            }
            return kinds;
        });
    }

    @Override
    public Set<String> existingExternalRefs(String tenantId, Collection<String> externalRefs) {
        Checks.tenantId("tenantId", tenantId);
        List<String> wanted = List.copyOf(new LinkedHashSet<>(Checks.noNulls("externalRefs", externalRefs)));
        Checks.limit("externalRefs.size", Math.max(1, wanted.size()), PageRequest.MAX_LIMIT);
        return db.read(TYPE, c -> db.existing(c, "crm_customer", List.of("tenant_id"), List.of(tenantId),
                "external_ref", wanted));
    }

    @Override
    public Page<CustomerRecord> find(String tenantId, CustomerCriterion criterion, PageRequest page) {
        Checks.tenantId("tenantId", tenantId);
        Checks.required("criterion", criterion);
        Checks.required("page", page);
        CriterionSql condition = CriterionSql.of(criterion);
        List<Object> parameters = new ArrayList<>();
        parameters.add(tenantId);
        StringBuilder sql = new StringBuilder("SELECT ").append(COLUMNS)
                .append(" FROM crm_customer c WHERE c.tenant_id = ? AND c.merged_into IS NULL");
        if (page.after() != null) {
            sql.append(" AND c.id > ?");
            parameters.add(afterId(page.after()));
        }
        sql.append(" AND (").append(condition.sql).append(") ORDER BY c.id").append(Database.limit(page.limit()));
        parameters.addAll(condition.parameters);
        return db.read(TYPE, c -> {
            List<CustomerRecord> items = withChildren(c, tenantId,
                    db.list(c, sql.toString(), parameters, JdbcCustomerStore::customer));
            Optional<Cursor> next = items.size() == page.limit()
                    ? Optional.of(Cursor.of(List.of(items.get(items.size() - 1).id().toString())))
                    : Optional.empty();
            return new Page<>(items, next);
        });
    }

    @Override
    public long count(String tenantId, CustomerCriterion criterion) {
        Checks.tenantId("tenantId", tenantId);
        Checks.required("criterion", criterion);
        CriterionSql condition = CriterionSql.of(criterion);
        List<Object> parameters = new ArrayList<>();
        parameters.add(tenantId);
        parameters.addAll(condition.parameters);
        return db.read(TYPE, c -> db.one(c, "SELECT COUNT(*) AS n FROM crm_customer c WHERE c.tenant_id = ?"
                + " AND c.merged_into IS NULL AND (" + condition.sql + ")", parameters, r -> r.number("n")).orElse(0L));
    }

    @Override
    public List<CustomerRecord> findByNameKey(String tenantId, String nameKey, int limit) {
        Checks.tenantId("tenantId", tenantId);
        Checks.text("nameKey", nameKey, 100);
        Checks.limit("limit", limit, PageRequest.MAX_LIMIT);
        return db.read(TYPE, c -> withChildren(c, tenantId, db.list(c, "SELECT " + COLUMNS
                + " FROM crm_customer c WHERE c.tenant_id = ? AND c.name_key = ? AND c.merged_into IS NULL"
                + " ORDER BY c.id" + Database.limit(limit), List.of(tenantId, nameKey), JdbcCustomerStore::customer)));
    }

    @Override
    public List<CustomerRecord> findByNameKeys(String tenantId, Collection<String> nameKeys, int limit) {
        Checks.tenantId("tenantId", tenantId);
        List<String> wanted = List.copyOf(new LinkedHashSet<>(Checks.noNulls("nameKeys", nameKeys)));
        Checks.limit("nameKeys.size", Math.max(1, wanted.size()), PageRequest.MAX_LIMIT);
        Checks.limit("limit", limit, PageRequest.MAX_LIMIT);
        if (wanted.isEmpty()) {
            return List.of();
        }
        return db.read(TYPE, c -> {
            List<CustomerRecord> bare = new ArrayList<>();
            for (int from = 0; from < wanted.size(); from += CHUNK) {
                List<Object> parameters = new ArrayList<>();
                String sql = "SELECT " + COLUMNS + " FROM " + db.oneOf("crm_customer", "c", "ix_crm_customer_name_key", List.of("tenant_id"),
                        List.of(tenantId), "name_key", wanted.subList(from, Math.min(wanted.size(), from + CHUNK)),
                        parameters) + " AND c.merged_into IS NULL ORDER BY c.id"
                        + Database.limit(limit);
                bare.addAll(db.list(c, sql, parameters, JdbcCustomerStore::customer));
            }
            // Each chunk is ordered and limited by the database; merged, the chunks need one more sort in id order,
            // and only the customers kept need their children.
            bare.sort(Comparator.comparing(CustomerRecord::id, Ids.ORDER));
            return withChildren(c, tenantId, bare.size() > limit ? bare.subList(0, limit) : bare);
        });
    }

    @Override
    public Page<SharedValue> sharedNameKeys(String tenantId, PageRequest page) {
        Checks.tenantId("tenantId", tenantId);
        Checks.required("page", page);
        return db.read(TYPE, c -> SharedValues.page(db, c, page,
                "SELECT name_key AS shared FROM crm_customer WHERE tenant_id = ? AND merged_into IS NULL"
                        + " AND name_key IS NOT NULL",
                "name_key", "id", List.of(tenantId),
                "SELECT name_key AS shared, id AS owner FROM crm_customer WHERE tenant_id = ? AND merged_into IS NULL"
                        + " AND name_key IN "));
    }

    // ---- rows ---------------------------------------------------------------------------------------------

    private static List<?> row(CustomerRecord r, long version) {
        List<Object> row = new ArrayList<>();
        row.add(r.tenantId());
        row.add(r.id());
        row.add(version);
        row.add(r.createdAt());
        row.add(r.updatedAt());
        row.add(r.kind());
        row.add(r.displayName());
        row.add(r.givenName());
        row.add(r.familyName());
        row.add(r.organizationName());
        row.add(r.nameKey());
        row.add(r.externalRef());
        row.add(r.lifecycleStage());
        row.add(r.ownerId());
        row.add(r.mergedInto());
        return row;
    }

    private static void collectChildren(CustomerRecord customer, List<List<?>> tags, List<List<?>> fields) {
        for (String tag : customer.tags()) {
            tags.add(List.of(customer.tenantId(), customer.id(), tag));
        }
        for (Map.Entry<String, CustomFieldValue> field : customer.customFields().entrySet()) {
            CustomFieldValue value = field.getValue();
            List<Object> row = new ArrayList<>(List.of(customer.tenantId(), customer.id(), field.getKey(), value.type()));
            for (CustomFieldType type : CustomFieldType.values()) {
                row.add(type == value.type() ? CustomFieldColumns.value(value) : null);
            }
            fields.add(row);
        }
    }

    private boolean exists(Connection c, String tenantId, UUID id) throws SQLException {
        return db.one(c, "SELECT 1 AS found FROM crm_customer WHERE tenant_id = ? AND id = ?",
                List.of(tenantId, id), r -> r.integer("found")).isPresent();
    }

    private List<CustomerRecord> load(Connection c, String tenantId, List<UUID> ids) throws SQLException {
        List<Object> parameters = new ArrayList<>();
        String from = ids.size() == 1 ? "crm_customer c WHERE c.tenant_id = ? AND c.id = ?"
                : db.oneOf("crm_customer", "c", List.of("tenant_id"), List.of(tenantId), "id", ids, parameters);
        if (ids.size() == 1) {
            parameters.add(tenantId);
            parameters.add(ids.get(0));
        }
        return withChildren(c, tenantId, db.list(c, "SELECT " + COLUMNS + " FROM " + from, parameters,
                JdbcCustomerStore::customer));
    }

    /** Adds tags and custom fields to customers read without them: one query per child table for the whole list. */
    private List<CustomerRecord> withChildren(Connection c, String tenantId, List<CustomerRecord> bare) throws SQLException {
        if (bare.isEmpty()) {
            return bare;
        }
        Map<UUID, Set<String>> tags = new HashMap<>();
        Map<UUID, Map<String, CustomFieldValue>> fields = new HashMap<>();
        for (int from = 0; from < bare.size(); from += CHUNK) {
            List<UUID> ids = bare.subList(from, Math.min(bare.size(), from + CHUNK)).stream()
                    .map(CustomerRecord::id).toList();
            List<Object> tagParameters = new ArrayList<>();
            db.list(c, "SELECT t.customer_id, t.tag FROM " + db.oneOf("crm_customer_tag", "t", List.of("tenant_id"),
                    List.of(tenantId), "customer_id", ids, tagParameters), tagParameters,
                    r -> tags.computeIfAbsent(r.id("customer_id"), k -> new TreeSet<>()).add(r.text("tag")));
            List<Object> fieldParameters = new ArrayList<>();
            db.list(c, "SELECT f.customer_id, f.field_key, f.field_type, f.text_value, f.number_value, f.date_value,"
                    + " f.boolean_value FROM " + db.oneOf("crm_customer_field", "f", List.of("tenant_id"),
                    List.of(tenantId), "customer_id", ids, fieldParameters), fieldParameters,
                    r -> fields.computeIfAbsent(r.id("customer_id"), k -> new TreeMap<>())
                            .put(r.text("field_key"), CustomFieldColumns.read(r)));
        }
        List<CustomerRecord> complete = new ArrayList<>(bare.size());
        for (CustomerRecord r : bare) {
            complete.add(new CustomerRecord(r.tenantId(), r.id(), r.version(), r.createdAt(), r.updatedAt(), r.kind(),
                    r.displayName(), r.givenName(), r.familyName(), r.organizationName(), r.nameKey(), r.externalRef(),
                    r.lifecycleStage(), r.ownerId(), tags.getOrDefault(r.id(), Set.of()),
                    fields.getOrDefault(r.id(), Map.of()), r.mergedInto()));
        }
        return complete;
    }

    private static CustomerRecord customer(Row r) throws SQLException {
        return new CustomerRecord(r.text("tenant_id"), r.id("id"), r.number("version"), r.instant("created_at"),
                r.instant("updated_at"), r.enumValue(PartyKind.class, "kind"), r.text("display_name"),
                r.text("given_name"), r.text("family_name"), r.text("organization_name"), r.text("name_key"),
                r.text("external_ref"), r.enumValue(LifecycleStage.class, "lifecycle_stage"), r.id("owner_id"),
                Set.of(), Map.of(), r.id("merged_into"));
    }

    static UUID afterId(Cursor cursor) {
        try {
            return UUID.fromString(cursor.keys(1).get(0));
        } catch (IllegalArgumentException e) {
            throw new ValidationException("cursor", "is not a cursor this library issued");
        }
    }
}
