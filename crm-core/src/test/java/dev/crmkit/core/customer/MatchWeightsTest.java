package dev.crmkit.core.customer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.crmkit.model.NotPermittedException;
import dev.crmkit.model.PageRequest;
import dev.crmkit.model.ValidationException;
import dev.crmkit.model.customer.PartyKind;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

/** The weights a host sets per tenant: checked when made, and applied on every path that scores. */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class MatchWeightsTest {
    /** Weights of a tenant whose customers' names are unusual enough that the same name alone is a duplicate. */
    private static final MatchWeights NAMES_DECIDE = MatchWeights.defaults().with(MatchLevel.FAMILY_EQUAL, 6)
            .with(MatchLevel.GIVEN_EQUAL, 6);

    private static void assertRejected(ThrowingCallable call, String field) {
        assertThatThrownBy(call).isInstanceOfSatisfying(ValidationException.class,
                e -> assertThat(e.field()).isEqualTo(field));
    }

    @Test
    void bad_weights_are_rejected_naming_the_level() {
        assertRejected(() -> MatchWeights.defaults().with(MatchLevel.BIRTH_EQUAL, Double.NaN), "levels.BIRTH_EQUAL");
        assertRejected(() -> MatchWeights.defaults().with(MatchLevel.BIRTH_EQUAL, Double.POSITIVE_INFINITY),
                "levels.BIRTH_EQUAL");
        assertRejected(() -> MatchWeights.defaults().with(MatchLevel.ADDRESS_DIFFERENT, -40.5),
                "levels.ADDRESS_DIFFERENT");
        assertRejected(() -> MatchWeights.defaults().with(null, 1), "level");
        assertRejected(() -> MatchWeights.defaults().withEvenWeight(41), "evenWeight");
        assertRejected(() -> new MatchWeights(null, 5), "levels");
        Map<MatchLevel, Double> withoutOne = new EnumMap<>(MatchWeights.defaults().levels());
        withoutOne.remove(MatchLevel.PHONE_DIFFERENT);
        assertRejected(() -> new MatchWeights(withoutOne, 5), "levels.PHONE_DIFFERENT");
        Map<MatchLevel, Double> withNull = new HashMap<>(MatchWeights.defaults().levels());
        withNull.put(MatchLevel.PHONE_EQUAL, null);
        assertRejected(() -> new MatchWeights(withNull, 5), "levels.PHONE_EQUAL");
        assertRejected(() -> MatchSettings.defaults().withWeights(null), "weights");
        assertRejected(() -> MatchWeights.defaults().of(null), "level");
    }

    @Test
    void the_defaults_are_each_levels_default_weight_and_the_withers_change_one_thing() {
        MatchWeights changed = MatchWeights.defaults().with(MatchLevel.BIRTH_NEAR, 5).withEvenWeight(-40);

        assertThat(MatchWeights.defaults().evenWeight()).isEqualTo(5.0);
        for (MatchLevel level : MatchLevel.values()) {
            assertThat(MatchWeights.defaults().of(level)).isEqualTo(level.defaultWeight());
            assertThat(changed.of(level)).isEqualTo(level == MatchLevel.BIRTH_NEAR ? 5 : level.defaultWeight());
        }
        assertThat(changed.evenWeight()).isEqualTo(-40);
        assertThat(changed.with(MatchLevel.BIRTH_NEAR, 40).of(MatchLevel.BIRTH_NEAR)).isEqualTo(40);
        assertThat(MatchSettings.defaults().weights()).isEqualTo(MatchWeights.defaults());
        assertThat(MatchSettings.defaults().withWeights(changed).withThresholds(0.95, 0.8).withDateOfBirthField("born")
                .withIdentifierFields(Set.of("tax_id")).weights()).isEqualTo(changed);
        assertThat(MatchWeights.defaults().score(5)).isEqualTo(0.5);
        assertThat(changed.score(-40)).isEqualTo(0.5);
    }

    @Test
    void each_level_belongs_to_the_field_it_contributes_to() {
        assertThat(MatchLevel.NAMES_SWAPPED.field()).isEqualTo(MatchField.FAMILY_NAME);
        assertThat(MatchLevel.EMPLOYER_EQUAL.field()).isEqualTo(MatchField.ORGANIZATION);
        for (MatchLevel level : MatchLevel.values()) {
            assertThat(level.name()).startsWith(switch (level.field()) {
                case FAMILY_NAME -> level == MatchLevel.NAMES_SWAPPED ? "NAMES" : "FAMILY";
                case GIVEN_NAME -> "GIVEN";
                case ORGANIZATION -> level.name().startsWith("EMPLOYER") ? "EMPLOYER" : "ORGANIZATION";
                case DATE_OF_BIRTH -> "BIRTH";
                case ADDRESS -> "ADDRESS";
                case IDENTIFIER -> "IDENTIFIER";
                case EMAIL -> "EMAIL";
                case PHONE -> "PHONE";
            });
        }
    }

    @Test
    void a_tenants_weights_decide_its_scores_and_its_explanations() {
        PartyProfile anna = new PartyProfile(UUID.randomUUID(), PartyKind.PERSON, "Anna Schubert", "Anna",
                "Schubert", null, Set.of(), Set.of(), Set.of());
        PartyProfile annaAgain = new PartyProfile(UUID.randomUUID(), PartyKind.PERSON, "Anna Schubert", "Anna",
                "Schubert", null, Set.of(), Set.of(), Set.of());

        MatchRules.Comparison usual = MatchRules.compare(MatchProfile.of(anna), MatchProfile.of(annaAgain), v -> 1);
        MatchRules.Comparison decided = MatchRules.compare(MatchProfile.of(anna), MatchProfile.of(annaAgain), v -> 1,
                NAMES_DECIDE);

        assertThat(usual.score()).isEqualTo(0.667);
        assertThat(decided.score()).isEqualTo(0.992);
        assertThat(decided.contributions()).containsEntry(MatchField.FAMILY_NAME, 6.0)
                .containsEntry(MatchField.GIVEN_NAME, 6.0);
        assertThat(MatchRules.compare(MatchProfile.of(anna), MatchProfile.of(annaAgain), v -> 1,
                NAMES_DECIDE.withEvenWeight(12)).score()).isEqualTo(0.5);
    }

    @Test
    void registration_find_matches_import_and_the_bulk_job_all_use_the_tenants_weights() {
        MatchSettings names = MatchSettings.defaults().withWeights(NAMES_DECIDE);
        CustomerService decided = CustomerFixtures.world(CustomerModule.builder().duplicatePolicy(DuplicatePolicy.BLOCK)
                .matching("acme", names)).customers();
        CustomerService usual = CustomerFixtures.world(CustomerModule.builder().duplicatePolicy(DuplicatePolicy.BLOCK)
                .matching("other", names)).customers();
        RegisterPerson anna = RegisterPerson.named("Anna", "Schubert");
        UUID decidedAnna = decided.register(anna).customer().id();
        usual.register(anna);
        PartyProfile lead = new PartyProfile(UUID.randomUUID(), PartyKind.PERSON, "Anna Schubert", "Anna", "Schubert",
                null, Set.of(), Set.of(), Set.of());

        assertThat(decided.findMatches(lead)).extracting(DuplicateCandidate::customerId).containsExactly(decidedAnna);
        assertThat(decided.findMatchesAll(List.of(lead)).get(lead.id())).hasSize(1);
        assertThat(usual.findMatches(lead)).as("the same name alone scores 0.667 by default").isEmpty();
        assertThatThrownBy(() -> decided.register(anna)).isInstanceOf(NotPermittedException.class);
        assertThat(decided.importCustomers(Stream.of(anna), ImportProgress.NONE).errors())
                .containsExactly(new ImportError(1, "row", "duplicates a stored customer"));
        assertThat(usual.importCustomers(Stream.of(anna), ImportProgress.NONE).imported()).isEqualTo(1);
        RegisterPerson bernd = RegisterPerson.named("Bernd", "Klein");
        assertThat(decided.importCustomers(Stream.of(bernd, bernd), ImportProgress.NONE).errors())
                .containsExactly(new ImportError(2, "row", "duplicates row 1"));
        assertThat(usual.importCustomers(Stream.of(bernd, bernd), ImportProgress.NONE).imported()).isEqualTo(2);
    }

    @SuppressWarnings("deprecation") // the old findDuplicateGroups() keeps its contract until it is removed
    @Test
    void the_bulk_job_joins_by_the_tenants_weights() {
        MatchSettings names = MatchSettings.defaults().withWeights(NAMES_DECIDE);
        CustomerService decided = CustomerFixtures.world(CustomerModule.builder().duplicatePolicy(DuplicatePolicy.ALLOW)
                .matching("acme", names)).customers();
        CustomerService usual = CustomerFixtures.world(CustomerModule.builder().duplicatePolicy(DuplicatePolicy.ALLOW)
                .matching("other", names)).customers();
        RegisterPerson anna = RegisterPerson.named("Anna", "Schubert");
        Set<UUID> annas = Set.of(decided.register(anna).customer().id(), decided.register(anna).customer().id());
        usual.register(anna);
        usual.register(anna);

        assertThat(decided.runDuplicateJob(progress -> true).pairsFound()).as("the job in the database").isEqualTo(1);
        assertThat(usual.runDuplicateJob(progress -> true).pairsFound()).isZero();
        assertThat(decided.duplicateGroups(PageRequest.first(10)).items()).extracting(DuplicateGroup::customerIds)
                .containsExactly(annas);
        assertThat(usual.duplicateGroups(PageRequest.first(10)).items()).isEmpty();
        assertThat(decided.findDuplicateGroups()).extracting(DuplicateGroup::customerIds).containsExactly(annas);
        assertThat(usual.findDuplicateGroups()).isEmpty();
    }
}
