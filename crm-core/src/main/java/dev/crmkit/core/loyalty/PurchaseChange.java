package dev.crmkit.core.loyalty;

import dev.crmkit.spi.loyalty.PurchaseRecord;
import java.util.List;

/**
 * What a behaviour of {@link PurchaseAggregate} returns: the order before (null for a new one), the order it now
 * holds, and the events the change caused.
 */
record PurchaseChange(PurchaseRecord before, PurchaseRecord after, List<PurchaseEvent> events) {
    PurchaseChange {
        events = List.copyOf(events);
    }
}
