package dev.crmkit.core.loyalty;

import dev.crmkit.core.common.Money;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A return as recorded against an order: its id, the host's reference, when the goods came back, its lines (each with
 * the amount it refunded, by line number) and the refund in all.
 *
 * @param id the return's id
 * @param returnReference the host's reference
 * @param returnedAt when the goods came back
 * @param lines what came back
 * @param refunded what it refunded in all
 */
public record PurchaseReturn(UUID id, String returnReference, Instant returnedAt, List<ReturnedLine> lines,
        Money refunded) {
    /** Copies the lines. */
    public PurchaseReturn {
        lines = List.copyOf(lines);
    }
}
