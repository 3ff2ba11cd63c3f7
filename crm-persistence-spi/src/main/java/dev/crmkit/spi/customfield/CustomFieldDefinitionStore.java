package dev.crmkit.spi.customfield;

import dev.crmkit.model.ConflictException;
import dev.crmkit.model.DuplicateException;
import dev.crmkit.model.NotFoundException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The custom field definitions of each tenant. A tenant has few of them (tens), so they are read whole.
 */
public interface CustomFieldDefinitionStore {
    /**
     * Stores a new definition. Its version must be 1.
     *
     * @return the stored record, equal to the argument
     * @throws DuplicateException when the tenant already has a definition with this id ({@code key() = "id"})
     *     or with this field key ({@code key() = "key"}); nothing is stored
     */
    CustomFieldDefinitionRecord insert(CustomFieldDefinitionRecord definition);

    /**
     * Replaces a definition whose stored version is {@code expectedVersion}. The key cannot change: the stored
     * key is kept whatever the argument says, because values and queries refer to it.
     *
     * @return the stored record, at version {@code expectedVersion + 1}, with the argument's updatedAt
     * @throws NotFoundException when the tenant has no definition with this id
     * @throws ConflictException when the stored version is not {@code expectedVersion}; nothing is changed
     */
    CustomFieldDefinitionRecord update(CustomFieldDefinitionRecord definition, long expectedVersion);

    /** The definition with this id in this tenant, if any. */
    Optional<CustomFieldDefinitionRecord> get(String tenantId, UUID id);

    /** The definition with this key in this tenant, if any. */
    Optional<CustomFieldDefinitionRecord> findByKey(String tenantId, String key);

    /** All definitions of the tenant, ordered by key; empty when it has none. */
    List<CustomFieldDefinitionRecord> list(String tenantId);
}
