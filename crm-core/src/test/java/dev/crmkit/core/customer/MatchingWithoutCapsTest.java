package dev.crmkit.core.customer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.crmkit.core.common.Actor;
import dev.crmkit.core.customfield.CustomFieldService;
import dev.crmkit.core.customfield.DefineCustomField;
import dev.crmkit.model.NotPermittedException;
import dev.crmkit.model.PageRequest;
import dev.crmkit.model.customer.ContactPointKind;
import dev.crmkit.model.customer.CustomerCriterion;
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

/**
 * Every customer a blocking key yields is compared, however many share it; and the keys follow the customer through
 * changes, merges and imports.
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class MatchingWithoutCapsTest {
    /** More customers sharing one name key than the 100 the matcher used to read. */
    private static final int SAME_NAME = 130;
    private static final PostalAddress HOME = new PostalAddress("Hauptstraße 5", "Berlin", null, "10115", "DE");

    private static RegisterPerson johnSmithAt(int house) {
        return RegisterPerson.named("John", "Smith").withContactPoint(NewContactPoint.postal(
                new PostalAddress("Gartenweg " + house, "Hamburg", null, String.valueOf(20000 + house), "DE")));
    }

    private static UUID registerManyJohnSmithsThenTheOne(CustomerService customers) {
        for (int i = 1; i <= SAME_NAME; i++) {
            customers.register(johnSmithAt(i));
        }
        return customers.register(RegisterPerson.named("John", "Smith").withContactPoint(NewContactPoint.postal(HOME)))
                .customer().id();
    }

    @Test
    void under_warn_an_exact_duplicate_is_flagged_behind_more_than_a_hundred_older_namesakes() {
        CustomerService customers = CustomerFixtures.world(CustomerModule.builder()
                .duplicatePolicy(DuplicatePolicy.ALLOW)).customers();
        UUID theOne = registerManyJohnSmithsThenTheOne(customers);
        CustomerService warning = CustomerFixtures.world(CustomerModule.builder()).customers();
        UUID warnedAbout = registerManyJohnSmithsThenTheOne(warning);

        RegistrationResult again = warning.register(RegisterPerson.named("John", "Smith")
                .withContactPoint(NewContactPoint.postal(HOME)));

        assertThat(again.duplicates()).extracting(DuplicateCandidate::customerId).containsExactly(warnedAbout);
        assertThat(again.duplicates().get(0).score()).isGreaterThanOrEqualTo(0.9);
        assertThat(again.duplicates().get(0).reasons()).containsExactly(MatchReason.SIMILAR_NAME_SAME_ADDRESS);
        assertThat(again.duplicates().get(0).contributions())
                .containsEntry(MatchField.ADDRESS, MatchLevel.ADDRESS_EQUAL.defaultWeight())
                .containsEntry(MatchField.FAMILY_NAME, MatchLevel.FAMILY_EQUAL.defaultWeight());
        PartyProfile party = new PartyProfile(UUID.randomUUID(), PartyKind.PERSON, "John Smith", "John", "Smith", null,
                Set.of(), Set.of(), Set.of(), List.of(HOME), null, Map.of());
        assertThat(customers.findMatches(party)).extracting(DuplicateCandidate::customerId).containsExactly(theOne);
    }

    @Test
    void under_block_an_exact_duplicate_is_refused_behind_more_than_a_hundred_older_namesakes() {
        CustomerFixtures.World world = CustomerFixtures.world(CustomerModule.builder()
                .duplicatePolicy(DuplicatePolicy.BLOCK));
        CustomerService customers = world.customers();
        UUID theOne = registerManyJohnSmithsThenTheOne(customers);
        long stored = customers.find(CustomerCriterion.all(), PageRequest.first(1000)).items().size();

        assertThatThrownBy(() -> customers.register(RegisterPerson.named("John", "Smith")
                .withContactPoint(NewContactPoint.postal(HOME))))
                .isInstanceOf(NotPermittedException.class)
                .hasMessageContaining(theOne.toString())
                .hasMessageNotContaining("Smith");
        assertThat(customers.find(CustomerCriterion.all(), PageRequest.first(1000)).items()).hasSize((int) stored)
                .hasSize(SAME_NAME + 1);
    }

    @Test
    void under_block_a_possible_duplicate_is_stored_and_reported() {
        CustomerService customers = CustomerFixtures.world(CustomerModule.builder()
                .duplicatePolicy(DuplicatePolicy.BLOCK)).customers();
        UUID anna = customers.register(RegisterPerson.named("Anna", "Schubert")
                .withContactPoint(NewContactPoint.postal(HOME))).customer().id();

        RegistrationResult possible = customers.register(RegisterPerson.named("Anna", "Schubert")
                .withContactPoint(NewContactPoint.postal(new PostalAddress("Gartenweg 9", "Berlin", null, "10115",
                        "DE"))));

        assertThat(possible.duplicates()).extracting(DuplicateCandidate::customerId).containsExactly(anna);
        assertThat(possible.duplicates().get(0).score()).isBetween(0.7, 0.9);
    }

    @Test
    void keys_follow_name_changes_addresses_and_the_date_of_birth_field() {
        CustomerFixtures.World world = CustomerFixtures.world(CustomerModule.builder()
                .duplicatePolicy(DuplicatePolicy.ALLOW)
                .matching(MatchSettings.defaults().withDateOfBirthField("born")));
        world.acme().service(CustomFieldService.class)
                .define(DefineCustomField.optional("born", "Date of birth", CustomFieldType.DATE));
        CustomerService customers = world.customers();
        UUID id = customers.register(RegisterPerson.named("Anna", "Klein")).customer().id();
        PartyProfile married = new PartyProfile(UUID.randomUUID(), PartyKind.PERSON, "Anna Schubert", "Anna",
                "Schubert", null, Set.of(), Set.of(), Set.of(), List.of(HOME), LocalDate.of(1980, 3, 7), Map.of());
        assertThat(customers.findMatches(married)).isEmpty();

        customers.updateDetails(new UpdateDetails(id, null, null, "Schuberth", null, null));
        customers.addContactPoint(id, NewContactPoint.postal(HOME));
        customers.setCustomField(id, "born", new CustomFieldValue.Date(LocalDate.of(1980, 3, 7)));

        assertThat(customers.findMatches(married)).singleElement().satisfies(c -> {
            assertThat(c.customerId()).isEqualTo(id);
            assertThat(c.score()).isGreaterThanOrEqualTo(0.9);
            assertThat(c.reasons()).contains(MatchReason.SIMILAR_NAME_SAME_BIRTH_DATE,
                    MatchReason.SIMILAR_NAME_SAME_ADDRESS);
        });
        UUID home = customers.get(id).contactPoints(ContactPointKind.POSTAL).get(0).id();
        customers.removeContactPoint(id, home);
        customers.clearCustomField(id, "born");
        assertThat(customers.findMatches(married)).allSatisfy(c -> assertThat(c.score()).isLessThan(0.9));
    }

    @Test
    void a_merged_customer_is_no_candidate_and_the_survivor_is_found_by_what_it_gained() {
        CustomerService customers = CustomerFixtures.world(CustomerModule.builder()
                .duplicatePolicy(DuplicatePolicy.ALLOW)).customers();
        UUID survivor = customers.register(RegisterPerson.named("Anna", "Schubert")).customer().id();
        UUID merged = customers.register(RegisterPerson.named("Anna", "Schubert")
                .withContactPoint(NewContactPoint.postal(HOME))).customer().id();

        customers.merge(survivor, merged, Actor.user("reviewer-1"));

        PartyProfile party = new PartyProfile(UUID.randomUUID(), PartyKind.PERSON, "Anna Schubert", "Anna",
                "Schubert", null, Set.of(), Set.of(), Set.of(), List.of(HOME), null, Map.of());
        assertThat(customers.findMatches(party)).extracting(DuplicateCandidate::customerId).containsExactly(survivor);
    }

    @Test
    void imported_customers_are_found_by_their_phonetic_and_address_keys() {
        CustomerService customers = CustomerFixtures.world(CustomerModule.builder()
                .duplicatePolicy(DuplicatePolicy.ALLOW)).customers();
        customers.importCustomers(java.util.stream.Stream.of(RegisterPerson.named("Jonas", "Meyer")
                .withContactPoint(NewContactPoint.postal(HOME))), soFar -> { });
        UUID imported = customers.find(CustomerCriterion.all(), PageRequest.first(10)).items().get(0).id();

        PartyProfile maier = new PartyProfile(UUID.randomUUID(), PartyKind.PERSON, "J. Maier", "J.", "Maier", null,
                Set.of(), Set.of(), Set.of(), List.of(HOME), null, Map.of());

        assertThat(customers.findMatches(maier)).extracting(DuplicateCandidate::customerId).containsExactly(imported);
    }

    @Test
    void an_import_skips_rows_the_rules_call_duplicates_of_an_earlier_row_or_a_stored_customer() {
        CustomerService customers = CustomerFixtures.world(CustomerModule.builder()
                .duplicatePolicy(DuplicatePolicy.ALLOW)).customers();
        customers.register(RegisterPerson.named("Anna", "Schubert").withContactPoint(NewContactPoint.postal(HOME)));
        PostalAddress elsewhere = new PostalAddress("Gartenweg 9", "Köln", null, "50667", "DE");

        ImportReport report = customers.importCustomers(java.util.stream.Stream.of(
                RegisterPerson.named("Jonas", "Meyer").withContactPoint(NewContactPoint.postal(elsewhere)),
                RegisterPerson.named("Jonas", "Maier").withContactPoint(NewContactPoint.postal(elsewhere)),
                RegisterPerson.named("Anna", "Schuberth").withContactPoint(NewContactPoint.postal(HOME)),
                RegisterPerson.named("Anna", "Schubert")), soFar -> { });

        assertThat(report.imported()).as("Jonas Meyer, and Anna Schubert without an address: only possible").isEqualTo(2);
        assertThat(report.errors()).containsExactly(new ImportError(2, "row", "duplicates row 1"),
                new ImportError(3, "row", "duplicates a stored customer"));
    }
}
