package dev.crmkit.core.customfield;

import dev.crmkit.core.common.Text;
import dev.crmkit.model.Checks;
import dev.crmkit.model.customfield.CustomFieldType;
import dev.crmkit.model.customfield.CustomFieldValue;

/**
 * Defines a new custom field on customers.
 *
 * @param key a lower-case letter, then up to 62 lower-case letters, digits or underscores; unique in the tenant
 * @param label what users see, 1 to 200 characters
 * @param type the value type
 * @param required whether customers must carry a value
 */
public record DefineCustomField(String key, String label, CustomFieldType type, boolean required) {
    /** @throws dev.crmkit.model.ValidationException naming the component that breaks the rules above */
    public DefineCustomField {
        CustomFieldValue.checkKey("key", key);
        label = Text.required("label", label, 200);
        Checks.required("type", type);
    }

    /** An optional field. */
    public static DefineCustomField optional(String key, String label, CustomFieldType type) {
        return new DefineCustomField(key, label, type, false);
    }

    /** A required field. */
    public static DefineCustomField required(String key, String label, CustomFieldType type) {
        return new DefineCustomField(key, label, type, true);
    }
}
