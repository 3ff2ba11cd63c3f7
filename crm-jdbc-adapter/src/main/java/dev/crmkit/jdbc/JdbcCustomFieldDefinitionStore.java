package dev.crmkit.jdbc;

import dev.crmkit.model.Checks;
import dev.crmkit.model.ConflictException;
import dev.crmkit.model.NotFoundException;
import dev.crmkit.model.ValidationException;
import dev.crmkit.model.customfield.CustomFieldType;
import dev.crmkit.model.customfield.CustomFieldValue;
import dev.crmkit.spi.customfield.CustomFieldDefinitionRecord;
import dev.crmkit.spi.customfield.CustomFieldDefinitionStore;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Custom field definitions in {@code crm_custom_field_definition}, unique per tenant and key. */
final class JdbcCustomFieldDefinitionStore implements CustomFieldDefinitionStore {
    private static final String TYPE = "custom field definition";
    private static final Map<String, String> UNIQUE = Map.of("uq_crm_custom_field_definition_key", "key");
    private static final String COLUMNS = "tenant_id, id, version, created_at, updated_at, field_key, label, field_type, required";

    private final Database db;

    JdbcCustomFieldDefinitionStore(Database db) {
        this.db = db;
    }

    @Override
    public CustomFieldDefinitionRecord insert(CustomFieldDefinitionRecord d) {
        Checks.required("definition", d);
        if (d.version() != 1) {
            throw new ValidationException("version", "must be 1 on insert");
        }
        db.write(TYPE, UNIQUE, c -> db.update(c, "INSERT INTO crm_custom_field_definition (" + COLUMNS
                + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", List.of(d.tenantId(), d.id(), 1L, d.createdAt(),
                d.updatedAt(), d.key(), d.label(), d.type(), d.required())));
        return d;
    }

    @Override
    public CustomFieldDefinitionRecord update(CustomFieldDefinitionRecord d, long expectedVersion) {
        Checks.required("definition", d);
        return db.write(TYPE, UNIQUE, c -> {
            int changed = db.update(c, "UPDATE crm_custom_field_definition SET version = ?, updated_at = ?, label = ?,"
                    + " field_type = ?, required = ? WHERE tenant_id = ? AND id = ? AND version = ?",
                    List.of(expectedVersion + 1, d.updatedAt(), d.label(), d.type(), d.required(), d.tenantId(), d.id(),
                            expectedVersion));
            if (changed == 0) {
                throw load(c, d.tenantId(), d.id()).isPresent()
                        ? ConflictException.staleVersion(TYPE, d.id(), expectedVersion)
                        : new NotFoundException(TYPE, d.id());
            }
            return load(c, d.tenantId(), d.id()).orElseThrow();
        });
    }

    @Override
    public Optional<CustomFieldDefinitionRecord> get(String tenantId, UUID id) {
        Checks.tenantId("tenantId", tenantId);
        Checks.id("id", id);
        return db.read(TYPE, c -> load(c, tenantId, id));
    }

    @Override
    public Optional<CustomFieldDefinitionRecord> findByKey(String tenantId, String key) {
        Checks.tenantId("tenantId", tenantId);
        CustomFieldValue.checkKey("key", key);
        return db.read(TYPE, c -> db.one(c, "SELECT " + COLUMNS + " FROM crm_custom_field_definition"
                + " WHERE tenant_id = ? AND field_key = ?", List.of(tenantId, key), JdbcCustomFieldDefinitionStore::definition));
    }

    @Override
    public List<CustomFieldDefinitionRecord> list(String tenantId) {
        Checks.tenantId("tenantId", tenantId);
        return db.read(TYPE, c -> db.list(c, "SELECT " + COLUMNS + " FROM crm_custom_field_definition"
                + " WHERE tenant_id = ? ORDER BY field_key", List.of(tenantId), JdbcCustomFieldDefinitionStore::definition));
    }

    private Optional<CustomFieldDefinitionRecord> load(Connection c, String tenantId, UUID id) throws SQLException {
        return db.one(c, "SELECT " + COLUMNS + " FROM crm_custom_field_definition WHERE tenant_id = ? AND id = ?",
                List.of(tenantId, id), JdbcCustomFieldDefinitionStore::definition);
    }

    private static CustomFieldDefinitionRecord definition(Row r) throws SQLException {
        return new CustomFieldDefinitionRecord(r.text("tenant_id"), r.id("id"), r.number("version"),
                r.instant("created_at"), r.instant("updated_at"), r.text("field_key"), r.text("label"),
                r.enumValue(CustomFieldType.class, "field_type"), r.flag("required"));
    }
}
