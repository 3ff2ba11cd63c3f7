package dev.crmkit.tck;

import dev.crmkit.spi.loyalty.PurchaseLineRecord;
import dev.crmkit.spi.loyalty.PurchaseRecord;
import dev.crmkit.spi.loyalty.PurchaseReturnRecord;
import dev.crmkit.spi.loyalty.ReturnLineRecord;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Orders and returns for the loyalty contracts. */
public final class PurchaseFixtures {
    private static final Instant AT = Instant.parse("2026-03-01T09:30:00.123456Z");

    private PurchaseFixtures() {
    }

    /** A web order of two lines in EUR: two shirts for 59.90 and one cap for 12.5. */
    public static PurchaseRecord webOrder(String tenantId, UUID customerId, String orderReference) {
        return order(tenantId, UUID.randomUUID(), customerId, orderReference, "EUR", List.of(
                new PurchaseLineRecord("sku-shirt", "apparel", 2, new BigDecimal("59.90")),
                new PurchaseLineRecord("sku-cap", "accessories", 1, new BigDecimal("12.5"))));
    }

    /** An order with the given id, currency and lines, bought on the web at a fixed time. */
    public static PurchaseRecord order(String tenantId, UUID id, UUID customerId, String orderReference,
            String currency, List<PurchaseLineRecord> lines) {
        return new PurchaseRecord(tenantId, id, 1, AT, AT, customerId, orderReference, "web", AT, currency, lines,
                List.of());
    }

    /** The order bought at {@code purchasedAt} instead. */
    public static PurchaseRecord boughtAt(PurchaseRecord p, Instant purchasedAt) {
        return new PurchaseRecord(p.tenantId(), p.id(), p.version(), p.createdAt(), p.updatedAt(), p.customerId(),
                p.orderReference(), p.channel(), purchasedAt, p.currency(), p.lines(), p.returns());
    }

    /** A return of {@code quantity} units of one line for {@code amount}. */
    public static PurchaseReturnRecord returnOf(String returnReference, int lineNumber, int quantity, String amount) {
        return new PurchaseReturnRecord(UUID.randomUUID(), returnReference, AT.plusSeconds(3600),
                List.of(new ReturnLineRecord(lineNumber, quantity, new BigDecimal(amount))));
    }
}
