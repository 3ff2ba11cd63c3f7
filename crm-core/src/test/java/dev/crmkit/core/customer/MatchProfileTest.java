package dev.crmkit.core.customer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.crmkit.core.customfield.CustomFieldService;
import dev.crmkit.core.customfield.DefineCustomField;
import dev.crmkit.model.customer.PartyKind;
import dev.crmkit.model.customer.PostalAddress;
import dev.crmkit.model.customfield.CustomFieldType;
import dev.crmkit.model.customfield.CustomFieldValue;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

/** What a party is folded into for matching, and which given names are one. */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class MatchProfileTest {
    private static MatchProfile person(String display, String given, String family, List<PostalAddress> addresses,
            Map<String, String> identifiers) {
        return MatchProfile.of(new PartyProfile(UUID.randomUUID(), PartyKind.PERSON, display, given, family, null,
                Set.of(), Set.of(), Set.of("AT:1010"), addresses, null, identifiers));
    }

    private static MatchProfile person(String given, String family, List<PostalAddress> addresses) {
        return MatchProfile.of(new PartyProfile(UUID.randomUUID(), PartyKind.PERSON, given + " " + family, given,
                family, null, Set.of(), Set.of(), Set.of(), addresses, null, Map.of()));
    }

    @Test
    void a_person_known_by_display_name_only_is_split_into_given_and_family_name() {
        MatchProfile ada = person("Ada  Lovelace", null, null, List.of(), Map.of());
        MatchProfile single = person("Lovelace", null, null, List.of(), Map.of());

        assertThat(ada.given()).isEqualTo("ada");
        assertThat(ada.family()).isEqualTo("lovelace");
        assertThat(single.given()).isNull();
        assertThat(single.family()).isEqualTo("lovelace");
    }

    @Test
    void names_are_folded_and_an_empty_part_counts_as_missing() {
        MatchProfile p = person("Jürgen Groß", "  ", "Groß", List.of(), Map.of());

        assertThat(p.given()).isNull();
        assertThat(p.family()).isEqualTo("gross");
        assertThat(p.nameKey()).isEqualTo("gross");
    }

    @Test
    void an_address_splits_into_street_number_postcode_and_city_and_adds_its_postcode() {
        MatchProfile p = person("Ada Lovelace", "Ada", "Lovelace",
                List.of(new PostalAddress("Haupt Straße 12a", "München", null, "80 331", "DE")), Map.of());

        assertThat(p.addresses()).containsExactly(new MatchProfile.Address("hauptstr", "12a", "DE:80331", "muenchen"));
        assertThat(p.postcodes()).containsExactlyInAnyOrder("DE:80331", "AT:1010");
        assertThat(MatchProfile.Address.of(new PostalAddress("Baker Street 221", null, null, null, "GB")))
                .isEqualTo(new MatchProfile.Address("bakerst", "221", null, ""));
    }

    @Test
    void identifiers_are_folded_and_blank_ones_left_out() {
        MatchProfile p = person("Ada Lovelace", "Ada", "Lovelace", List.of(),
                Map.of("tax_id", "DE 123-45", "customer_no", " - "));

        assertThat(p.identifiers()).isEqualTo(Map.of("tax_id", "de12345"));
    }

    @Test
    void an_organization_is_compared_on_its_name_or_else_its_display_name() {
        MatchProfile named = MatchProfile.of(new PartyProfile(UUID.randomUUID(), PartyKind.ORGANIZATION, "Acme",
                null, null, "ACME GmbH", Set.of(), Set.of(), Set.of()));
        MatchProfile displayed = MatchProfile.of(new PartyProfile(UUID.randomUUID(), PartyKind.ORGANIZATION,
                "Globex Ltd", null, null, null, Set.of(), Set.of(), Set.of()));

        assertThat(named.organization()).isEqualTo("acme");
        assertThat(displayed.organization()).isEqualTo("globex");
        assertThat(named.given()).isNull();
        assertThat(named.family()).isNull();
    }

    @Test
    void swapping_exchanges_the_names_and_recomputes_the_name_key() {
        MatchProfile anna = person("Anna Schubert", "Anna", "Schubert", List.of(), Map.of());

        MatchProfile swapped = anna.swapped();

        assertThat(swapped.given()).isEqualTo("schubert");
        assertThat(swapped.family()).isEqualTo("anna");
        assertThat(swapped.nameKey()).isEqualTo("anna s");
        assertThat(swapped.id()).isEqualTo(anna.id());
    }

    @Test
    void a_stored_customer_is_compared_on_each_contact_point_in_its_own_field_and_on_its_declared_fields() {
        CustomerFixtures.World world = CustomerFixtures.world(CustomerModule.builder()
                .duplicatePolicy(DuplicatePolicy.ALLOW).matching(MatchSettings.defaults().withDateOfBirthField("born")
                        .withIdentifierFields(Set.of("customer_no", "tax_id"))));
        CustomFieldService fields = world.acme().service(CustomFieldService.class);
        fields.define(DefineCustomField.optional("born", "Date of birth", CustomFieldType.DATE));
        fields.define(DefineCustomField.optional("customer_no", "Customer number", CustomFieldType.NUMBER));
        fields.define(DefineCustomField.optional("tax_id", "Tax id", CustomFieldType.TEXT));
        PostalAddress home = new PostalAddress("Hauptstraße 5", "Berlin", null, "10115", "DE");
        LocalDate born = LocalDate.of(1980, 3, 7);
        UUID stored = world.customers().register(RegisterPerson.named("Anna", "Schubert")
                .withEmail("anna@example.com").withPhone("+49 30 1234567")
                .withContactPoint(NewContactPoint.postal(home))
                .withCustomField("born", new CustomFieldValue.Date(born))
                .withCustomField("customer_no", CustomerFixtures.number("4.711E+3"))
                .withCustomField("tax_id", new CustomFieldValue.Text("DE 123"))).customer().id();
        PartyProfile party = new PartyProfile(UUID.randomUUID(), PartyKind.PERSON, "Anna Schubert", "Anna",
                "Schubert", null, Set.of("anna@example.com"), Set.of("+49301234567"), Set.of(), List.of(home), born,
                Map.of("customer_no", "4711", "tax_id", "de-123"));

        assertThat(world.customers().findMatches(party)).singleElement().satisfies(c -> {
            assertThat(c.customerId()).isEqualTo(stored);
            assertThat(c.contributions()).containsExactlyInAnyOrderEntriesOf(Map.of(
                    MatchField.GIVEN_NAME, MatchLevel.GIVEN_EQUAL.defaultWeight(),
                    MatchField.FAMILY_NAME, MatchLevel.FAMILY_EQUAL.defaultWeight(),
                    MatchField.EMAIL, MatchLevel.EMAIL_EQUAL.defaultWeight(),
                    MatchField.PHONE, MatchLevel.PHONE_EQUAL.defaultWeight(),
                    MatchField.ADDRESS, MatchLevel.ADDRESS_EQUAL.defaultWeight(),
                    MatchField.DATE_OF_BIRTH, MatchLevel.BIRTH_EQUAL.defaultWeight(),
                    MatchField.IDENTIFIER, 2 * MatchLevel.IDENTIFIER_EQUAL.defaultWeight()));
        });
    }

    @Test
    void custom_fields_not_declared_in_the_settings_are_not_compared() {
        CustomerFixtures.World world = CustomerFixtures.world(CustomerModule.builder()
                .duplicatePolicy(DuplicatePolicy.ALLOW));
        CustomFieldService fields = world.acme().service(CustomFieldService.class);
        fields.define(DefineCustomField.optional("born", "Date of birth", CustomFieldType.DATE));
        fields.define(DefineCustomField.optional("tax_id", "Tax id", CustomFieldType.TEXT));
        LocalDate born = LocalDate.of(1980, 3, 7);
        world.customers().register(RegisterPerson.named("Anna", "Schubert")
                .withCustomField("born", new CustomFieldValue.Date(born))
                .withCustomField("tax_id", new CustomFieldValue.Text("DE 123")));
        PartyProfile party = new PartyProfile(UUID.randomUUID(), PartyKind.PERSON, "Anna Schubert", "Anna",
                "Schubert", null, Set.of(), Set.of(), Set.of(), List.of(), born, Map.of("tax_id", "DE-123"));

        assertThat(world.customers().findMatches(party)).as("the same name alone scores 0.667").isEmpty();
    }

    @Test
    void a_person_without_an_employer_has_no_organization_to_agree_on() {
        MatchProfile anna = person("Anna Schubert", "Anna", "Schubert", List.of(), Map.of());
        MatchProfile namesake = person("Anna Schubert", "Anna", "Schubert", List.of(), Map.of());

        assertThat(anna.organization()).isNull();
        assertThat(MatchRules.compare(anna, namesake, value -> 1).contributions())
                .doesNotContainKey(MatchField.ORGANIZATION);
    }

    @Test
    void only_a_person_without_given_and_family_name_is_split_from_the_display_name() {
        MatchProfile givenOnly = person("Anna Schubert", "Anna", null, List.of(), Map.of());
        MatchProfile familyOnly = person("Anna Schubert", null, "Schubert", List.of(), Map.of());
        MatchProfile nothingFoldable = person("--", null, null, List.of(), Map.of());

        assertThat(givenOnly.given()).isEqualTo("anna");
        assertThat(givenOnly.family()).isNull();
        assertThat(familyOnly.given()).isNull();
        assertThat(familyOnly.family()).isEqualTo("schubert");
        assertThat(nothingFoldable.given()).isNull();
        assertThat(nothingFoldable.family()).isNull();
    }

    @Test
    void an_address_without_postcode_adds_no_postcode() {
        MatchProfile p = person("Ada Lovelace", "Ada", "Lovelace",
                List.of(new PostalAddress("Baker Street 221", "London", null, null, "GB")), Map.of());

        assertThat(p.postcodes()).containsExactly("AT:1010");
        assertThat(p.addresses()).containsExactly(new MatchProfile.Address("bakerst", "221", null, "london"));
    }

    @Test
    void reasons_to_match_are_given_from_the_default_possible_threshold_on() {
        PostalAddress home = new PostalAddress("Hauptstraße 5", "Berlin", null, "10115", "DE");
        MatchProfile anna = person("Anna", "Schubert", List.of(home));
        MatchProfile atHome = person("Anna", "Schubert", List.of(home));
        MatchProfile nameOnly = person("Anna", "Schubert", List.of());

        assertThat(anna.reasonsToMatch(atHome)).containsExactly(MatchReason.SIMILAR_NAME_SAME_ADDRESS);
        assertThat(anna.reasonsToMatch(nameOnly)).as("the same name alone scores 0.667").isEmpty();
    }

    @Test
    void nicknames_are_one_name_with_their_full_form_and_with_each_other() {
        assertThat(Nicknames.same("bill", "william")).isTrue();
        assertThat(Nicknames.same("william", "bill")).isTrue();
        assertThat(Nicknames.same("bill", "willi")).isTrue();
        assertThat(Nicknames.same("alex", "alexander")).as("alex is short for two names").isTrue();
        assertThat(Nicknames.same("alex", "alexandra")).isTrue();
        assertThat(Nicknames.same("chris", "christian")).isTrue();
        assertThat(Nicknames.same("alexander", "alexandra")).isFalse();
        assertThat(Nicknames.same("bill", "bob")).isFalse();
        assertThat(Nicknames.same("bill", "zacharias")).isFalse();
        assertThat(Nicknames.same("zacharias", "bill")).isFalse();
    }
}
