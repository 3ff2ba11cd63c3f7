package dev.crmkit.core.customfield;

import dev.crmkit.model.customfield.CustomFieldType;
import dev.crmkit.spi.customfield.CustomFieldDefinitionRecord;
import java.util.UUID;

/**
 * A tenant's custom field.
 *
 * @param id the definition's id
 * @param key the key values are stored and queried under; never changes
 * @param label what users see
 * @param type the value type
 * @param required whether every customer registered or changed from now on must carry a value
 */
public record CustomFieldDefinition(UUID id, String key, String label, CustomFieldType type, boolean required) {
    static CustomFieldDefinition of(CustomFieldDefinitionRecord r) {
        return new CustomFieldDefinition(r.id(), r.key(), r.label(), r.type(), r.required());
    }
}
