package dev.crmkit.core.customer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.crmkit.core.common.Actor;
import dev.crmkit.model.customer.PartyKind;
import dev.crmkit.model.customer.PostalAddress;
import dev.crmkit.spi.Ids;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

/**
 * Which stored customers the matcher offers as candidates: the threshold they must reach, their order, how a shared
 * e-mail or phone is discounted by its holders, and that blocks and contact values larger than one page are read.
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class DuplicateMatcherTest {
    private static final PostalAddress HOME = new PostalAddress("Hauptstraße 5", "Berlin", null, "10115", "DE");
    private static final String SHOP_EMAIL = "orders@shop.example";
    private static final String SWITCHBOARD = "+49301234567";

    private static CustomerService customers(MatchSettings settings) {
        return CustomerFixtures.world(CustomerModule.builder().duplicatePolicy(DuplicatePolicy.ALLOW)
                .matching(settings)).customers();
    }

    private static CustomerService customers() {
        return customers(MatchSettings.defaults());
    }

    /** Customers where the same name alone (0.667) makes a candidate. */
    private static CustomerService namesakesAreCandidates() {
        return customers(MatchSettings.defaults().withThresholds(0.9, 0.6));
    }

    private static PartyProfile party(String given, String family, Set<String> emails, Set<String> phones) {
        return party(UUID.randomUUID(), given, family, emails, phones);
    }

    private static PartyProfile party(UUID id, String given, String family, Set<String> emails, Set<String> phones) {
        return new PartyProfile(id, PartyKind.PERSON, given + " " + family, given, family, null, emails, phones,
                Set.of());
    }

    private static UUID register(CustomerService customers, RegisterPerson person) {
        return customers.register(person).customer().id();
    }

    @Test
    void a_candidate_scoring_exactly_the_possible_threshold_is_offered_and_one_a_thousandth_below_is_not() {
        // the same name alone scores 0.667
        CustomerService atIt = customers(MatchSettings.defaults().withThresholds(0.9, 0.667));
        CustomerService aboveIt = customers(MatchSettings.defaults().withThresholds(0.9, 0.668));
        UUID anna = register(atIt, RegisterPerson.named("Anna", "Schubert"));
        register(aboveIt, RegisterPerson.named("Anna", "Schubert"));
        PartyProfile party = party("Anna", "Schubert", Set.of(), Set.of());

        assertThat(atIt.findMatches(party)).singleElement().satisfies(c -> {
            assertThat(c.customerId()).isEqualTo(anna);
            assertThat(c.score()).isEqualTo(0.667);
        });
        assertThat(aboveIt.findMatches(party)).isEmpty();
    }

    @Test
    void candidates_come_best_first_and_equal_scores_in_id_order() {
        CustomerService customers = namesakesAreCandidates();
        UUID sameAddress = register(customers, RegisterPerson.named("Anna", "Schubert")
                .withContactPoint(NewContactPoint.postal(HOME)));
        UUID firstNameOnly = register(customers, RegisterPerson.named("Anna", "Schubert"));
        UUID secondNameOnly = register(customers, RegisterPerson.named("Anna", "Schubert"));
        UUID sameEmail = register(customers, RegisterPerson.named("Anna", "Schubert").withEmail("anna@example.com"));
        PartyProfile party = new PartyProfile(UUID.randomUUID(), PartyKind.PERSON, "Anna Schubert", "Anna",
                "Schubert", null, Set.of("anna@example.com"), Set.of(), Set.of(), List.of(HOME), null, Map.of());

        List<DuplicateCandidate> found = customers.findMatches(party);

        List<UUID> nameOnly = List.of(firstNameOnly, secondNameOnly).stream().sorted(Ids.ORDER).toList();
        assertThat(found).extracting(DuplicateCandidate::customerId)
                .containsExactly(sameEmail, sameAddress, nameOnly.get(0), nameOnly.get(1));
        assertThat(found).extracting(DuplicateCandidate::score).isSortedAccordingTo((a, b) -> Double.compare(b, a));
    }

    @Test
    void a_party_is_never_its_own_candidate() {
        CustomerService customers = namesakesAreCandidates();
        UUID anna = register(customers, RegisterPerson.named("Anna", "Schubert").withEmail("anna@example.com"));
        UUID namesake = register(customers, RegisterPerson.named("Anna", "Schubert"));

        List<DuplicateCandidate> found = customers.findMatches(party(anna, "Anna", "Schubert",
                Set.of("anna@example.com"), Set.of()));

        assertThat(found).extracting(DuplicateCandidate::customerId).containsExactly(namesake);
    }

    @Test
    void an_email_or_phone_counts_less_for_each_doubling_of_the_other_customers_holding_it() {
        CustomerService customers = customers();
        UUID anna = register(customers, RegisterPerson.named("Anna", "Schubert").withEmail(SHOP_EMAIL)
                .withPhone(SWITCHBOARD));
        register(customers, RegisterPerson.named("Otto", "Krause").withEmail(SHOP_EMAIL).withPhone(SWITCHBOARD));

        DuplicateCandidate byNewcomer = customers.findMatches(party("Anna", "Schubert", Set.of(SHOP_EMAIL),
                Set.of(SWITCHBOARD))).get(0);

        assertThat(byNewcomer.customerId()).isEqualTo(anna);
        assertThat(byNewcomer.contributions()).as("two other holders: one doubling")
                .containsEntry(MatchField.EMAIL, MatchLevel.EMAIL_EQUAL.defaultWeight() - MatchRules.SHARED_DISCOUNT)
                .containsEntry(MatchField.PHONE, MatchLevel.PHONE_EQUAL.defaultWeight() - MatchRules.SHARED_DISCOUNT);
    }

    @Test
    void a_value_the_party_itself_holds_counts_one_holder_less() {
        CustomerService customers = customers();
        UUID anna = register(customers, RegisterPerson.named("Anna", "Schubert").withEmail(SHOP_EMAIL)
                .withPhone(SWITCHBOARD));
        UUID annaAgain = register(customers, RegisterPerson.named("Anna", "Schubert").withEmail(SHOP_EMAIL)
                .withPhone(SWITCHBOARD));

        DuplicateCandidate found = customers.findMatches(party(anna, "Anna", "Schubert", Set.of(SHOP_EMAIL),
                Set.of(SWITCHBOARD))).get(0);

        assertThat(found.customerId()).isEqualTo(annaAgain);
        assertThat(found.contributions()).as("one other holder: no discount")
                .containsEntry(MatchField.EMAIL, MatchLevel.EMAIL_EQUAL.defaultWeight())
                .containsEntry(MatchField.PHONE, MatchLevel.PHONE_EQUAL.defaultWeight());
    }

    @Test
    void a_customer_sharing_only_a_phone_with_the_party_is_found_by_it() {
        // Schuvert and Schubert sound different (XFRT, XPRT): no name key in common, yet the names are similar
        CustomerService customers = customers();
        UUID anna = register(customers, RegisterPerson.named("Anna", "Schuvert").withPhone(SWITCHBOARD));

        List<DuplicateCandidate> found = customers.findMatches(party("Anna", "Schubert", Set.of(),
                Set.of(SWITCHBOARD)));

        assertThat(found).singleElement().satisfies(c -> {
            assertThat(c.customerId()).isEqualTo(anna);
            assertThat(c.reasons()).containsExactly(MatchReason.SAME_PHONE);
            assertThat(c.contributions())
                    .containsEntry(MatchField.FAMILY_NAME, MatchLevel.FAMILY_SIMILAR.defaultWeight());
        });
    }

    @Test
    void a_merged_customer_holding_the_email_is_no_candidate() {
        CustomerService customers = customers();
        UUID survivor = register(customers, RegisterPerson.named("Anna", "Schubert").withEmail("anna@example.com"));
        UUID merged = register(customers, RegisterPerson.named("Anna", "Schubert").withEmail("anna@example.com"));
        customers.merge(survivor, merged, Actor.user("reviewer-1"));

        List<DuplicateCandidate> found = customers.findMatches(party("Ann", "Schubert-Lang",
                Set.of("anna@example.com"), Set.of()));

        assertThat(found).extracting(DuplicateCandidate::customerId).containsExactly(survivor);
    }

    @Test
    void each_party_of_a_bulk_lookup_gets_its_own_candidates_in_the_order_given() {
        CustomerService customers = customers();
        UUID anna = register(customers, RegisterPerson.named("Anna", "Schubert").withEmail("anna@example.com"));
        UUID otto = register(customers, RegisterPerson.named("Otto", "Krause").withPhone(SWITCHBOARD));
        PartyProfile annaParty = party("Anna", "Schubert", Set.of("anna@example.com"), Set.of());
        PartyProfile ottoParty = party("Otto", "Krause", Set.of(), Set.of(SWITCHBOARD));
        PartyProfile nobody = party("Zacharias", "Quandt", Set.of(), Set.of());

        Map<UUID, List<DuplicateCandidate>> found = customers.findMatchesAll(List.of(ottoParty, nobody, annaParty));

        assertThat(found.keySet()).containsExactly(ottoParty.id(), nobody.id(), annaParty.id());
        assertThat(found.get(ottoParty.id())).extracting(DuplicateCandidate::customerId).containsExactly(otto);
        assertThat(found.get(annaParty.id())).extracting(DuplicateCandidate::customerId).containsExactly(anna);
        assertThat(found.get(nobody.id())).isEmpty();
    }

    @Test
    void a_block_of_more_holders_than_one_page_and_one_profile_load_is_read_to_its_end() {
        CustomerService customers = namesakesAreCandidates();
        for (int i = 1; i <= 600; i++) {
            register(customers, RegisterPerson.named("John", "Smith"));
        }
        UUID theOne = register(customers, RegisterPerson.named("John", "Smith")
                .withContactPoint(NewContactPoint.postal(HOME)));
        PartyProfile party = new PartyProfile(UUID.randomUUID(), PartyKind.PERSON, "John Smith", "John", "Smith",
                null, Set.of(), Set.of(), Set.of(), List.of(HOME), null, Map.of());

        List<DuplicateCandidate> found = customers.findMatches(party);

        assertThat(found).as("600 namesakes: two keys each, over a page of 1,000 key rows and two profile loads of 500")
                .hasSize(601);
        assertThat(found.get(0).customerId()).isEqualTo(theOne);
        assertThat(found.get(0).reasons()).contains(MatchReason.SIMILAR_NAME_SAME_ADDRESS);
    }

    @Test
    void an_email_held_by_a_thousand_customers_counts_for_nothing_yet_its_last_holder_is_found_by_name() {
        CustomerService customers = namesakesAreCandidates();
        for (int i = 0; i < DuplicateMatcher.VALUE_LOOKUP; i++) {
            register(customers, RegisterPerson.named("Otto", "Krause" + (char) ('a' + i % 26) + i)
                    .withEmail(SHOP_EMAIL));
        }
        UUID anna = register(customers, RegisterPerson.named("Anna", "Schubert").withEmail(SHOP_EMAIL));

        List<DuplicateCandidate> found = customers.findMatches(party("Anna", "Schubert", Set.of(SHOP_EMAIL),
                Set.of()));

        assertThat(found).singleElement().satisfies(c -> {
            assertThat(c.customerId()).isEqualTo(anna);
            assertThat(c.contributions()).doesNotContainKey(MatchField.EMAIL);
        });
    }

    @Test
    void an_email_behind_a_thousand_rows_of_another_email_in_the_same_lookup_is_still_found() {
        CustomerService customers = customers();
        for (int i = 0; i < DuplicateMatcher.VALUE_LOOKUP; i++) {
            register(customers, RegisterPerson.named("Otto", "Krause" + (char) ('a' + i % 26) + i)
                    .withEmail(SHOP_EMAIL));
        }
        UUID grete = register(customers, RegisterPerson.named("Grete", "Lindner").withEmail("grete@example.com"));
        PartyProfile shopper = party("Anna", "Schubert", Set.of(SHOP_EMAIL), Set.of());
        PartyProfile gretesEmail = party("Paul", "Horvath", Set.of("grete@example.com"), Set.of());

        Map<UUID, List<DuplicateCandidate>> found = customers.findMatchesAll(List.of(shopper, gretesEmail));

        assertThat(found.get(gretesEmail.id())).as("an e-mail in common with someone of another name")
                .singleElement().satisfies(c -> {
                    assertThat(c.customerId()).isEqualTo(grete);
                    assertThat(c.contributions())
                            .containsEntry(MatchField.EMAIL, MatchLevel.EMAIL_EQUAL.defaultWeight());
                });
        assertThat(found.get(shopper.id())).isEmpty();
    }
}
