package dev.crmkit.core.loyalty;

import dev.crmkit.core.common.Money;
import dev.crmkit.model.loyalty.PurchaseSummary;
import java.time.Duration;
import java.time.Instant;
import java.util.Currency;
import java.util.UUID;

/**
 * What a customer's orders in one currency are worth, as segments and priority rules read it: recency (the last
 * order's time), frequency (how many orders) and monetary value (what the customer kept: spent less refunded), with
 * the first order's time and the two amounts behind the net.
 *
 * @param customerId the customer
 * @param lastPurchaseAt recency: when the last order was placed
 * @param orders frequency: how many orders, returned ones included
 * @param net monetary value: spent less refunded
 * @param firstPurchaseAt when the first order was placed
 * @param spent what the orders cost
 * @param refunded what their returns refunded
 */
public record CustomerValue(UUID customerId, Instant lastPurchaseAt, long orders, Money net, Instant firstPurchaseAt,
        Money spent, Money refunded) {

    static CustomerValue of(PurchaseSummary summary) {
        Currency currency = Currency.getInstance(summary.currency());
        return new CustomerValue(summary.customerId(), summary.lastPurchaseAt(), summary.orders(),
                new Money(summary.net(), currency), summary.firstPurchaseAt(), new Money(summary.spent(), currency),
                new Money(summary.refunded(), currency));
    }

    /** The currency of the amounts. */
    public Currency currency() {
        return net.currency();
    }

    /** How long ago the last order was placed, seen at {@code now}; zero for an order placed after it. */
    public Duration sinceLastPurchase(Instant now) {
        Duration since = Duration.between(lastPurchaseAt, now);
        return since.isNegative() ? Duration.ZERO : since;
    }
}
