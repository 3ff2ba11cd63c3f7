package dev.crmkit.core.customer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.crmkit.model.ValidationException;
import dev.crmkit.model.customer.PostalAddress;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

/** The matching settings a host gives: checked when made, and each tenant's own applied to its registrations. */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class MatchSettingsTest {
    private static final PostalAddress HOME = new PostalAddress("Hauptstraße 5", "Berlin", null, "10115", "DE");

    private static void assertRejected(ThrowingCallable call, String field) {
        assertThatThrownBy(call).isInstanceOfSatisfying(ValidationException.class,
                e -> assertThat(e.field()).isEqualTo(field));
    }

    @Test
    void bad_settings_are_rejected_naming_the_setting() {
        assertRejected(() -> new MatchSettings(0, 0, null, Set.of()), "duplicateThreshold");
        assertRejected(() -> new MatchSettings(1.01, 0.5, null, Set.of()), "duplicateThreshold");
        assertRejected(() -> new MatchSettings(Double.NaN, 0.5, null, Set.of()), "duplicateThreshold");
        assertRejected(() -> new MatchSettings(0.8, 0.9, null, Set.of()), "possibleThreshold");
        assertRejected(() -> new MatchSettings(0.8, 0, null, Set.of()), "possibleThreshold");
        assertRejected(() -> MatchSettings.defaults().withDateOfBirthField("Date of birth"), "dateOfBirthField");
        assertRejected(() -> MatchSettings.defaults().withDateOfBirthField(null), "dateOfBirthField");
        assertRejected(() -> MatchSettings.defaults().withIdentifierFields(Set.of("tax-id")), "identifierFields");
        assertRejected(() -> MatchSettings.defaults().withIdentifierFields(null), "identifierFields");
        assertRejected(() -> MatchSettings.defaults().withIdentifierFields(new HashSet<>(Arrays.asList((String) null))),
                "identifierFields[0]");
        Set<String> eleven = new HashSet<>();
        for (int i = 0; i < 11; i++) {
            eleven.add("id_" + i);
        }
        assertRejected(() -> MatchSettings.defaults().withIdentifierFields(eleven), "identifierFields");
        assertRejected(() -> CustomerModule.builder().matching(null), "matching");
        assertRejected(() -> CustomerModule.builder().matching("bad tenant", MatchSettings.defaults()), "tenantId");
    }

    @Test
    void the_defaults_and_the_withers_say_what_they_set() {
        MatchSettings settings = MatchSettings.defaults().withThresholds(1.0, 1.0).withDateOfBirthField("born")
                .withIdentifierFields(Set.of("tax_id"));

        assertThat(MatchSettings.defaults()).isEqualTo(new MatchSettings(0.9, 0.7, null, Set.of()));
        assertThat(settings).isEqualTo(new MatchSettings(1.0, 1.0, "born", Set.of("tax_id")));
    }

    @Test
    void a_tenant_with_stricter_thresholds_stores_what_the_default_would_block() {
        CustomerService strict = CustomerFixtures.world(CustomerModule.builder().duplicatePolicy(DuplicatePolicy.BLOCK)
                .matching("acme", MatchSettings.defaults().withThresholds(0.999, 0.99))).customers();
        CustomerService usual = CustomerFixtures.world(CustomerModule.builder().duplicatePolicy(DuplicatePolicy.BLOCK)
                .matching("other", MatchSettings.defaults().withThresholds(0.999, 0.99))).customers();
        RegisterPerson anna = RegisterPerson.named("Anna", "Schubert").withContactPoint(NewContactPoint.postal(HOME));
        strict.register(anna);
        usual.register(anna);

        assertThat(strict.register(anna).duplicates()).as("0.97 is below this tenant's possible threshold").isEmpty();
        assertThatThrownBy(() -> usual.register(anna)).isInstanceOf(dev.crmkit.model.NotPermittedException.class);
    }
}
