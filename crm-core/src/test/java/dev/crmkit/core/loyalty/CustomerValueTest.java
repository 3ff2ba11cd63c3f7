package dev.crmkit.core.loyalty;

import static dev.crmkit.core.loyalty.LoyaltyFixtures.START;
import static dev.crmkit.core.loyalty.LoyaltyFixtures.TENANT;
import static org.assertj.core.api.Assertions.assertThat;

import dev.crmkit.core.common.Actor;
import dev.crmkit.core.common.Money;
import dev.crmkit.core.customer.CustomerService;
import dev.crmkit.core.port.PublishedEvent;
import dev.crmkit.model.PageRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class CustomerValueTest {
    private static final Instant MARCH = Instant.parse("2026-03-01T10:00:00Z");
    private static final Instant MAY = Instant.parse("2026-05-01T10:00:00Z");

    private final LoyaltyFixtures fixtures = new LoyaltyFixtures();
    private final PurchaseService purchases = fixtures.purchases();
    private final UUID anna = fixtures.customer();

    private RecordPurchase order(UUID customerId, String reference, Instant at, String amount, String currency) {
        return RecordPurchase.of(customerId, reference, "web", at,
                PurchaseLine.of("sku-shirt", 1, Money.of(amount, currency)));
    }

    @Test
    void recency_frequency_and_monetary_value_follow_every_order_and_return_per_currency() {
        // given
        purchases.record(order(anna, "ORD-1", MARCH, "100.00", "EUR"));
        purchases.record(order(anna, "ORD-2", MAY, "40.00", "EUR"));
        purchases.record(order(anna, "ORD-3", MARCH, "80", "CHF"));
        purchases.recordReturn(RecordReturn.of("ORD-1", "RET-1", MAY, ReturnedLine.of(1, 1)
                .refunding(Money.of("25.00", "EUR"))));

        // when
        var values = purchases.valueOf(anna);

        // then
        assertThat(values).extracting(v -> v.currency().getCurrencyCode()).containsExactly("CHF", "EUR");
        CustomerValue eur = values.get(1);
        assertThat(eur.lastPurchaseAt()).isEqualTo(MAY);
        assertThat(eur.firstPurchaseAt()).isEqualTo(MARCH);
        assertThat(eur.orders()).isEqualTo(2);
        assertThat(eur.spent()).isEqualTo(Money.of("140.00", "EUR"));
        assertThat(eur.refunded()).isEqualTo(Money.of("25.00", "EUR"));
        assertThat(eur.net()).isEqualTo(Money.of("115.00", "EUR"));
        assertThat(eur.sinceLastPurchase(MAY.plus(Duration.ofDays(3)))).isEqualTo(Duration.ofDays(3));
        assertThat(eur.sinceLastPurchase(MARCH)).isEqualTo(Duration.ZERO);
        assertThat(values.get(0).net()).isEqualTo(Money.of("80", "CHF"));
    }

    @Test
    void a_customer_without_orders_has_no_value_yet() {
        assertThat(purchases.valueOf(anna)).isEmpty();
    }

    @Test
    void merging_customers_moves_the_orders_so_the_survivor_is_worth_both() {
        // given
        UUID duplicate = fixtures.customer();
        purchases.record(order(anna, "ORD-1", MARCH, "100.00", "EUR"));
        purchases.record(order(duplicate, "ORD-2", MAY, "40.00", "EUR"));
        purchases.record(order(duplicate, "ORD-3", START, "1.00", "EUR"));

        // when
        fixtures.crm.tenant(TENANT).service(CustomerService.class).merge(anna, duplicate, Actor.user("clerk-1"));

        // then
        assertThat(purchases.valueOf(anna)).singleElement().satisfies(v -> {
            assertThat(v.orders()).isEqualTo(3);
            assertThat(v.net()).isEqualTo(Money.of("141.00", "EUR"));
        });
        assertThat(purchases.valueOf(duplicate)).isEqualTo(purchases.valueOf(anna));
        assertThat(purchases.purchasesOf(anna, PageRequest.first(10)).items()).hasSize(3);
        PublishedEvent merged = fixtures.publishAll().stream().filter(e -> e.type().equals("customer.merged"))
                .findFirst().orElseThrow();
        assertThat(merged.payload()).contains("\"purchases\":2");
    }
}
