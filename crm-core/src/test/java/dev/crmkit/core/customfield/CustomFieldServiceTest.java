package dev.crmkit.core.customfield;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.crmkit.core.Crm;
import dev.crmkit.inmemory.InMemoryStorage;
import dev.crmkit.model.DuplicateException;
import dev.crmkit.model.NotFoundException;
import dev.crmkit.model.ValidationException;
import dev.crmkit.model.customfield.CustomFieldType;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class CustomFieldServiceTest {
    private final InMemoryStorage storage = new InMemoryStorage();
    private final Crm crm = Crm.builder().storage(storage).build();
    private final CustomFieldService fields = crm.tenant("acme").service(CustomFieldService.class);

    @Test
    void defined_fields_are_listed_by_key() {
        fields.define(DefineCustomField.optional("preferred_branch", "Preferred branch", CustomFieldType.TEXT));
        fields.define(DefineCustomField.required("birthday", "Birthday", CustomFieldType.DATE));

        assertThat(fields.list()).extracting(CustomFieldDefinition::key).containsExactly("birthday", "preferred_branch");
        assertThat(fields.list().get(0).required()).isTrue();
    }

    @Test
    void a_key_is_defined_once_per_tenant_but_other_tenants_have_their_own() {
        fields.define(DefineCustomField.optional("branch", "Branch", CustomFieldType.TEXT));

        assertThatThrownBy(() -> fields.define(DefineCustomField.optional("branch", "Other", CustomFieldType.NUMBER)))
                .isInstanceOf(DuplicateException.class);
        assertThat(crm.tenant("other").service(CustomFieldService.class).list()).isEmpty();
    }

    @Test
    void relabel_keeps_key_and_type_and_records_an_event() {
        fields.define(DefineCustomField.optional("branch", "Branch", CustomFieldType.TEXT));

        CustomFieldDefinition relabeled = fields.relabel("branch", "Home branch");

        assertThat(relabeled.label()).isEqualTo("Home branch");
        assertThat(relabeled.type()).isEqualTo(CustomFieldType.TEXT);
        assertThat(storage.outbox().claim("t", 10, Duration.ofMinutes(1), Instant.now()))
                .extracting(e -> e.type()).containsExactly("custom-field.defined", "custom-field.relabeled");
    }

    @Test
    void relabelling_an_unknown_field_is_not_found_and_bad_keys_are_invalid() {
        assertThatThrownBy(() -> fields.relabel("nope", "x")).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> fields.define(DefineCustomField.optional("Bad Key", "x", CustomFieldType.TEXT)))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("key"));
    }
}
