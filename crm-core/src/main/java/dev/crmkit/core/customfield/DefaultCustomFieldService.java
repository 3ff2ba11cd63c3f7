package dev.crmkit.core.customfield;

import dev.crmkit.core.common.Text;
import dev.crmkit.core.module.DomainContext;
import dev.crmkit.model.Checks;
import dev.crmkit.model.NotFoundException;
import dev.crmkit.model.customfield.CustomFieldValue;
import dev.crmkit.spi.customer.CustomerStorage;
import dev.crmkit.spi.customfield.CustomFieldDefinitionRecord;
import java.time.Instant;
import java.util.List;

/** The custom field service of one tenant. */
final class DefaultCustomFieldService implements CustomFieldService {
    private final DomainContext context;
    private final String tenantId;

    DefaultCustomFieldService(DomainContext context, String tenantId) {
        this.context = context;
        this.tenantId = tenantId;
    }

    @Override
    public CustomFieldDefinition define(DefineCustomField command) {
        Checks.required("command", command);
        return context.storage().transactions().inTransaction(() -> {
            Instant now = context.now();
            CustomFieldDefinitionRecord stored = context.storage(CustomerStorage.class).customFieldDefinitions().insert(
                    new CustomFieldDefinitionRecord(tenantId, context.ids().next(), 1, now, now, command.key(),
                            command.label(), command.type(), command.required()));
            context.events().record(new CustomFieldEvent.CustomFieldDefined(tenantId, stored.id(), stored.key(),
                    stored.label(), stored.type(), stored.required(), now));
            return CustomFieldDefinition.of(stored);
        });
    }

    @Override
    public CustomFieldDefinition relabel(String key, String label) {
        CustomFieldValue.checkKey("key", key);
        String stripped = Text.required("label", label, 200);
        return context.storage().transactions().inTransaction(() -> {
            CustomFieldDefinitionRecord current = context.storage(CustomerStorage.class).customFieldDefinitions().findByKey(tenantId, key)
                    .orElseThrow(() -> new NotFoundException("custom field", key));
            if (current.label().equals(stripped)) {
                return CustomFieldDefinition.of(current);
            }
            Instant now = context.now();
            CustomFieldDefinitionRecord stored = context.storage(CustomerStorage.class).customFieldDefinitions().update(
                    new CustomFieldDefinitionRecord(tenantId, current.id(), current.version(), current.createdAt(), now,
                            key, stripped, current.type(), current.required()), current.version());
            context.events().record(new CustomFieldEvent.CustomFieldRelabeled(tenantId, stored.id(), key, stripped, now));
            return CustomFieldDefinition.of(stored);
        });
    }

    @Override
    public List<CustomFieldDefinition> list() {
        return context.storage(CustomerStorage.class).customFieldDefinitions().list(tenantId).stream()
                .map(CustomFieldDefinition::of).toList();
    }
}
