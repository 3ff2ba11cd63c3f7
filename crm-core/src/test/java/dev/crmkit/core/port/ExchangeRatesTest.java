package dev.crmkit.core.port;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import dev.crmkit.core.common.Money;
import dev.crmkit.model.NotFoundException;
import dev.crmkit.model.ValidationException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class ExchangeRatesTest {
    private static final Currency EUR = Currency.getInstance("EUR");
    private static final Currency USD = Currency.getInstance("USD");
    private static final Currency JPY = Currency.getInstance("JPY");
    private static final LocalDate NEW_YEAR = LocalDate.of(2026, 1, 1);
    private static final LocalDate APRIL = LocalDate.of(2026, 4, 1);

    private final FixedExchangeRates table = FixedExchangeRates.of(List.of(
            ExchangeRate.of("EUR", "USD", NEW_YEAR, "1.10"),
            ExchangeRate.of("EUR", "USD", APRIL, "1.20"),
            ExchangeRate.of("USD", "JPY", NEW_YEAR, "150")));

    @Test
    void a_conversion_uses_the_latest_rate_on_or_before_the_day_and_records_it() {
        // when
        Conversion march = table.convert(euros("100.00"), USD, LocalDate.of(2026, 3, 31));
        Conversion april = table.convert(euros("100.00"), USD, APRIL);

        // then
        assertThat(march.converted()).isEqualTo(new Money(new BigDecimal("110.00"), USD));
        assertThat(march.rateUsed()).contains(ExchangeRate.of("EUR", "USD", NEW_YEAR, "1.10"));
        assertThat(april.converted()).isEqualTo(new Money(new BigDecimal("120.00"), USD));
        assertThat(april.rate().date()).isEqualTo(APRIL);
        assertThat(april.original()).isEqualTo(euros("100.00"));
    }

    @Test
    void the_converted_amount_is_rounded_half_even_to_the_target_currency_s_scale() {
        // 0.05 USD at 150 is 7.5 yen, 0.15 USD 22.5 yen: half-even gives 8 and 22
        assertThat(table.convert(new Money(new BigDecimal("0.05"), USD), JPY, APRIL).converted().amount())
                .isEqualByComparingTo("8");
        assertThat(table.convert(new Money(new BigDecimal("0.15"), USD), JPY, APRIL).converted().amount())
                .isEqualByComparingTo("22");
    }

    @Test
    void an_amount_in_the_target_currency_is_kept_without_a_rate() {
        Conversion same = table.convert(euros("12.34"), EUR, APRIL);

        assertThat(same.converted()).isEqualTo(euros("12.34"));
        assertThat(same.rateUsed()).isEmpty();
    }

    @Test
    void a_pair_given_the_other_way_round_is_answered_with_the_inverse_rate_of_that_direction() {
        ExchangeRate inverse = table.rate(USD, EUR, LocalDate.of(2026, 2, 1)).orElseThrow();

        assertThat(inverse.from()).isEqualTo(USD);
        assertThat(inverse.to()).isEqualTo(EUR);
        assertThat(inverse.date()).isEqualTo(NEW_YEAR);
        assertThat(inverse.rate()).isEqualByComparingTo("0.909090909091");
        assertThat(table.convert(new Money(new BigDecimal("110.00"), USD), EUR, NEW_YEAR).converted())
                .isEqualTo(euros("100.00"));
    }

    @Test
    void a_missing_rate_is_not_found_naming_the_pair_and_day() {
        assertThat(table.rate(EUR, USD, LocalDate.of(2025, 12, 31))).isEmpty();
        assertThat(table.rate(EUR, JPY, APRIL)).isEmpty();
        assertThatThrownBy(() -> table.convert(euros("1.00"), JPY, APRIL))
                .isInstanceOfSatisfying(NotFoundException.class,
                        e -> assertThat(e.getMessage()).contains("exchange rate").contains("EUR/JPY@2026-04-01"));
    }

    @Test
    void a_larger_table_keeps_the_smaller_one_unchanged() {
        FixedExchangeRates larger = table.with(ExchangeRate.of("EUR", "JPY", APRIL, "160"));

        assertThat(larger.rate(EUR, JPY, APRIL)).isPresent();
        assertThat(table.rate(EUR, JPY, APRIL)).isEmpty();
        assertThat(larger.rates()).hasSize(4);
        assertThat(table.rates()).hasSize(3);
    }

    @Test
    void converting_there_and_back_returns_the_amount_within_the_rounding_of_the_two_currencies() {
        qt().forAll(longs().between(0, 1_000_000_000L), integers().between(5_000, 20_000),
                integers().between(0, 365)).checkAssert((cents, basisPoints, day) -> {
                    FixedExchangeRates rates = FixedExchangeRates.of(List.of(new ExchangeRate(EUR, USD, NEW_YEAR,
                            BigDecimal.valueOf(basisPoints, 4))));
                    Money amount = new Money(BigDecimal.valueOf(cents, 2), EUR);
                    LocalDate date = NEW_YEAR.plusDays(day);

                    Money there = rates.convert(amount, USD, date).converted();
                    Money back = rates.convert(there, EUR, date).converted();

                    // each rounding loses at most half a cent, and the way back scales the first by 1/rate <= 2
                    assertThat(back.amount().subtract(amount.amount()).abs())
                            .isLessThanOrEqualTo(new BigDecimal("0.02"));
                });
    }

    @Test
    void bad_input_is_refused_naming_the_field() {
        LocalDate day = NEW_YEAR;
        assertField(() -> new ExchangeRate(null, USD, day, BigDecimal.ONE), "from");
        assertField(() -> new ExchangeRate(EUR, null, day, BigDecimal.ONE), "to");
        assertField(() -> new ExchangeRate(EUR, EUR, day, BigDecimal.ONE), "to");
        assertField(() -> new ExchangeRate(EUR, USD, null, BigDecimal.ONE), "date");
        assertField(() -> new ExchangeRate(EUR, USD, day, null), "rate");
        assertField(() -> new ExchangeRate(EUR, USD, day, BigDecimal.ZERO), "rate");
        assertField(() -> new ExchangeRate(EUR, USD, day, new BigDecimal("-1")), "rate");
        assertField(() -> ExchangeRate.of("EURO", "USD", day, "1"), "from");
        assertField(() -> ExchangeRate.of("EUR", null, day, "1"), "to");
        assertField(() -> ExchangeRate.of("EUR", "USD", day, "one"), "rate");
        assertField(() -> ExchangeRate.of("EUR", "USD", day, null), "rate");
        assertField(() -> FixedExchangeRates.of(null), "rates");
        List<ExchangeRate> withNull = new ArrayList<>();
        withNull.add(null);
        assertField(() -> FixedExchangeRates.of(withNull), "rates");
        assertField(() -> table.with(ExchangeRate.of("EUR", "USD", APRIL, "1.3")), "rates");
        assertField(() -> table.with(null), "rate");
        assertField(() -> table.rate(null, USD, day), "from");
        assertField(() -> table.rate(EUR, null, day), "to");
        assertField(() -> table.rate(EUR, USD, null), "date");
        assertField(() -> table.convert(null, USD, day), "amount");
        assertField(() -> table.convert(euros("1.00"), null, day), "to");
        assertField(() -> table.convert(euros("1.00"), USD, null), "date");
        Money dollars = new Money(BigDecimal.ONE, USD);
        ExchangeRate eurUsd = ExchangeRate.of("EUR", "USD", day, "1.1");
        assertField(() -> new Conversion(null, dollars, eurUsd), "original");
        assertField(() -> new Conversion(euros("1.00"), null, eurUsd), "converted");
        assertField(() -> new Conversion(euros("1.00"), euros("1.00"), eurUsd), "rate");
        assertField(() -> new Conversion(euros("1.00"), dollars, null), "rate");
        assertField(() -> new Conversion(dollars, euros("1.00"), eurUsd), "rate");
        assertField(() -> new Conversion(euros("1.00"), new Money(BigDecimal.ONE, JPY), eurUsd), "rate");
    }

    private static Money euros(String amount) {
        return new Money(new BigDecimal(amount), EUR);
    }

    private static void assertField(ThrowingCallable call, String field) {
        assertThatThrownBy(call).isInstanceOfSatisfying(ValidationException.class,
                e -> assertThat(e.field()).isEqualTo(field));
    }
}
