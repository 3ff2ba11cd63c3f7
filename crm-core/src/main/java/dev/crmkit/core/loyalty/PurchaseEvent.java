package dev.crmkit.core.loyalty;

import dev.crmkit.core.common.DomainEvent;
import java.util.UUID;

/**
 * The domain events of orders, recorded in the outbox in the same transaction as the change they report and delivered
 * in order per order. Every payload carries the order's id, its customer and the host's order reference (an opaque
 * code); amounts are at the currency's scale. No product, category or person's data.
 */
public sealed interface PurchaseEvent extends DomainEvent permits PurchaseRecorded, PurchaseReturned {
    /** The aggregate type of every purchase event. */
    String PURCHASE = "loyalty.purchase";

    /** The order. */
    UUID purchaseId();

    /** Who bought. */
    UUID customerId();

    @Override
    default String aggregateType() {
        return PURCHASE;
    }

    @Override
    default String aggregateId() {
        return purchaseId().toString();
    }
}
