package dev.crmkit.core.loyalty;

import java.util.List;
import java.util.UUID;

/**
 * What an order earns under a programme's current rules, line by line with the reasons.
 *
 * @param purchaseId the order
 * @param programme the programme's code
 * @param programmeVersion the version of the rules applied
 * @param lines one per order line, in line order
 */
public record PurchasePoints(UUID purchaseId, String programme, long programmeVersion, List<LinePoints> lines) {
    /** Keeps an unmodifiable copy of the lines. */
    public PurchasePoints {
        lines = List.copyOf(lines);
    }

    /** The qualifying points of all lines. */
    public long qualifyingPoints() {
        return lines.stream().mapToLong(LinePoints::qualifyingPoints).sum();
    }

    /** The redeemable points of all lines. */
    public long redeemablePoints() {
        return lines.stream().mapToLong(LinePoints::redeemablePoints).sum();
    }
}
