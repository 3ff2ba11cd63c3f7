package dev.crmkit.core.loyalty;

import dev.crmkit.core.common.Money;
import dev.crmkit.model.Checks;
import dev.crmkit.model.ValidationException;
import dev.crmkit.spi.loyalty.PurchaseStore;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Reports an order the customer placed with the host. The host's {@code orderReference} makes it idempotent: reporting
 * the same order again returns the order recorded first, and reporting a different order under a reference used
 * before is a conflict.
 *
 * @param customerId who bought; a merged customer's id records the order on the survivor
 * @param orderReference the host's reference of the order, at most 100 characters, unique in the tenant
 * @param channel the code of where it was bought ({@code web}, {@code store-berlin}), at most 64 characters
 * @param purchasedAt when (kept at microseconds)
 * @param lines one to {@value PurchaseStore#MAX_LINES} lines, every amount in one currency
 */
public record RecordPurchase(UUID customerId, String orderReference, String channel, Instant purchasedAt,
        List<PurchaseLine> lines) {
    /**
     * Checks the rules above.
     *
     * @throws ValidationException naming the first component that breaks one ({@code lines[2].amount} for a line in
     *     another currency than the first)
     */
    public RecordPurchase {
        Checks.id("customerId", customerId);
        Checks.text("orderReference", orderReference, 100);
        Checks.text("channel", channel, 64);
        purchasedAt = Checks.instant("purchasedAt", purchasedAt);
        lines = List.copyOf(Checks.noNulls("lines", lines));
        if (lines.isEmpty() || lines.size() > PurchaseStore.MAX_LINES) {
            throw new ValidationException("lines", "must hold 1 to " + PurchaseStore.MAX_LINES + " lines");
        }
        for (int i = 1; i < lines.size(); i++) {
            if (!lines.get(i).amount().currency().equals(lines.get(0).amount().currency())) {
                throw new ValidationException("lines[" + i + "].amount", "must be in "
                        + lines.get(0).amount().currencyCode() + " like the order's first line");
            }
        }
    }

    /** An order of these lines. */
    public static RecordPurchase of(UUID customerId, String orderReference, String channel, Instant purchasedAt,
            PurchaseLine... lines) {
        return new RecordPurchase(customerId, orderReference, channel, purchasedAt,
                List.of(Checks.required("lines", lines)));
    }

    /** The currency of the order. */
    public String currency() {
        return lines.get(0).amount().currencyCode();
    }

    /** What the order cost in all. */
    public Money amount() {
        return lines.stream().map(PurchaseLine::amount).reduce(Money::plus).orElseThrow();
    }
}
