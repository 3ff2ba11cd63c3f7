package dev.crmkit.core.loyalty;

import dev.crmkit.core.common.EventType;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/** An order the host reported was recorded: {@code lines} lines for {@code amount} in {@code currency}. */
@EventType("loyalty.purchase.recorded")
public record PurchaseRecorded(
        String tenantId, UUID purchaseId, UUID customerId, String orderReference, String channel, String currency,
        BigDecimal amount, int lines, Instant purchasedAt, Instant occurredAt) implements PurchaseEvent {
}
