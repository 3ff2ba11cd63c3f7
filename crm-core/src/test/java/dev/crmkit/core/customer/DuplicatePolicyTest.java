package dev.crmkit.core.customer;

import static dev.crmkit.core.customer.CustomerFixtures.callCentrePerson;
import static dev.crmkit.core.customer.CustomerFixtures.webShopPerson;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.crmkit.model.NotPermittedException;
import dev.crmkit.model.customer.CustomerCriterion;
import dev.crmkit.model.customer.PostalAddress;
import org.junit.jupiter.api.Test;

class DuplicatePolicyTest {

    @Test
    void warn_stores_the_customer_and_returns_scored_candidates_with_reasons() {
        // given
        CustomerFixtures.World world = CustomerFixtures.world(DuplicatePolicy.WARN);
        Customer anna = world.customers().register(webShopPerson()).customer();
        world.drainOutbox();

        // when
        RegistrationResult second = world.customers().register(callCentrePerson());

        // then
        assertThat(second.duplicates()).singleElement().satisfies(candidate -> {
            assertThat(candidate.customerId()).isEqualTo(anna.id());
            assertThat(candidate.reasons()).containsExactly(MatchReason.SAME_PHONE);
            assertThat(candidate.score()).as("a phone and the same name").isEqualTo(0.996);
            assertThat(candidate.contributions()).containsExactlyInAnyOrderEntriesOf(java.util.Map.of(
                    MatchField.PHONE, 7.0, MatchField.FAMILY_NAME, 3.5, MatchField.GIVEN_NAME, 2.5));
        });
        assertThat(world.storage().customers().count("acme", CustomerCriterion.all())).isEqualTo(2);
        assertThat(world.drainOutbox()).extracting(e -> e.type()).contains("customer.duplicate-suspected");
    }

    @Test
    void block_refuses_a_likely_duplicate_and_stores_nothing() {
        CustomerFixtures.World world = CustomerFixtures.world(DuplicatePolicy.BLOCK);
        world.customers().register(webShopPerson());
        world.drainOutbox();

        assertThatThrownBy(() -> world.customers().register(callCentrePerson()))
                .isInstanceOf(NotPermittedException.class)
                .hasMessageNotContaining("Anna").hasMessageNotContaining("+49");
        assertThat(world.storage().customers().count("acme", CustomerCriterion.all())).isEqualTo(1);
        assertThat(world.drainOutbox()).isEmpty();
    }

    @Test
    void allow_does_not_look_for_duplicates() {
        CustomerFixtures.World world = CustomerFixtures.world(DuplicatePolicy.ALLOW);
        world.customers().register(webShopPerson());

        assertThat(world.customers().register(callCentrePerson()).duplicates()).isEmpty();
    }

    @Test
    void similar_name_at_the_same_address_is_a_candidate_and_reasons_add_up() {
        CustomerFixtures.World world = CustomerFixtures.world(DuplicatePolicy.WARN);
        world.customers().register(webShopPerson());

        RegistrationResult result = world.customers().register(RegisterPerson.named("Ana", "Müller")
                .withEmail("anna.mueller@example.com")
                .withContactPoint(NewContactPoint.postal(new PostalAddress("Friedrichstr. 12", "Berlin", null, "10117", "DE"))));

        assertThat(result.duplicates()).singleElement().satisfies(candidate -> {
            assertThat(candidate.reasons()).containsExactlyInAnyOrder(MatchReason.SAME_EMAIL,
                    MatchReason.SIMILAR_NAME_SAME_ADDRESS);
            assertThat(candidate.score()).isEqualTo(1.0);
            assertThat(candidate.contributions())
                    .containsEntry(MatchField.GIVEN_NAME, MatchLevel.GIVEN_SIMILAR.defaultWeight())
                    .containsEntry(MatchField.ADDRESS, MatchLevel.ADDRESS_EQUAL.defaultWeight());
        });
    }

    @Test
    void similar_name_alone_is_not_a_duplicate() {
        CustomerFixtures.World world = CustomerFixtures.world(DuplicatePolicy.BLOCK);
        world.customers().register(webShopPerson());

        assertThat(world.customers().register(RegisterPerson.named("Anna", "Müller")).duplicates()).isEmpty();
    }

    @Test
    void policy_is_per_tenant() {
        CustomerFixtures.World world = CustomerFixtures.world(DuplicatePolicy.ALLOW);
        var crm = dev.crmkit.core.Crm.builder().storage(world.storage()).clock(world.clock()).defaultPhoneRegion("DE")
                .module(CustomerModule.builder().duplicatePolicy("strict", DuplicatePolicy.BLOCK).build()).build();
        crm.tenant("strict").service(CustomerService.class).register(webShopPerson());
        crm.tenant("lenient").service(CustomerService.class).register(webShopPerson());

        assertThatThrownBy(() -> crm.tenant("strict").service(CustomerService.class).register(callCentrePerson()))
                .isInstanceOf(NotPermittedException.class);
        assertThat(crm.tenant("lenient").service(CustomerService.class).register(callCentrePerson()).duplicates()).hasSize(1);
    }
}
