package dev.crmkit.core.loyalty;

import static dev.crmkit.core.loyalty.LoyaltyFixtures.START;
import static dev.crmkit.core.loyalty.LoyaltyFixtures.TENANT;
import static dev.crmkit.core.loyalty.LoyaltyFixtures.webOrder;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.crmkit.core.common.Money;
import dev.crmkit.core.port.PublishedEvent;
import dev.crmkit.model.ConflictException;
import dev.crmkit.model.NotFoundException;
import dev.crmkit.model.PageRequest;
import dev.crmkit.model.ValidationException;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class PurchaseRecordingTest {
    private final LoyaltyFixtures fixtures = new LoyaltyFixtures();
    private final PurchaseService purchases = fixtures.purchases();
    private final UUID anna = fixtures.customer();

    @Test
    void a_reported_order_is_recorded_with_the_catalogues_categories_and_one_event() {
        // when
        Purchase order = purchases.record(webOrder(anna, "ORD-1"));

        // then
        assertThat(order.customerId()).isEqualTo(anna);
        assertThat(order.status()).isEqualTo(PurchaseStatus.COMPLETED);
        assertThat(order.amount()).isEqualTo(Money.of("72.40", "EUR"));
        assertThat(order.refunded()).isEqualTo(Money.of("0.00", "EUR"));
        assertThat(order.lines()).extracting(PurchaseLine::category).containsExactly("apparel", "accessories");
        assertThat(order.line(2).productReference()).isEqualTo("sku-cap");
        assertThat(purchases.purchase(order.id())).isEqualTo(order);
        assertThat(purchases.purchaseByOrderReference("ORD-1")).isEqualTo(order);
        PublishedEvent recorded = fixtures.publishAll().get(0);
        assertThat(recorded.type()).isEqualTo("loyalty.purchase.recorded");
        assertThat(recorded.aggregateId()).isEqualTo(order.id().toString());
        assertThat(recorded.payload()).contains("\"amount\":72.40").contains("\"lines\":2")
                .doesNotContain("sku-shirt").doesNotContain("apparel");
    }

    @Test
    void a_line_that_names_its_category_keeps_it_whatever_the_catalogue_says() {
        Purchase order = purchases.record(RecordPurchase.of(anna, "ORD-1", "store-berlin", START,
                PurchaseLine.of("sku-shirt", 1, Money.of("29.95", "EUR")).inCategory("sale")));

        assertThat(order.line(1).category()).isEqualTo("sale");
        assertThat(order.channel()).isEqualTo("store-berlin");
    }

    @Test
    void the_same_order_reported_again_returns_the_first_and_records_nothing_more() {
        // given
        Purchase first = purchases.record(webOrder(anna, "ORD-1"));

        // when
        Purchase again = purchases.record(webOrder(anna, "ORD-1"));

        // then
        assertThat(again).isEqualTo(first);
        assertThat(fixtures.outboxTypes()).containsExactly("loyalty.purchase.recorded");
        assertThat(purchases.purchasesOf(anna, PageRequest.first(10)).items()).hasSize(1);
    }

    @Test
    void another_order_under_a_reference_used_before_is_a_conflict_and_changes_nothing() {
        // given
        Purchase first = purchases.record(webOrder(anna, "ORD-1"));
        UUID piotr = fixtures.customer();
        RecordPurchase otherLines = RecordPurchase.of(anna, "ORD-1", "web", START.minusSeconds(3600),
                PurchaseLine.of("sku-shirt", 3, Money.of("89.85", "EUR")));

        // when / then
        assertThatThrownBy(() -> purchases.record(webOrder(piotr, "ORD-1"))).isInstanceOf(ConflictException.class)
                .hasMessageNotContaining("ORD-1");
        assertThatThrownBy(() -> purchases.record(otherLines)).isInstanceOf(ConflictException.class);
        assertThat(purchases.purchaseByOrderReference("ORD-1")).isEqualTo(first);
        assertThat(fixtures.outboxTypes()).containsExactly("loyalty.purchase.recorded");
    }

    @Test
    void an_order_of_a_merged_customer_is_recorded_on_the_survivor_and_a_retry_under_either_id_finds_it() {
        UUID duplicate = fixtures.customerOf(TENANT, anna);

        Purchase order = purchases.record(webOrder(duplicate, "ORD-1"));

        assertThat(order.customerId()).isEqualTo(anna);
        assertThat(purchases.record(webOrder(anna, "ORD-1"))).isEqualTo(order);
        assertThat(purchases.purchasesOf(duplicate, PageRequest.first(10)).items()).containsExactly(order);
    }

    @Test
    void bad_input_names_the_field_and_stores_nothing() {
        UUID stranger = UUID.randomUUID();
        UUID elsewhere = fixtures.customerOf(LoyaltyFixtures.OTHER_TENANT, null);
        RecordPurchase unknownProduct = RecordPurchase.of(anna, "ORD-2", "web", START,
                PurchaseLine.of("sku-shirt", 1, Money.of("29.95", "EUR")),
                PurchaseLine.of("sku-unknown", 1, Money.of("5.00", "EUR")));

        assertThatThrownBy(() -> purchases.record(webOrder(stranger, "ORD-1")))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("customerId"));
        assertThatThrownBy(() -> purchases.record(webOrder(elsewhere, "ORD-1")))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("customerId"));
        assertThatThrownBy(() -> purchases.record(unknownProduct))
                .isInstanceOfSatisfying(ValidationException.class,
                        e -> assertThat(e.field()).isEqualTo("lines[1].category"));
        assertThatThrownBy(() -> RecordPurchase.of(anna, "ORD-3", "web", START,
                PurchaseLine.of("sku-shirt", 1, Money.of("29.95", "EUR")),
                PurchaseLine.of("sku-cap", 1, Money.of("12.50", "CHF"))))
                .isInstanceOfSatisfying(ValidationException.class,
                        e -> assertThat(e.field()).isEqualTo("lines[1].amount"));
        assertThatThrownBy(() -> PurchaseLine.of("sku-shirt", 0, Money.of("1", "EUR")))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("quantity"));
        assertThatThrownBy(() -> PurchaseLine.of("sku-shirt", 1, Money.of("-1", "EUR")))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("amount"));
        assertThatThrownBy(() -> new RecordPurchase(anna, "ORD-4", "web", START, List.of()))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("lines"));
        assertThatThrownBy(() -> RecordPurchase.of(anna, " ", "web", START,
                PurchaseLine.of("sku-shirt", 1, Money.of("1", "EUR"))))
                .isInstanceOfSatisfying(ValidationException.class,
                        e -> assertThat(e.field()).isEqualTo("orderReference"));
        assertThat(fixtures.outboxTypes()).isEmpty();
        assertThat(purchases.purchasesOf(anna, PageRequest.first(10)).items()).isEmpty();
    }

    @Test
    void an_unknown_order_or_customer_is_not_found() {
        assertThatThrownBy(() -> purchases.purchase(UUID.randomUUID())).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> purchases.purchaseByOrderReference("ORD-404")).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> purchases.purchasesOf(UUID.randomUUID(), PageRequest.first(10)))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> purchases.valueOf(UUID.randomUUID())).isInstanceOf(NotFoundException.class);
    }

    @Test
    void a_tenant_sees_only_its_own_orders() {
        purchases.record(webOrder(anna, "ORD-1"));
        PurchaseService globex = fixtures.crm.tenant(LoyaltyFixtures.OTHER_TENANT).service(PurchaseService.class);

        assertThatThrownBy(() -> globex.purchaseByOrderReference("ORD-1")).isInstanceOf(NotFoundException.class);
    }
}
