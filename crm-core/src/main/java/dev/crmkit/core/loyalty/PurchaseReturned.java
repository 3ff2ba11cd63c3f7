package dev.crmkit.core.loyalty;

import dev.crmkit.core.common.EventType;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/**
 * Goods came back against an order: the return {@code returnId} under the host's {@code returnReference} refunded
 * {@code refunded}, and left the order {@code status}.
 */
@EventType("loyalty.purchase.returned")
public record PurchaseReturned(
        String tenantId, UUID purchaseId, UUID customerId, String orderReference, UUID returnId,
        String returnReference, String currency, BigDecimal refunded, PurchaseStatus status, Instant returnedAt,
        Instant occurredAt) implements PurchaseEvent {
}
