package dev.crmkit.core.customer;

import static dev.crmkit.core.customer.CustomerFixtures.number;
import static dev.crmkit.core.customer.CustomerFixtures.webShopPerson;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.crmkit.spi.ValidationException;
import dev.crmkit.spi.customer.CustomerCriterion;
import dev.crmkit.spi.customer.PostalAddress;
import dev.crmkit.spi.customfield.CustomFieldValue;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

class CustomerValidationTest {
    private final CustomerFixtures.World world = CustomerFixtures.world().withCustomFields();
    private final CustomerService customers = world.customers();

    private static RegisterPerson valid() {
        return webShopPerson().withCustomField("lifetime_value", number("120.50"));
    }

    private void assertRejected(ThrowingCallable call, String field) {
        assertThatThrownBy(call).isInstanceOfSatisfying(ValidationException.class,
                e -> assertThat(e.field()).isEqualTo(field));
        assertThat(world.storage().customers().count("acme", CustomerCriterion.all())).isZero();
    }

    @Test
    void invalid_phone_names_its_contact_point() {
        assertRejected(() -> customers.register(RegisterPerson.named("Anna", "Müller").withPhone("12")
                .withCustomField("lifetime_value", number("1"))), "contactPoints[0].value");
    }

    @Test
    void malformed_email_names_its_contact_point_and_is_not_echoed() {
        assertThatThrownBy(() -> customers.register(valid().withEmail("anna(at)example.com")))
                .isInstanceOfSatisfying(ValidationException.class, e -> {
                    assertThat(e.field()).isEqualTo("contactPoints[3].value");
                    assertThat(e.getMessage()).doesNotContain("anna");
                });
    }

    @Test
    void unknown_country_code_is_rejected() {
        assertRejected(() -> customers.register(RegisterPerson.named("Anna", "Müller")
                .withContactPoint(NewContactPoint.postal(new PostalAddress("Main St 1", null, null, null, "XX")))
                .withCustomField("lifetime_value", number("1"))), "contactPoints[0].address.countryCode");
    }

    @Test
    void unknown_custom_field_is_rejected() {
        assertRejected(() -> customers.register(valid().withCustomField("shoe_size", number("42"))),
                "customFields.shoe_size");
    }

    @Test
    void custom_field_of_wrong_type_is_rejected() {
        assertRejected(() -> customers.register(valid().withCustomField("loyalty_number", number("42"))),
                "customFields.loyalty_number");
    }

    @Test
    void missing_required_custom_field_is_rejected() {
        assertRejected(() -> customers.register(webShopPerson()), "customFields.lifetime_value");
    }

    @Test
    void required_custom_field_cannot_be_cleared_but_optional_one_can() {
        Customer anna = customers.register(valid().withCustomField("loyalty_number",
                new CustomFieldValue.Text("L-77"))).customer();

        assertThatThrownBy(() -> customers.clearCustomField(anna.id(), "lifetime_value"))
                .isInstanceOfSatisfying(ValidationException.class,
                        e -> assertThat(e.field()).isEqualTo("customFields.lifetime_value"));
        assertThat(customers.clearCustomField(anna.id(), "loyalty_number").customFields())
                .containsOnlyKeys("lifetime_value");
        assertThat(customers.setCustomField(anna.id(), "lifetime_value", number("99")).customFields())
                .containsEntry("lifetime_value", number("99"));
    }

    @Test
    void person_without_any_name_is_rejected() {
        assertThatThrownBy(() -> RegisterPerson.named(" ", null))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("displayName"));
    }

    @Test
    void same_value_twice_in_one_registration_is_rejected() {
        assertRejected(() -> customers.register(valid().withEmail("ANNA.MUELLER@example.com")), "contactPoints[3].value");
    }
}
