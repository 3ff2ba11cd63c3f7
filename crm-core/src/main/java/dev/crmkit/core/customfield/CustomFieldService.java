package dev.crmkit.core.customfield;

import java.util.List;

/**
 * The custom field definitions of one tenant. Obtain it from {@code crm.tenant("acme").service(CustomFieldService.class)}. Each
 * method is one transaction and records its {@link CustomFieldEvent} in the outbox.
 */
public interface CustomFieldService {

    /**
     * Defines a field.
     *
     * @throws dev.crmkit.model.DuplicateException ({@code key() = "key"}) when the tenant has a field with this key
     */
    CustomFieldDefinition define(DefineCustomField command);

    /**
     * Gives a field a new label; its key and type never change.
     *
     * @throws dev.crmkit.model.NotFoundException when the tenant has no field with this key
     */
    CustomFieldDefinition relabel(String key, String label);

    /** All fields of the tenant, ordered by key. */
    List<CustomFieldDefinition> list();
}
