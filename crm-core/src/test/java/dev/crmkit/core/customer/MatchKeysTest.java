package dev.crmkit.core.customer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.crmkit.model.customer.PartyKind;
import dev.crmkit.model.customer.PostalAddress;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

/** The blocking keys a profile is stored and looked up under. */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class MatchKeysTest {
    private static final PostalAddress HOME = new PostalAddress("Hauptstraße 12", "Berlin", null, "10115", "DE");

    private static MatchProfile person(String given, String family, LocalDate born, PostalAddress address) {
        return MatchProfile.of(new PartyProfile(UUID.randomUUID(), PartyKind.PERSON,
                (given == null ? "" : given + " ") + family, given, family, null, Set.of(), Set.of(), Set.of(),
                address == null ? List.of() : List.of(address), born, Map.of("tax_id", "DE 123")));
    }

    @Test
    void a_person_is_stored_under_name_phonetic_birth_address_and_identifier_keys() {
        Set<String> keys = MatchKeys.of(person("Anna", "Müller", LocalDate.of(1980, 3, 7), HOME));

        assertThat(keys).containsExactlyInAnyOrder("n:mueller a", "p:MLR a", "f:MLR 1980-03-07",
                "g:AN 1980-03-07", "d:1980-03-07 DE:10115", "a:DE:10115 12", "s:hauptstr 12 berlin",
                "i:tax_id de123");
    }

    @Test
    void spelling_variants_share_the_phonetic_key_and_a_missing_given_name_is_looked_up_too() {
        Set<String> meyer = MatchKeys.of(person("Jonas", "Meyer", null, null));
        Set<String> maier = MatchKeys.lookup(person("Jonas", "Maier", null, null));
        Set<String> noGivenName = MatchKeys.of(person(null, "Meyer", null, null));

        assertThat(meyer).contains("p:MR j");
        assertThat(maier).contains("p:MR j");
        assertThat(noGivenName).contains("p:MR").doesNotContain("p:MR j");
        assertThat(maier).contains("p:MR");
    }

    @Test
    void swapped_names_are_found_through_the_keys_of_the_swapped_profile() {
        MatchProfile anna = person("Anna", "Schubert", LocalDate.of(1980, 3, 7), null);
        MatchProfile swapped = person("Schubert", "Anna", LocalDate.of(1980, 3, 7), null);

        assertThat(MatchKeys.lookup(swapped)).containsAll(MatchKeys.of(anna));
        assertThat(MatchKeys.of(swapped)).doesNotContain("p:XPRT a");
    }

    @Test
    void an_organization_is_stored_under_its_name_and_the_sounds_of_its_words() {
        MatchProfile acme = MatchProfile.of(new PartyProfile(UUID.randomUUID(), PartyKind.ORGANIZATION,
                "Acme Trading GmbH", null, null, "Acme Trading GmbH", Set.of(), Set.of(), Set.of()));

        assertThat(MatchKeys.of(acme)).containsExactlyInAnyOrder("n:acme trading", "o:AKM TRTN");
        assertThat(MatchKeys.lookup(acme)).isEqualTo(MatchKeys.of(acme));
    }

    @Test
    void no_key_is_longer_than_storage_takes() {
        String longName = "x".repeat(150);
        Set<String> keys = MatchKeys.of(person("Anna", "Müller", null,
                new PostalAddress(longName + " 12", "y".repeat(90), null, "10115", "DE")));

        assertThat(keys).allSatisfy(k -> assertThat(k.length()).isLessThanOrEqualTo(200));
    }
}
