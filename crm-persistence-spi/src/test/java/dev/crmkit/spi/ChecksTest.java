package dev.crmkit.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.strings;

import dev.crmkit.model.Checks;
import dev.crmkit.model.ValidationException;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

class ChecksTest {
    @Test
    void tenant_ids_are_accepted_exactly_when_they_match_the_documented_pattern() {
        // mostly characters near the allowed ranges, so both valid and invalid ids come up often
        Gen<String> near = strings().betweenCodePoints(0x2c, 0x7b).ofLengthBetween(0, 70);
        Gen<String> anything = strings().allPossible().ofLengthBetween(0, 70);
        qt().withExamples(20_000).forAll(near.mix(anything, 30)).checkAssert(id -> {
            boolean expected = Checks.TENANT_ID.matcher(id).matches();
            if (expected) {
                assertThat(Checks.tenantId("tenantId", id)).isEqualTo(id);
            } else {
                assertThatThrownBy(() -> Checks.tenantId("tenantId", id))
                        .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("tenantId"));
            }
        });
    }

    @Test
    void tenant_id_edges() {
        assertThat(Checks.tenantId("t", "a".repeat(64))).hasSize(64);
        assertThatThrownBy(() -> Checks.tenantId("t", "a".repeat(65))).isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> Checks.tenantId("t", "")).isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> Checks.tenantId("t", null)).isInstanceOf(ValidationException.class);
        assertThat(Checks.tenantId("t", "Acme-EU_1.prod")).isEqualTo("Acme-EU_1.prod");
        assertThatThrownBy(() -> Checks.tenantId("t", "acme/eu")).isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> Checks.tenantId("t", "acmé")).isInstanceOf(ValidationException.class);
    }

    @Test
    void instants_are_truncated_to_microseconds_and_kept_as_they_are_when_they_are_already() {
        Instant micros = Instant.parse("2026-03-01T09:30:00.123456Z");

        assertThat(Checks.instant("at", Instant.parse("2026-03-01T09:30:00.123456789Z"))).isEqualTo(micros);
        assertThat(Checks.instant("at", Instant.parse("1969-12-31T23:59:59.999999999Z")))
                .isEqualTo(Instant.parse("1969-12-31T23:59:59.999999Z"));
        assertThat(Checks.instant("at", micros)).isSameAs(micros);
        assertThat(Checks.optionalInstant("at", null)).isNull();
    }
}
