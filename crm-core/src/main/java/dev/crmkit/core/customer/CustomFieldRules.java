package dev.crmkit.core.customer;

import dev.crmkit.model.ValidationException;
import dev.crmkit.model.customfield.CustomFieldValue;
import dev.crmkit.spi.customfield.CustomFieldDefinitionRecord;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Checks custom field values against a tenant's definitions; errors name {@code customFields.<key>}. */
final class CustomFieldRules {
    private final Map<String, CustomFieldDefinitionRecord> byKey;

    CustomFieldRules(List<CustomFieldDefinitionRecord> definitions) {
        this.byKey = definitions.stream()
                .collect(Collectors.toMap(CustomFieldDefinitionRecord::key, Function.identity()));
    }

    /** Checks one value: its key must be defined and its type must match. */
    void checkValue(String key, CustomFieldValue value) {
        if (key == null || !CustomFieldValue.KEY.matcher(key).matches()) {
            throw new ValidationException("customFields", "has a key that is not a valid field key");
        }
        CustomFieldDefinitionRecord definition = byKey.get(key);
        if (definition == null) {
            throw new ValidationException("customFields." + key, "is not defined for this tenant");
        }
        if (value == null) {
            throw new ValidationException("customFields." + key, "is required");
        }
        if (value.type() != definition.type()) {
            throw new ValidationException("customFields." + key, "must be a " + definition.type() + " value");
        }
    }

    /** Checks a whole set of values, including that every required field has one. */
    void checkAll(Map<String, CustomFieldValue> values) {
        for (Map.Entry<String, CustomFieldValue> e : values.entrySet()) {
            checkValue(e.getKey(), e.getValue());
        }
        byKey.values().stream().filter(CustomFieldDefinitionRecord::required)
                .filter(d -> !values.containsKey(d.key())).findFirst().ifPresent(d -> {
                    throw new ValidationException("customFields." + d.key(), "is required");
                });
    }

    /** Rejects clearing a required field. */
    void checkClear(String key) {
        if (key == null || !CustomFieldValue.KEY.matcher(key).matches()) {
            throw new ValidationException("customFields", "has a key that is not a valid field key");
        }
        CustomFieldDefinitionRecord definition = byKey.get(key);
        if (definition != null && definition.required()) {
            throw new ValidationException("customFields." + key, "is required");
        }
    }
}
