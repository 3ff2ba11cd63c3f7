package dev.crmkit.core.customer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

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

/** The field comparisons of the matching rules, one level at a time, and how they add up to a score. */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class MatchRulesTest {
    private static final PostalAddress HOME = new PostalAddress("Hauptstraße 12", "Berlin", null, "10115", "DE");

    private static PartyProfile person(String given, String family) {
        return new PartyProfile(UUID.randomUUID(), PartyKind.PERSON, (given == null ? "" : given + " ") + family,
                given, family, null, Set.of(), Set.of(), Set.of());
    }

    private static PartyProfile person(String given, String family, LocalDate born, PostalAddress address,
            Map<String, String> identifiers) {
        return new PartyProfile(UUID.randomUUID(), PartyKind.PERSON, given + " " + family, given, family, null,
                Set.of(), Set.of(), Set.of(), address == null ? List.of() : List.of(address), born, identifiers);
    }

    private static MatchRules.Comparison compare(PartyProfile a, PartyProfile b) {
        return MatchRules.compare(MatchProfile.of(a), MatchProfile.of(b), value -> 1);
    }

    private static double field(PartyProfile a, PartyProfile b, MatchField field) {
        return compare(a, b).contributions().getOrDefault(field, 0.0);
    }

    @Test
    void family_names_agree_fully_when_equal_partly_when_they_sound_alike_or_differ_by_a_typo() {
        assertThat(MatchRules.family("mueller", "mueller")).isEqualTo(MatchLevel.FAMILY_EQUAL);
        assertThat(MatchRules.family("meyer", "maier")).isEqualTo(MatchLevel.FAMILY_SIMILAR);
        assertThat(MatchRules.family("hartmann", "hartmnan")).isEqualTo(MatchLevel.FAMILY_SIMILAR);
        assertThat(MatchRules.family("mueller", "schmidt")).isEqualTo(MatchLevel.FAMILY_DIFFERENT);
        assertThat(MatchRules.family(null, "schmidt")).isNull();
        assertThat(MatchRules.family("schmidt", null)).isNull();
    }

    @Test
    void given_names_agree_on_nicknames_and_initials_and_disagree_on_another_initial() {
        assertThat(MatchRules.given("anna", "anna")).isEqualTo(MatchLevel.GIVEN_EQUAL);
        assertThat(MatchRules.given("anna maria", "anna")).isEqualTo(MatchLevel.GIVEN_EQUAL);
        assertThat(MatchRules.given("william", "bill")).isEqualTo(MatchLevel.GIVEN_NICKNAME);
        assertThat(MatchRules.given("alex", "alexandra")).isEqualTo(MatchLevel.GIVEN_NICKNAME);
        assertThat(MatchRules.given("j", "johannes")).isEqualTo(MatchLevel.GIVEN_INITIAL);
        assertThat(MatchRules.given("johannes", "j")).isEqualTo(MatchLevel.GIVEN_INITIAL);
        assertThat(MatchRules.given("k", "johannes")).isEqualTo(MatchLevel.GIVEN_DIFFERENT);
        assertThat(MatchRules.given("christine", "christien")).isEqualTo(MatchLevel.GIVEN_SIMILAR);
        assertThat(MatchRules.given("anna", "bernd")).isEqualTo(MatchLevel.GIVEN_DIFFERENT);
        assertThat(MatchRules.given(null, "bernd")).isNull();
        assertThat(MatchRules.given("bernd", null)).isNull();
    }

    @Test
    void swapped_given_and_family_names_agree_at_a_small_cost() {
        PartyProfile anna = person("Anna", "Schubert");
        PartyProfile swapped = person("Schubert", "Anna");

        MatchRules.Comparison c = compare(anna, swapped);

        assertThat(c.contributions().get(MatchField.FAMILY_NAME))
                .isEqualTo(MatchLevel.FAMILY_EQUAL.defaultWeight() + MatchLevel.NAMES_SWAPPED.defaultWeight());
        assertThat(c.contributions().get(MatchField.GIVEN_NAME)).isEqualTo(MatchLevel.GIVEN_EQUAL.defaultWeight());
        assertThat(compare(anna, person("Anna", "Schubert")).weight())
                .isGreaterThan(c.weight());
    }

    @Test
    void dates_of_birth_agree_when_equal_nearly_when_day_and_month_swap_or_a_digit_is_off() {
        LocalDate born = LocalDate.of(1980, 3, 7);
        assertThat(MatchRules.born(born, born)).isEqualTo(MatchLevel.BIRTH_EQUAL);
        assertThat(MatchRules.born(born, LocalDate.of(1980, 7, 3))).isEqualTo(MatchLevel.BIRTH_NEAR);
        assertThat(MatchRules.born(born, LocalDate.of(1980, 3, 8))).isEqualTo(MatchLevel.BIRTH_NEAR);
        assertThat(MatchRules.born(born, LocalDate.of(1981, 3, 7))).isEqualTo(MatchLevel.BIRTH_NEAR);
        assertThat(MatchRules.born(born, LocalDate.of(1981, 7, 3))).isEqualTo(MatchLevel.BIRTH_DIFFERENT);
        assertThat(MatchRules.born(born, LocalDate.of(1975, 12, 24))).isEqualTo(MatchLevel.BIRTH_DIFFERENT);
        assertThat(MatchRules.born(null, born)).isNull();
        assertThat(MatchRules.born(born, null)).isNull();
    }

    @Test
    void addresses_agree_on_street_and_number_in_the_same_place_even_with_a_postcode_typo() {
        PartyProfile home = person("Anna", "Schubert", null, HOME, Map.of());

        assertThat(field(home, person("Anna", "Schubert", null,
                new PostalAddress("Hauptstr. 12", "Berlin", null, "10115", "DE"), Map.of()), MatchField.ADDRESS))
                .isEqualTo(MatchLevel.ADDRESS_EQUAL.defaultWeight());
        assertThat(field(home, person("Anna", "Schubert", null,
                new PostalAddress("Hauptstraße 12", null, null, "10116", "DE"), Map.of()), MatchField.ADDRESS))
                .isEqualTo(MatchLevel.ADDRESS_EQUAL.defaultWeight());
        assertThat(field(home, person("Anna", "Schubert", null,
                new PostalAddress("Hauptstraße 40", "Berlin", null, "10115", "DE"), Map.of()), MatchField.ADDRESS))
                .isEqualTo(MatchLevel.ADDRESS_STREET.defaultWeight());
        assertThat(field(home, person("Anna", "Schubert", null,
                new PostalAddress("Gartenweg 3", "Berlin", null, "10115", "DE"), Map.of()), MatchField.ADDRESS))
                .isEqualTo(MatchLevel.ADDRESS_POSTCODE.defaultWeight());
        assertThat(field(home, person("Anna", "Schubert", null,
                new PostalAddress("Gartenweg 3", "Köln", null, "50667", "DE"), Map.of()), MatchField.ADDRESS))
                .isEqualTo(MatchLevel.ADDRESS_DIFFERENT.defaultWeight());
        assertThat(field(home, person("Anna", "Schubert"), MatchField.ADDRESS)).isZero();
    }

    @Test
    void a_declared_identifier_decides_more_than_any_other_field() {
        PartyProfile anna = person("Anna", "Schubert", null, null, Map.of("tax_id", "DE 123"));

        assertThat(field(anna, person("Bernd", "Klein", null, null, Map.of("tax_id", "de123")), MatchField.IDENTIFIER))
                .isEqualTo(MatchLevel.IDENTIFIER_EQUAL.defaultWeight());
        assertThat(compare(anna, person("Anna", "Schubert", null, null, Map.of("tax_id", "DE 999"))).score())
                .isLessThan(0.1);
        assertThat(field(anna, person("Anna", "Schubert", null, null, Map.of("other", "DE 123")),
                MatchField.IDENTIFIER)).isZero();
    }

    @Test
    void a_value_many_customers_share_counts_for_less_and_widely_shared_for_nothing() {
        PartyProfile anna = new PartyProfile(UUID.randomUUID(), PartyKind.PERSON, "Anna Schubert", "Anna",
                "Schubert", null, Set.of("info@example.com"), Set.of(), Set.of());
        PartyProfile other = new PartyProfile(UUID.randomUUID(), PartyKind.PERSON, "Anna Schubert", "Anna",
                "Schubert", null, Set.of("anna@example.com"), Set.of(), Set.of());
        double equal = MatchLevel.EMAIL_EQUAL.defaultWeight();

        assertThat(MatchRules.shared(equal, 1)).isEqualTo(equal);
        assertThat(MatchRules.shared(equal, 4)).isEqualTo(equal - 2 * MatchRules.SHARED_DISCOUNT);
        assertThat(MatchRules.shared(equal, 1000)).isZero();
        MatchRules.Comparison none = compare(anna, other);
        assertThat(none.levels()).containsEntry(MatchField.EMAIL, MatchLevel.EMAIL_DIFFERENT);
        assertThat(none.contributions()).doesNotContainKey(MatchField.EMAIL);
        MatchRules.Comparison widely = MatchRules.compare(MatchProfile.of(anna), MatchProfile.of(anna), v -> 1000);
        assertThat(widely.levels()).containsEntry(MatchField.EMAIL, MatchLevel.EMAIL_EQUAL);
        assertThat(widely.contributions()).doesNotContainKey(MatchField.EMAIL);
        assertThat(widely.reasons()).doesNotContain(MatchReason.SAME_EMAIL);
    }

    @Test
    void a_shared_phone_with_different_names_is_no_match_but_with_the_same_name_a_strong_one() {
        PartyProfile anna = new PartyProfile(UUID.randomUUID(), PartyKind.PERSON, "Anna Schubert", "Anna",
                "Schubert", null, Set.of(), Set.of("+49301234567"), Set.of());
        PartyProfile colleague = new PartyProfile(UUID.randomUUID(), PartyKind.PERSON, "Bernd Klein", "Bernd",
                "Klein", null, Set.of(), Set.of("+49301234567"), Set.of());
        PartyProfile annaAgain = new PartyProfile(UUID.randomUUID(), PartyKind.PERSON, "Anna Schubert", "Anna",
                "Schubert", null, Set.of(), Set.of("+49301234567"), Set.of());

        assertThat(anna.reasonsToMatch(colleague)).isEmpty();
        assertThat(anna.scoreAgainst(colleague)).isLessThan(0.5);
        assertThat(anna.reasonsToMatch(annaAgain)).containsExactly(MatchReason.SAME_PHONE);
        assertThat(anna.scoreAgainst(annaAgain)).isGreaterThan(0.99);
    }

    private static MatchRules.Comparison comparison(double weight, Map<MatchField, Double> contributions,
            Map<MatchField, MatchLevel> levels) {
        return new MatchRules.Comparison(weight, contributions, levels, MatchWeights.defaults().evenWeight());
    }

    @Test
    void the_score_is_one_half_at_the_even_weight_and_the_contributions_add_up_to_the_weight() {
        double even = MatchWeights.defaults().evenWeight();
        assertThat(comparison(even, Map.of(), Map.of()).score()).isEqualTo(0.5);
        assertThat(comparison(even + 1, Map.of(), Map.of()).score()).isEqualTo(0.667);
        assertThat(comparison(even - 1, Map.of(), Map.of()).score()).isEqualTo(0.333);
        assertThat(new MatchRules.Comparison(0, Map.of(), Map.of(), -1).score()).isEqualTo(0.667);
        MatchRules.Comparison c = compare(person("Anna", "Schubert", LocalDate.of(1980, 3, 7), HOME, Map.of()),
                person("Ana", "Schubert", LocalDate.of(1980, 3, 7), HOME, Map.of()));
        assertThat(c.contributions().values().stream().mapToDouble(Double::doubleValue).sum())
                .isCloseTo(c.weight(), within(1e-9));
        assertThat(c.reasons()).containsExactlyInAnyOrder(MatchReason.SIMILAR_NAME_SAME_ADDRESS,
                MatchReason.SIMILAR_NAME_SAME_BIRTH_DATE);
    }

    @Test
    void reasons_name_only_the_fields_that_agreed_and_need_a_similar_name_for_place_and_birth() {
        assertThat(comparison(9, Map.of(MatchField.FAMILY_NAME, 3.5, MatchField.ADDRESS, 1.0),
                Map.of(MatchField.FAMILY_NAME, MatchLevel.FAMILY_EQUAL,
                        MatchField.ADDRESS, MatchLevel.ADDRESS_POSTCODE))
                .reasons()).containsExactly(MatchReason.SIMILAR_NAME_SAME_POSTCODE);
        assertThat(comparison(9, Map.of(MatchField.FAMILY_NAME, 2.5, MatchField.ADDRESS, 2.0,
                MatchField.DATE_OF_BIRTH, 2.5), Map.of(MatchField.FAMILY_NAME, MatchLevel.FAMILY_SIMILAR,
                MatchField.ADDRESS, MatchLevel.ADDRESS_STREET, MatchField.DATE_OF_BIRTH, MatchLevel.BIRTH_NEAR))
                .reasons()).containsExactlyInAnyOrder(MatchReason.SIMILAR_NAME_SAME_ADDRESS,
                MatchReason.SIMILAR_NAME_SAME_BIRTH_DATE);
        assertThat(comparison(9, Map.of(MatchField.FAMILY_NAME, -3.0, MatchField.ADDRESS, 4.0,
                MatchField.DATE_OF_BIRTH, 6.0), Map.of(MatchField.FAMILY_NAME, MatchLevel.FAMILY_DIFFERENT,
                MatchField.ADDRESS, MatchLevel.ADDRESS_EQUAL, MatchField.DATE_OF_BIRTH, MatchLevel.BIRTH_EQUAL)))
                .extracting(MatchRules.Comparison::reasons).isEqualTo(Set.of());
        assertThat(comparison(9, Map.of(MatchField.ORGANIZATION, 6.0),
                Map.of(MatchField.ORGANIZATION, MatchLevel.ORGANIZATION_EQUAL)).reasons())
                .containsExactly(MatchReason.SIMILAR_NAME_SAME_ORGANIZATION);
        assertThat(comparison(9, Map.of(MatchField.FAMILY_NAME, 3.5, MatchField.ORGANIZATION, 0.9),
                Map.of(MatchField.FAMILY_NAME, MatchLevel.FAMILY_EQUAL, MatchField.ORGANIZATION,
                MatchLevel.EMPLOYER_EQUAL)).reasons()).containsExactly(MatchReason.SIMILAR_NAME_SAME_ORGANIZATION);
        assertThat(comparison(9, Map.of(MatchField.IDENTIFIER, 10.0, MatchField.EMAIL, 8.0, MatchField.PHONE, 7.0),
                Map.of(MatchField.IDENTIFIER, MatchLevel.IDENTIFIER_EQUAL, MatchField.EMAIL, MatchLevel.EMAIL_EQUAL,
                MatchField.PHONE, MatchLevel.PHONE_EQUAL)).reasons()).containsExactlyInAnyOrder(
                MatchReason.SAME_IDENTIFIER, MatchReason.SAME_EMAIL, MatchReason.SAME_PHONE);
    }

    @Test
    void organizations_compare_their_names_without_legal_forms() {
        PartyProfile acme = new PartyProfile(UUID.randomUUID(), PartyKind.ORGANIZATION, "ACME GmbH", null, null,
                "ACME GmbH", Set.of(), Set.of(), Set.of());
        PartyProfile acmeAg = new PartyProfile(UUID.randomUUID(), PartyKind.ORGANIZATION, "Acme AG", null, null,
                "Acme AG", Set.of(), Set.of(), Set.of());
        PartyProfile globex = new PartyProfile(UUID.randomUUID(), PartyKind.ORGANIZATION, "Globex", null, null,
                "Globex", Set.of(), Set.of(), Set.of());

        assertThat(field(acme, acmeAg, MatchField.ORGANIZATION))
                .isEqualTo(MatchLevel.ORGANIZATION_EQUAL.defaultWeight());
        assertThat(field(acme, globex, MatchField.ORGANIZATION))
                .isEqualTo(MatchLevel.ORGANIZATION_DIFFERENT.defaultWeight());
        assertThat(MatchRules.organization("acme trading", "acme tradin")).isEqualTo(MatchLevel.ORGANIZATION_SIMILAR);
        assertThat(MatchRules.organization(null, "acme")).isNull();
    }

    @Test
    void one_typing_error_apart_is_a_substitution_a_letter_left_out_or_added_or_neighbours_swapped() {
        assertThat(MatchRules.oneEditApart("koch", "kuch")).isTrue();
        assertThat(MatchRules.oneEditApart("koch", "xoch")).isTrue();
        assertThat(MatchRules.oneEditApart("koch", "kocx")).isTrue();
        assertThat(MatchRules.oneEditApart("schubert", "schuert")).isTrue();
        assertThat(MatchRules.oneEditApart("schuert", "schubert")).isTrue();
        assertThat(MatchRules.oneEditApart("weber", "webber")).isTrue();
        assertThat(MatchRules.oneEditApart("weber", "webe")).isTrue();
        assertThat(MatchRules.oneEditApart("weber", "weebr")).isTrue();
        assertThat(MatchRules.oneEditApart("koch", "okch")).isTrue();
        assertThat(MatchRules.oneEditApart("koch", "kohc")).isTrue();
        assertThat(MatchRules.oneEditApart("weber", "wbere")).isFalse();
        assertThat(MatchRules.oneEditApart("weber", "wxbxr")).isFalse();
        assertThat(MatchRules.oneEditApart("weber", "wexyr")).isFalse();
        assertThat(MatchRules.oneEditApart("koch", "kocher")).isFalse();
        assertThat(MatchRules.oneEditApart("koch", "koch")).isFalse();
        assertThat(MatchRules.oneEditApart("rot", "rat")).as("three letters are too short").isFalse();
        assertThat(MatchRules.oneEditApart("roth", "rot")).as("three letters are too short").isFalse();
        assertThat(MatchRules.oneEditApart("abcd", "abdce")).isFalse();
        assertThat(MatchRules.family("kcoh", "koch")).isEqualTo(MatchLevel.FAMILY_SIMILAR);
        assertThat(MatchRules.given("tiom", "timo")).isEqualTo(MatchLevel.GIVEN_SIMILAR);
    }

    @Test
    void names_compare_crosswise_when_one_party_gave_one_part_only_or_an_initial() {
        PartyProfile werner = person(null, "Werner");
        PartyProfile julia = person("Werner", "Julia");

        MatchRules.Comparison c = compare(werner, julia);

        assertThat(c.levels()).containsEntry(MatchField.FAMILY_NAME, MatchLevel.FAMILY_EQUAL)
                .doesNotContainKey(MatchField.GIVEN_NAME);
        assertThat(c.contributions()).containsEntry(MatchField.FAMILY_NAME, 3.0)
                .doesNotContainKey(MatchField.GIVEN_NAME);
        MatchRules.Comparison initial = compare(person("Berrich", "M"), person("Manfred", "Berrich"));
        assertThat(initial.levels()).containsEntry(MatchField.FAMILY_NAME, MatchLevel.FAMILY_EQUAL)
                .containsEntry(MatchField.GIVEN_NAME, MatchLevel.GIVEN_INITIAL);
        assertThat(initial.contributions()).containsEntry(MatchField.FAMILY_NAME, 3.0)
                .containsEntry(MatchField.GIVEN_NAME, 1.0);
        assertThat(MatchRules.family("m", "manfred")).as("an initial tells nothing of a family name").isNull();
        assertThat(MatchRules.family("manfred", "m")).isNull();
        MatchRules.Comparison straight = compare(person("Anna", "Schubert"), person("Anna", "Schubert"));
        assertThat(straight.contributions()).containsEntry(MatchField.FAMILY_NAME, 3.5)
                .containsEntry(MatchField.GIVEN_NAME, 2.5);
        MatchRules.Comparison onlyGiven = compare(person("Anna", null), person(null, "Anna"));
        assertThat(onlyGiven.contributions()).containsEntry(MatchField.FAMILY_NAME, 3.0);
        MatchRules.Comparison free = MatchRules.compare(MatchProfile.of(werner), MatchProfile.of(julia), v -> 1,
                MatchWeights.defaults().with(MatchLevel.NAMES_SWAPPED, 0).with(MatchLevel.FAMILY_EQUAL, 0));
        // with swapping free, Werner as the other's given name agrees best, and a family name of neither is left
        assertThat(free.contributions()).doesNotContainKey(MatchField.FAMILY_NAME)
                .containsEntry(MatchField.GIVEN_NAME, 2.5);
        assertThat(free.levels()).containsExactly(Map.entry(MatchField.GIVEN_NAME, MatchLevel.GIVEN_EQUAL));
    }

    @Test
    void persons_with_the_same_employer_agree_a_little_and_with_another_not_at_all() {
        PartyProfile atAcme = new PartyProfile(UUID.randomUUID(), PartyKind.PERSON, "Anna Schubert", "Anna",
                "Schubert", "ACME GmbH", Set.of(), Set.of(), Set.of());
        PartyProfile atAcmeToo = new PartyProfile(UUID.randomUUID(), PartyKind.PERSON, "Bernd Klein", "Bernd",
                "Klein", "Acme", Set.of(), Set.of(), Set.of());
        PartyProfile atGlobex = new PartyProfile(UUID.randomUUID(), PartyKind.PERSON, "Bernd Klein", "Bernd",
                "Klein", "Globex", Set.of(), Set.of(), Set.of());

        assertThat(compare(atAcme, atAcmeToo).levels()).containsEntry(MatchField.ORGANIZATION,
                MatchLevel.EMPLOYER_EQUAL);
        assertThat(field(atAcme, atAcmeToo, MatchField.ORGANIZATION)).isEqualTo(0.9);
        assertThat(compare(atAcme, atGlobex).levels()).containsEntry(MatchField.ORGANIZATION,
                MatchLevel.EMPLOYER_DIFFERENT);
        assertThat(compare(atAcme, atGlobex).contributions()).doesNotContainKey(MatchField.ORGANIZATION);
        assertThat(compare(atAcme, person("Anna", "Schubert")).levels()).doesNotContainKey(MatchField.ORGANIZATION);
        assertThat(MatchRules.employer(null, "acme")).isNull();
        assertThat(MatchRules.employer("acme", null)).isNull();
    }

    @Test
    void the_best_pair_of_addresses_counts_and_identifiers_add_up_each() {
        PostalAddress away = new PostalAddress("Gartenweg 3", "Köln", null, "50667", "DE");
        PartyProfile twoHomes = new PartyProfile(UUID.randomUUID(), PartyKind.PERSON, "Anna Schubert", "Anna",
                "Schubert", null, Set.of(), Set.of(), Set.of(), List.of(away, HOME), null,
                Map.of("tax_id", "1", "customer_no", "7"));
        PartyProfile home = new PartyProfile(UUID.randomUUID(), PartyKind.PERSON, "Anna Schubert", "Anna",
                "Schubert", null, Set.of(), Set.of(), Set.of(), List.of(HOME, away), null,
                Map.of("tax_id", "1", "customer_no", "8"));
        PartyProfile near = new PartyProfile(UUID.randomUUID(), PartyKind.PERSON, "Anna Schubert", "Anna",
                "Schubert", null, Set.of(), Set.of(), Set.of(),
                List.of(new PostalAddress("Hauptstraße 40", "Berlin", null, "10115", "DE")), null, Map.of());

        MatchRules.Comparison c = compare(twoHomes, home);

        assertThat(c.levels()).containsEntry(MatchField.ADDRESS, MatchLevel.ADDRESS_EQUAL)
                .containsEntry(MatchField.IDENTIFIER, MatchLevel.IDENTIFIER_DIFFERENT);
        assertThat(c.contributions()).containsEntry(MatchField.IDENTIFIER, 2.0);
        assertThat(c.reasons()).contains(MatchReason.SAME_IDENTIFIER);
        assertThat(compare(twoHomes, near).levels()).containsEntry(MatchField.ADDRESS, MatchLevel.ADDRESS_STREET);
        assertThat(compare(near, twoHomes).levels()).containsEntry(MatchField.ADDRESS, MatchLevel.ADDRESS_STREET);
        assertThat(MatchRules.identifier("1", "1")).isEqualTo(MatchLevel.IDENTIFIER_EQUAL);
        assertThat(MatchRules.identifier("1", "2")).isEqualTo(MatchLevel.IDENTIFIER_DIFFERENT);
    }

    @Test
    void digits_apart_counts_differing_positions_of_equal_lengths_only() {
        assertThat(MatchRules.digitsApart("10115", "10115")).isZero();
        assertThat(MatchRules.digitsApart("10115", "10116")).isEqualTo(1);
        assertThat(MatchRules.digitsApart("10115", "20116")).isEqualTo(2);
        assertThat(MatchRules.digitsApart("10115", "1011")).isEqualTo(Integer.MAX_VALUE);
    }
}
