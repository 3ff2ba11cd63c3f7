package dev.crmkit.core.customfield;

import static org.assertj.core.api.Assertions.assertThat;

import dev.crmkit.core.Crm;
import dev.crmkit.inmemory.InMemoryStorage;
import dev.crmkit.model.customfield.CustomFieldType;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

/** A custom field's label follows the one text rule ({@code dev.crmkit.core.common.Text}). */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class CustomFieldTextTest {
    private final CustomFieldService fields = Crm.builder().storage(new InMemoryStorage()).build().tenant("acme")
            .service(CustomFieldService.class);

    @Test
    void a_label_defined_or_relabeled_with_padding_is_stored_stripped() {
        // when
        fields.define(DefineCustomField.optional("preferred_branch", " Preferred branch ", CustomFieldType.TEXT));
        CustomFieldDefinition relabeled = fields.relabel("preferred_branch", "\tHome branch\n");

        // then
        assertThat(relabeled.label()).isEqualTo("Home branch");
        assertThat(fields.list()).extracting(CustomFieldDefinition::label).containsExactly("Home branch");
    }

    @Test
    void a_relabel_that_only_adds_padding_changes_nothing() {
        // given
        CustomFieldDefinition defined = fields.define(DefineCustomField.optional("branch", "Branch",
                CustomFieldType.TEXT));

        // when
        CustomFieldDefinition same = fields.relabel("branch", " Branch ");

        // then: no new version
        assertThat(same.label()).isEqualTo("Branch");
        assertThat(fields.list()).singleElement().isEqualTo(defined);
    }
}
