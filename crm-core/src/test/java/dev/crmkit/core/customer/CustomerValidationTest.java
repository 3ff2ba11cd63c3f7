package dev.crmkit.core.customer;

import static dev.crmkit.core.customer.CustomerFixtures.number;
import static dev.crmkit.core.customer.CustomerFixtures.webShopPerson;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.crmkit.model.ValidationException;
import dev.crmkit.model.customer.CustomerCriterion;
import dev.crmkit.model.customer.PostalAddress;
import dev.crmkit.model.customfield.CustomFieldValue;
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
    void phone_with_anything_after_the_number_is_rejected_not_cut_off() {
        for (String phone : new String[] {"+49 30 1234567'; --", "+49 30 1234567 or call me", "030 1234567;",
                "030 1234567 ext. 12", "030 1234567 x12", "030 1234567#", "tel: 030 1234567", "0800 FLOWERS",
                "030\n1234567", "030 1234567 --", "+49 30 +1234567"}) {
            assertThatThrownBy(() -> customers.register(RegisterPerson.named("Anna", "Müller").withPhone(phone)
                    .withCustomField("lifetime_value", number("1"))))
                    .as(phone)
                    .isInstanceOfSatisfying(ValidationException.class, e -> {
                        assertThat(e.field()).isEqualTo("contactPoints[0].value");
                        assertThat(e.getMessage()).doesNotContain("1234567");
                    });
        }
        assertThat(world.storage().customers().count("acme", CustomerCriterion.all())).isZero();
    }

    @Test
    void phone_written_with_the_usual_separators_is_accepted() {
        for (String phone : new String[] {"+49 (30) 123-4567", "(030) 123 45 67", "030/1234567", "030.123.4567",
                "+49\u00a030\u00a01234567", "(+49) 30 1234567", "030 \u2013 1234567", " 030 1234567 "}) {
            assertThat(ContactValues.forRegion("DE").phone("phone", phone)).as(phone).isEqualTo("+49301234567");
        }
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
