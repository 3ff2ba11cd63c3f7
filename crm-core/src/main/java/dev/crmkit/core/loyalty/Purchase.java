package dev.crmkit.core.loyalty;

import dev.crmkit.core.common.Money;
import dev.crmkit.spi.loyalty.PurchaseRecord;
import dev.crmkit.spi.loyalty.PurchaseReturnRecord;
import java.time.Instant;
import java.util.Currency;
import java.util.List;
import java.util.UUID;

/**
 * An order as recorded, with its returns: what a service call returns. Line numbers count from 1 in the order of
 * {@code lines}.
 *
 * @param id the order's id
 * @param customerId who bought
 * @param orderReference the host's reference
 * @param channel where it was bought
 * @param purchasedAt when
 * @param lines what was bought, each line with its category
 * @param returns what came back, oldest first
 * @param status how much of it came back
 * @param amount what it cost in all
 * @param refunded what its returns refunded in all
 */
public record Purchase(UUID id, UUID customerId, String orderReference, String channel, Instant purchasedAt,
        List<PurchaseLine> lines, List<PurchaseReturn> returns, PurchaseStatus status, Money amount, Money refunded) {
    /** Copies the lists. */
    public Purchase {
        lines = List.copyOf(lines);
        returns = List.copyOf(returns);
    }

    static Purchase of(PurchaseRecord record) {
        Currency currency = Currency.getInstance(record.currency());
        List<PurchaseLine> lines = record.lines().stream().map(l -> new PurchaseLine(l.productReference(),
                l.category(), l.quantity(), new Money(l.amount(), currency))).toList();
        List<PurchaseReturn> returns = record.returns().stream().map(r -> returnOf(r, currency)).toList();
        return new Purchase(record.id(), record.customerId(), record.orderReference(), record.channel(),
                record.purchasedAt(), lines, returns, new PurchaseAggregate(record).status(),
                new Money(record.amount(), currency), new Money(record.returnedAmount(), currency));
    }

    private static PurchaseReturn returnOf(PurchaseReturnRecord r, Currency currency) {
        return new PurchaseReturn(r.id(), r.returnReference(), r.returnedAt(), r.lines().stream()
                .map(l -> new ReturnedLine(l.lineNumber(), l.quantity(), new Money(l.amount(), currency))).toList(),
                new Money(r.amount(), currency));
    }

    /** The order's line with this number, from 1. */
    public PurchaseLine line(int lineNumber) {
        return lines.get(lineNumber - 1);
    }

    /** The currency of every amount in it. */
    public Currency currency() {
        return amount.currency();
    }
}
