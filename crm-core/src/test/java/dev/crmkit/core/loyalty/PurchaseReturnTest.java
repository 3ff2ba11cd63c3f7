package dev.crmkit.core.loyalty;

import static dev.crmkit.core.loyalty.LoyaltyFixtures.START;
import static dev.crmkit.core.loyalty.LoyaltyFixtures.webOrder;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.crmkit.core.common.Money;
import dev.crmkit.core.port.PublishedEvent;
import dev.crmkit.model.ConflictException;
import dev.crmkit.model.IllegalTransitionException;
import dev.crmkit.model.NotFoundException;
import dev.crmkit.model.ValidationException;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class PurchaseReturnTest {
    private static final Instant LATER = START.plusSeconds(86_400);

    private final LoyaltyFixtures fixtures = new LoyaltyFixtures();
    private final PurchaseService purchases = fixtures.purchases();
    private final UUID anna = fixtures.customer();
    private final Purchase order = purchases.record(webOrder(anna, "ORD-1"));

    @Test
    void one_of_two_shirts_back_refunds_its_share_and_leaves_the_order_partly_returned() {
        // when
        Purchase after = purchases.recordReturn(RecordReturn.of("ORD-1", "RET-1", LATER, ReturnedLine.of(1, 1)));

        // then
        assertThat(after.status()).isEqualTo(PurchaseStatus.PARTLY_RETURNED);
        assertThat(after.refunded()).isEqualTo(Money.of("29.95", "EUR"));
        assertThat(after.returns()).singleElement().satisfies(r -> {
            assertThat(r.returnReference()).isEqualTo("RET-1");
            assertThat(r.returnedAt()).isEqualTo(LATER);
            assertThat(r.lines()).containsExactly(new ReturnedLine(1, 1, Money.of("29.95", "EUR")));
        });
        PublishedEvent returned = fixtures.publishAll().get(1);
        assertThat(returned.type()).isEqualTo("loyalty.purchase.returned");
        assertThat(returned.aggregateId()).isEqualTo(order.id().toString());
        assertThat(returned.payload()).contains("\"refunded\":29.95").contains("\"status\":\"PARTLY_RETURNED\"");
    }

    @Test
    void a_line_returned_unit_by_unit_refunds_exactly_what_it_cost() {
        // given three pairs of socks for 10.00: a third is 3.33, so the last pair refunds 3.34
        purchases.record(RecordPurchase.of(anna, "ORD-2", "web", START,
                PurchaseLine.of("sku-socks", 3, Money.of("10.00", "EUR"))));

        // when
        purchases.recordReturn(RecordReturn.of("ORD-2", "RET-1", LATER, ReturnedLine.of(1, 1)));
        purchases.recordReturn(RecordReturn.of("ORD-2", "RET-2", LATER, ReturnedLine.of(1, 1)));
        Purchase after = purchases.recordReturn(RecordReturn.of("ORD-2", "RET-3", LATER, ReturnedLine.of(1, 1)));

        // then
        assertThat(after.returns()).extracting(PurchaseReturn::refunded)
                .containsExactly(Money.of("3.33", "EUR"), Money.of("3.33", "EUR"), Money.of("3.34", "EUR"));
        assertThat(after.refunded()).isEqualTo(after.amount());
        assertThat(after.status()).isEqualTo(PurchaseStatus.RETURNED);
    }

    @Test
    void everything_back_at_once_returns_the_order_and_nothing_more_can_come_back() {
        // given
        Purchase after = purchases.recordReturn(RecordReturn.of("ORD-1", "RET-1", LATER, ReturnedLine.of(1, 2),
                ReturnedLine.of(2, 1).refunding(Money.of("10.00", "EUR"))));

        // when / then
        assertThat(after.status()).isEqualTo(PurchaseStatus.RETURNED);
        assertThat(after.refunded()).isEqualTo(Money.of("69.90", "EUR"));
        assertThatThrownBy(() -> purchases.recordReturn(RecordReturn.of("ORD-1", "RET-2", LATER,
                ReturnedLine.of(1, 1))))
                .isInstanceOf(IllegalTransitionException.class)
                .hasMessageContaining("RETURNED");
    }

    @Test
    void the_same_return_reported_again_returns_the_order_and_records_nothing_more() {
        Purchase first = purchases.recordReturn(RecordReturn.of("ORD-1", "RET-1", LATER, ReturnedLine.of(1, 1)));

        Purchase again = purchases.recordReturn(RecordReturn.of("ORD-1", "RET-1", LATER, ReturnedLine.of(1, 1)));
        Purchase withTheAmount = purchases.recordReturn(RecordReturn.of("ORD-1", "RET-1", LATER,
                ReturnedLine.of(1, 1).refunding(Money.of("29.95", "EUR"))));

        assertThat(again).isEqualTo(first);
        assertThat(withTheAmount).isEqualTo(first);
        assertThat(fixtures.outboxTypes()).containsExactly("loyalty.purchase.recorded", "loyalty.purchase.returned");
    }

    @Test
    void another_return_under_a_reference_used_before_is_a_conflict_and_changes_nothing() {
        Purchase first = purchases.recordReturn(RecordReturn.of("ORD-1", "RET-1", LATER, ReturnedLine.of(1, 1)));
        purchases.record(webOrder(anna, "ORD-2"));

        assertThatThrownBy(() -> purchases.recordReturn(RecordReturn.of("ORD-1", "RET-1", LATER,
                ReturnedLine.of(2, 1)))).isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> purchases.recordReturn(RecordReturn.of("ORD-2", "RET-1", LATER,
                ReturnedLine.of(1, 1)))).isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> purchases.recordReturn(RecordReturn.of("ORD-1", "RET-1", LATER.plusSeconds(1),
                ReturnedLine.of(1, 1)))).isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> purchases.recordReturn(RecordReturn.of("ORD-1", "RET-1", LATER,
                ReturnedLine.of(1, 1).refunding(Money.of("1.00", "EUR"))))).isInstanceOf(ConflictException.class);
        assertThat(purchases.purchase(order.id())).isEqualTo(first);
    }

    @Test
    void a_return_that_does_not_fit_the_order_names_the_field_and_changes_nothing() {
        assertThatThrownBy(() -> purchases.recordReturn(RecordReturn.of("ORD-1", "RET-1", LATER,
                ReturnedLine.of(1, 1), ReturnedLine.of(3, 1))))
                .isInstanceOfSatisfying(ValidationException.class,
                        e -> assertThat(e.field()).isEqualTo("lines[1].lineNumber"));
        assertThatThrownBy(() -> purchases.recordReturn(RecordReturn.of("ORD-1", "RET-1", LATER,
                ReturnedLine.of(1, 3))))
                .isInstanceOfSatisfying(ValidationException.class,
                        e -> assertThat(e.field()).isEqualTo("lines[0].quantity"));
        assertThatThrownBy(() -> purchases.recordReturn(RecordReturn.of("ORD-1", "RET-1", LATER,
                ReturnedLine.of(2, 1).refunding(Money.of("12.51", "EUR")))))
                .isInstanceOfSatisfying(ValidationException.class,
                        e -> assertThat(e.field()).isEqualTo("lines[0].amount"));
        assertThatThrownBy(() -> purchases.recordReturn(RecordReturn.of("ORD-1", "RET-1", LATER,
                ReturnedLine.of(2, 1).refunding(Money.of("12.50", "CHF")))))
                .isInstanceOfSatisfying(ValidationException.class,
                        e -> assertThat(e.field()).isEqualTo("lines[0].amount"));
        assertThatThrownBy(() -> RecordReturn.of("ORD-1", "RET-1", LATER, ReturnedLine.of(1, 1),
                ReturnedLine.of(1, 1)))
                .isInstanceOfSatisfying(ValidationException.class,
                        e -> assertThat(e.field()).isEqualTo("lines[1].lineNumber"));
        assertThatThrownBy(() -> ReturnedLine.of(0, 1))
                .isInstanceOfSatisfying(ValidationException.class,
                        e -> assertThat(e.field()).isEqualTo("lineNumber"));
        assertThatThrownBy(() -> ReturnedLine.of(1, 0))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("quantity"));
        assertThat(purchases.purchase(order.id())).isEqualTo(order);
        assertThat(fixtures.outboxTypes()).containsExactly("loyalty.purchase.recorded");
    }

    @Test
    void units_already_returned_cannot_come_back_twice() {
        purchases.recordReturn(RecordReturn.of("ORD-1", "RET-1", LATER, ReturnedLine.of(1, 1)));

        assertThatThrownBy(() -> purchases.recordReturn(RecordReturn.of("ORD-1", "RET-2", LATER,
                ReturnedLine.of(1, 2))))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.getMessage()).contains("1 units"));
        assertThat(purchases.recordReturn(RecordReturn.of("ORD-1", "RET-2", LATER, ReturnedLine.of(1, 1))).refunded())
                .isEqualTo(Money.of("59.90", "EUR"));
    }

    @Test
    void a_return_against_an_unknown_order_is_not_found() {
        assertThatThrownBy(() -> purchases.recordReturn(RecordReturn.of("ORD-404", "RET-1", LATER,
                ReturnedLine.of(1, 1)))).isInstanceOf(NotFoundException.class);
    }
}
