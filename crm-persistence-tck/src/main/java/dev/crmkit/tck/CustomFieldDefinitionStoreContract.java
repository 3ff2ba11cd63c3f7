package dev.crmkit.tck;

import static dev.crmkit.tck.CustomerFixtures.OTHER_TENANT;
import static dev.crmkit.tck.CustomerFixtures.TENANT;
import static dev.crmkit.tck.CustomerFixtures.definition;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.crmkit.model.ConflictException;
import dev.crmkit.model.DuplicateException;
import dev.crmkit.model.NotFoundException;
import dev.crmkit.model.customfield.CustomFieldType;
import dev.crmkit.spi.customfield.CustomFieldDefinitionRecord;
import dev.crmkit.spi.customfield.CustomFieldDefinitionStore;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The promises of {@link CustomFieldDefinitionStore} and {@link CustomFieldDefinitionRecord}. */
public abstract class CustomFieldDefinitionStoreContract extends ContractSupport {

    private CustomFieldDefinitionStore definitions() {
        return customFieldDefinitions();
    }

    private static CustomFieldDefinitionRecord relabelled(CustomFieldDefinitionRecord d, String key, String label,
            CustomFieldType type, boolean required) {
        return new CustomFieldDefinitionRecord(d.tenantId(), d.id(), d.version(), d.createdAt(), NOW.plusSeconds(42),
                key, label, type, required);
    }

    @Test
    void definitions_of_every_type_read_back_equal() {
        for (CustomFieldType type : CustomFieldType.values()) {
            CustomFieldDefinitionRecord definition = definition(TENANT, "field_" + type.name().toLowerCase(), type);

            CustomFieldDefinitionRecord returned = definitions().insert(definition);

            assertThat(returned).isEqualTo(definition);
            assertThat(definitions().get(TENANT, definition.id())).contains(definition);
            assertThat(definitions().findByKey(TENANT, definition.key())).contains(definition);
        }
    }

    @Test
    void list_returns_every_definition_of_the_tenant_ordered_by_key() {
        CustomFieldDefinitionRecord z = definitions().insert(definition(TENANT, "zone", CustomFieldType.TEXT));
        CustomFieldDefinitionRecord a = definitions().insert(definition(TENANT, "a_score", CustomFieldType.NUMBER));
        CustomFieldDefinitionRecord m = definitions().insert(definition(TENANT, "member_since", CustomFieldType.DATE));
        CustomFieldDefinitionRecord a9 = definitions().insert(definition(TENANT, "a9", CustomFieldType.BOOLEAN));
        definitions().insert(definition(OTHER_TENANT, "b_other", CustomFieldType.TEXT));

        assertThat(definitions().list(TENANT)).containsExactly(a9, a, m, z);
    }

    @Test
    void list_of_a_tenant_without_definitions_is_empty() {
        definitions().insert(definition(OTHER_TENANT, "vip", CustomFieldType.BOOLEAN));

        assertThat(definitions().list(TENANT)).isEmpty();
        assertThat(definitions().findByKey(TENANT, "vip")).isEmpty();
    }

    @Test
    void insert_of_an_existing_id_throws_duplicate_on_id_and_stores_nothing() {
        CustomFieldDefinitionRecord first = definitions().insert(definition(TENANT, "vip", CustomFieldType.BOOLEAN));
        CustomFieldDefinitionRecord second = new CustomFieldDefinitionRecord(TENANT, first.id(), 1, NOW, NOW,
                "region", "Region", CustomFieldType.TEXT, false);

        assertThatThrownBy(() -> definitions().insert(second))
                .isInstanceOfSatisfying(DuplicateException.class, e -> assertThat(e.key()).isEqualTo("id"));
        assertThat(definitions().list(TENANT)).containsExactly(first);
    }

    @Test
    void insert_of_an_existing_key_throws_duplicate_on_key_and_stores_nothing() {
        CustomFieldDefinitionRecord first = definitions().insert(definition(TENANT, "vip", CustomFieldType.BOOLEAN));
        CustomFieldDefinitionRecord second = definition(TENANT, "vip", CustomFieldType.TEXT);

        assertThatThrownBy(() -> definitions().insert(second))
                .isInstanceOfSatisfying(DuplicateException.class, e -> assertThat(e.key()).isEqualTo("key"));
        assertThat(definitions().get(TENANT, second.id())).isEmpty();
        assertThat(definitions().list(TENANT)).containsExactly(first);
    }

    @Test
    void update_raises_the_version_takes_the_arguments_updated_at_and_keeps_the_stored_key() {
        CustomFieldDefinitionRecord v1 = definitions().insert(definition(TENANT, "vip", CustomFieldType.BOOLEAN));

        CustomFieldDefinitionRecord v2 = definitions().update(
                relabelled(v1, "renamed_key", "Très important", CustomFieldType.BOOLEAN, false), 1);

        CustomFieldDefinitionRecord expected = new CustomFieldDefinitionRecord(TENANT, v1.id(), 2, v1.createdAt(),
                NOW.plusSeconds(42), "vip", "Très important", CustomFieldType.BOOLEAN, false);
        assertThat(v2).isEqualTo(expected);
        assertThat(definitions().get(TENANT, v1.id())).contains(expected);
        assertThat(definitions().findByKey(TENANT, "vip")).contains(expected);
        assertThat(definitions().findByKey(TENANT, "renamed_key")).isEmpty();
    }

    @Test
    void update_with_a_stale_version_throws_conflict_and_changes_nothing() {
        CustomFieldDefinitionRecord v1 = definitions().insert(definition(TENANT, "vip", CustomFieldType.BOOLEAN));
        CustomFieldDefinitionRecord v2 = definitions().update(
                relabelled(v1, "vip", "VIP", CustomFieldType.BOOLEAN, true), 1);

        assertThatThrownBy(() -> definitions().update(relabelled(v1, "vip", "Lost", CustomFieldType.BOOLEAN, false), 1))
                .isInstanceOf(ConflictException.class);
        assertThat(definitions().get(TENANT, v1.id())).contains(v2);
    }

    @Test
    void update_of_a_missing_definition_throws_not_found_and_stores_nothing() {
        CustomFieldDefinitionRecord ghost = definition(TENANT, "ghost", CustomFieldType.TEXT);

        assertThatThrownBy(() -> definitions().update(ghost, 1)).isInstanceOf(NotFoundException.class);
        assertThat(definitions().get(TENANT, ghost.id())).isEmpty();
        assertThat(definitions().list(TENANT)).isEmpty();
    }

    @Test
    void get_of_an_unknown_id_is_empty() {
        definitions().insert(definition(TENANT, "vip", CustomFieldType.BOOLEAN));

        assertThat(definitions().get(TENANT, UUID.randomUUID())).isEmpty();
    }
}
