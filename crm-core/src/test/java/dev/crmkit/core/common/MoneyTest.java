package dev.crmkit.core.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.crmkit.model.ValidationException;
import java.math.BigDecimal;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class MoneyTest {
    @Test
    void amounts_take_the_scale_of_their_currency() {
        assertThat(Money.of("12.5", "EUR").amount()).isEqualByComparingTo("12.50").hasToString("12.50");
        assertThat(Money.of("1200", "JPY").amount()).hasToString("1200");
        assertThat(Money.of("12.50", "EUR")).isEqualTo(Money.of("12.5", "EUR"));
    }

    @Test
    void more_places_than_the_currency_has_or_an_unknown_code_is_refused_with_the_field() {
        assertThatThrownBy(() -> Money.of("12.505", "EUR")).isInstanceOfSatisfying(ValidationException.class,
                e -> assertThat(e.field()).isEqualTo("amount"));
        assertThatThrownBy(() -> Money.of("12", "XYZ")).isInstanceOfSatisfying(ValidationException.class,
                e -> assertThat(e.field()).isEqualTo("currency"));
        assertThatThrownBy(() -> Money.of("twelve", "EUR")).isInstanceOfSatisfying(ValidationException.class,
                e -> assertThat(e.field()).isEqualTo("amount"));
        assertThatThrownBy(() -> Money.of("1000000000000000", "EUR")).isInstanceOf(ValidationException.class);
    }

    @Test
    void arithmetic_keeps_the_currency_and_refuses_to_mix_two() {
        Money price = Money.of("19.99", "EUR");

        assertThat(price.times(new BigDecimal("3"))).isEqualTo(Money.of("59.97", "EUR"));
        assertThat(price.plus(Money.of("0.01", "EUR"))).isEqualTo(Money.of("20.00", "EUR"));
        assertThat(Money.of("100", "EUR").lessPercent(new BigDecimal("12.5"))).isEqualTo(Money.of("87.50", "EUR"));
        assertThat(Money.of("0.05", "EUR").times(new BigDecimal("0.5"))).as("half-even").isEqualTo(Money.of("0.02", "EUR"));
        assertThatThrownBy(() -> price.plus(Money.of("1", "USD"))).isInstanceOfSatisfying(ValidationException.class,
                e -> assertThat(e.field()).isEqualTo("currency"));
    }
}
