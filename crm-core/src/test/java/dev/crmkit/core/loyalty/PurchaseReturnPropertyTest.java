package dev.crmkit.core.loyalty;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import dev.crmkit.core.common.Money;
import dev.crmkit.model.IllegalTransitionException;
import dev.crmkit.model.ValidationException;
import dev.crmkit.spi.loyalty.PurchaseRecord;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Generated sequences of returns against an order of three lines, valid and invalid ones mixed, checked against a
 * model that counts the units left per line: an accepted return leaves each line's units where the model says, a
 * refused one changes nothing, no line ever refunds more than it cost, a line whose every unit is back refunded
 * exactly its amount, and the status is RETURNED exactly when no unit is left.
 */
class PurchaseReturnPropertyTest {
    private static final Instant AT = Instant.parse("2026-03-02T09:00:00Z");
    private static final int[] QUANTITIES = {3, 1, 7};
    private static final String[] AMOUNTS = {"10.00", "0.01", "99.99"};

    private static PurchaseRecord order() {
        RecordPurchase command = RecordPurchase.of(UUID.randomUUID(), "ORD-1", "web", AT,
                PurchaseLine.of("sku-a", QUANTITIES[0], Money.of(AMOUNTS[0], "EUR")).inCategory("a"),
                PurchaseLine.of("sku-b", QUANTITIES[1], Money.of(AMOUNTS[1], "EUR")).inCategory("b"),
                PurchaseLine.of("sku-c", QUANTITIES[2], Money.of(AMOUNTS[2], "EUR")).inCategory("c"));
        return PurchaseAggregate.record("acme", UUID.randomUUID(), command.customerId(), command, AT).after();
    }

    @Test
    void returns_never_bring_back_more_than_was_bought_and_a_fully_returned_line_refunds_exactly_its_amount() {
        // each step: line 1 to 4 (4 names no line), and 1 to 8 units
        qt().withExamples(300).withShrinkCycles(100)
                .forAll(lists().of(integers().between(0, 31)).ofSizeBetween(1, 20))
                .checkAssert(steps -> {
                    PurchaseRecord current = order();
                    int[] left = QUANTITIES.clone();
                    for (int i = 0; i < steps.size(); i++) {
                        int line = steps.get(i) % 4 + 1;
                        int units = steps.get(i) / 4 + 1;
                        RecordReturn command = RecordReturn.of("ORD-1", "RET-" + i, AT, ReturnedLine.of(line, units));
                        boolean allBack = left[0] + left[1] + left[2] == 0;
                        boolean fits = line <= 3 && units <= left[line - 1];
                        PurchaseAggregate aggregate = new PurchaseAggregate(current);
                        if (allBack) {
                            assertThatThrownBy(() -> aggregate.returnGoods(UUID.randomUUID(), command, AT))
                                    .isInstanceOf(IllegalTransitionException.class);
                        } else if (!fits) {
                            assertThatThrownBy(() -> aggregate.returnGoods(UUID.randomUUID(), command, AT))
                                    .isInstanceOf(ValidationException.class);
                        } else {
                            PurchaseChange change = aggregate.returnGoods(UUID.randomUUID(), command, AT);
                            assertThat(change.before()).isSameAs(current);
                            assertThat(change.after().version()).isEqualTo(current.version() + 1);
                            assertThat(change.events()).singleElement().isInstanceOf(PurchaseReturned.class);
                            current = change.after();
                            left[line - 1] -= units;
                        }
                        check(current, left);
                    }
                });
    }

    private static void check(PurchaseRecord order, int[] left) {
        Purchase purchase = Purchase.of(order);
        for (int line = 1; line <= 3; line++) {
            int number = line;
            int back = purchase.returns().stream().flatMap(r -> r.lines().stream())
                    .filter(l -> l.lineNumber() == number).mapToInt(ReturnedLine::quantity).sum();
            BigDecimal refunded = purchase.returns().stream().flatMap(r -> r.lines().stream())
                    .filter(l -> l.lineNumber() == number).map(l -> l.amount().amount())
                    .reduce(BigDecimal.ZERO, BigDecimal::add);
            BigDecimal cost = new BigDecimal(AMOUNTS[line - 1]);
            assertThat(back).isEqualTo(QUANTITIES[line - 1] - left[line - 1]);
            assertThat(refunded).isLessThanOrEqualTo(cost);
            if (left[line - 1] == 0) {
                assertThat(refunded).isEqualByComparingTo(cost);
            }
        }
        boolean allBack = left[0] + left[1] + left[2] == 0;
        PurchaseStatus expected = allBack ? PurchaseStatus.RETURNED
                : order.returns().isEmpty() ? PurchaseStatus.COMPLETED : PurchaseStatus.PARTLY_RETURNED;
        assertThat(purchase.status()).isEqualTo(expected);
        assertThat(purchase.refunded().amount()).isEqualByComparingTo(order.returnedAmount());
    }
}
