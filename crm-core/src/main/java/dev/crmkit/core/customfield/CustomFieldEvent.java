package dev.crmkit.core.customfield;

import dev.crmkit.core.common.DomainEvent;
import dev.crmkit.core.common.EventType;
import dev.crmkit.model.customfield.CustomFieldType;
import java.time.Instant;
import java.util.UUID;

/** What can happen to a custom field definition; aggregate type {@code customFieldDefinition}. */
public sealed interface CustomFieldEvent extends DomainEvent {
    /** The definition's id. */
    UUID definitionId();

    @Override
    default String aggregateType() {
        return "custom-field";
    }

    @Override
    default String aggregateId() {
        return definitionId().toString();
    }

    /** A field was defined. */
    @EventType("custom-field.defined")
    record CustomFieldDefined(String tenantId, UUID definitionId, String key, String label, CustomFieldType type,
            boolean required, Instant occurredAt) implements CustomFieldEvent {
    }

    /** A field got a new label. */
    @EventType("custom-field.relabeled")
    record CustomFieldRelabeled(String tenantId, UUID definitionId, String key, String label, Instant occurredAt)
            implements CustomFieldEvent {
    }
}
