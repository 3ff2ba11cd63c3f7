package dev.crmkit.inmemory;

import dev.crmkit.model.Checks;
import dev.crmkit.model.DuplicateException;
import dev.crmkit.model.customfield.CustomFieldValue;
import dev.crmkit.spi.customfield.CustomFieldDefinitionRecord;
import dev.crmkit.spi.customfield.CustomFieldDefinitionStore;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

final class InMemoryCustomFieldDefinitionStore implements CustomFieldDefinitionStore {
    private final UnitOfWork unit;
    private final Table<CustomFieldDefinitionRecord> table;

    InMemoryCustomFieldDefinitionStore(UnitOfWork unit) {
        this.unit = unit;
        this.table = new Table<>("custom field definition", unit);
    }

    @Override
    public CustomFieldDefinitionRecord insert(CustomFieldDefinitionRecord d) {
        Checks.required("definition", d);
        return unit.inTransaction(() -> {
            table.checkInsertable(d);
            if (table.all(d.tenantId()).stream().anyMatch(o -> o.key().equals(d.key()))) {
                throw new DuplicateException("custom field definition", "key");
            }
            return table.insert(d);
        });
    }

    @Override
    public CustomFieldDefinitionRecord update(CustomFieldDefinitionRecord d, long expectedVersion) {
        Checks.required("definition", d);
        return unit.inTransaction(() -> {
            CustomFieldDefinitionRecord stored = table.expect(d.tenantId(), d.id(), expectedVersion);
            CustomFieldDefinitionRecord next = new CustomFieldDefinitionRecord(d.tenantId(), d.id(),
                    expectedVersion + 1, stored.createdAt(), d.updatedAt(), stored.key(), d.label(), d.type(),
                    d.required());
            table.put(next);
            return next;
        });
    }

    @Override
    public Optional<CustomFieldDefinitionRecord> get(String tenantId, UUID id) {
        Checks.tenantId("tenantId", tenantId);
        Checks.id("id", id);
        return unit.inTransaction(() -> table.get(tenantId, id));
    }

    @Override
    public Optional<CustomFieldDefinitionRecord> findByKey(String tenantId, String key) {
        Checks.tenantId("tenantId", tenantId);
        CustomFieldValue.checkKey("key", key);
        return unit.inTransaction(() -> table.all(tenantId).stream().filter(d -> d.key().equals(key)).findFirst());
    }

    @Override
    public List<CustomFieldDefinitionRecord> list(String tenantId) {
        Checks.tenantId("tenantId", tenantId);
        return unit.inTransaction(() -> table.all(tenantId).stream()
                .sorted(Comparator.comparing(CustomFieldDefinitionRecord::key))
                .collect(Collectors.toList()));
    }
}
