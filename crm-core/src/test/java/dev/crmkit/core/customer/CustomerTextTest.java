package dev.crmkit.core.customer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.crmkit.model.ValidationException;
import dev.crmkit.model.customer.ContactPointKind;
import dev.crmkit.model.customer.PostalAddress;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

/** A customer's text follows the one text rule ({@code dev.crmkit.core.common.Text}). */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class CustomerTextTest {
    private final CustomerFixtures.World world = CustomerFixtures.world();
    private final CustomerService customers = world.customers();

    @Test
    void a_person_registered_with_padded_names_and_tags_reads_back_stripped() {
        // when
        Customer grace = customers.register(RegisterPerson.named("  Grace ", "\tHopper\n")
                .withOrganizationName(" US Navy ").withTag(" navy ")).customer();

        // then
        assertThat(grace.givenName()).isEqualTo("Grace");
        assertThat(grace.familyName()).isEqualTo("Hopper");
        assertThat(grace.displayName()).isEqualTo("Grace Hopper");
        assertThat(grace.organizationName()).isEqualTo("US Navy");
        assertThat(grace.tags()).containsExactly("navy");
        assertThat(customers.get(grace.id())).isEqualTo(grace);
    }

    @Test
    void an_organization_with_a_blank_display_name_is_displayed_by_its_stripped_name() {
        // when
        Customer navy = customers.register(new RegisterOrganization(" US  Navy ", " \u2003", null, null, null, null,
                null, null)).customer();

        // then: the inner double space stays as given
        assertThat(navy.organizationName()).isEqualTo("US  Navy");
        assertThat(navy.displayName()).isEqualTo("US  Navy");
    }

    @Test
    void a_postal_address_and_a_contact_point_label_are_stored_stripped() {
        // when
        Customer grace = customers.register(RegisterPerson.named("Grace", "Hopper").withContactPoint(
                new NewContactPoint(ContactPointKind.POSTAL, " home ", null,
                        new PostalAddress(" Friedrichstraße 12 ", " Berlin ", null, " 10117 ", "DE")))).customer();

        // then
        ContactPoint home = grace.primary(ContactPointKind.POSTAL).orElseThrow();
        assertThat(home.label()).isEqualTo("home");
        assertThat(home.address().street()).isEqualTo("Friedrichstraße 12");
        assertThat(home.address().city()).isEqualTo("Berlin");
        assertThat(home.address().postalCode()).isEqualTo("10117");
    }

    @Test
    void an_update_strips_names_and_a_blank_name_clears_it() {
        // given
        Customer grace = customers.register(RegisterPerson.named("Grace", "Hopper")).customer();

        // when
        Customer updated = customers.updateDetails(new UpdateDetails(grace.id(), " Amazing Grace ", " Grace Brewster ",
                null, "  ", null));

        // then
        assertThat(updated.displayName()).isEqualTo("Amazing Grace");
        assertThat(updated.givenName()).isEqualTo("Grace Brewster");
        assertThat(updated.familyName()).isEqualTo("Hopper");
        assertThat(updated.organizationName()).isNull();
    }

    @Test
    void a_tag_given_with_spaces_is_the_same_tag() {
        // given
        Customer grace = customers.register(RegisterPerson.named("Grace", "Hopper").withTag("navy")).customer();

        // when
        Customer untagged = customers.untag(grace.id(), " navy ");

        // then
        assertThat(untagged.tags()).isEmpty();
    }

    @Test
    void a_blank_organization_name_is_refused_naming_the_field() {
        assertThatThrownBy(() -> RegisterOrganization.named(" \t "))
                .isInstanceOfSatisfying(ValidationException.class,
                        e -> assertThat(e.field()).isEqualTo("organizationName"));
    }
}
