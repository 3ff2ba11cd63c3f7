package dev.crmkit.model.loyalty;

import dev.crmkit.model.Checks;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/**
 * What a customer's orders in one currency add up to, for recency, frequency and monetary value: how many orders,
 * the first and the last one's time, what they cost and what their returns refunded (both at scale 4).
 *
 * @param customerId the customer
 * @param currency the ISO 4217 code the amounts are in
 * @param orders how many orders, returned ones included
 * @param firstPurchaseAt when the first was placed
 * @param lastPurchaseAt when the last was placed
 * @param spent the sum of the orders' lines
 * @param refunded the sum of their returns
 */
public record PurchaseSummary(UUID customerId, String currency, long orders, Instant firstPurchaseAt,
        Instant lastPurchaseAt, BigDecimal spent, BigDecimal refunded) {
    /** Checks that every component is present. */
    public PurchaseSummary {
        Checks.id("customerId", customerId);
        Checks.currency("currency", currency);
        firstPurchaseAt = Checks.instant("firstPurchaseAt", firstPurchaseAt);
        lastPurchaseAt = Checks.instant("lastPurchaseAt", lastPurchaseAt);
        spent = Checks.amount("spent", spent);
        refunded = Checks.amount("refunded", refunded);
    }

    /** What the customer kept: spent less refunded. */
    public BigDecimal net() {
        return spent.subtract(refunded);
    }
}
