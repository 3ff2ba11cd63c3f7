package dev.crmkit.core.customer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.crmkit.model.customer.PartyKind;
import dev.crmkit.model.customer.PostalAddress;
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
