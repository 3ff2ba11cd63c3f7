package dev.crmkit.core.loyalty;

import dev.crmkit.model.Checks;
import dev.crmkit.model.ValidationException;
import dev.crmkit.spi.loyalty.PurchaseStore;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Reports goods that came back against an order. The host's {@code returnReference} makes it idempotent: reporting
 * the same return again returns the order as it stands, and a different return under a reference used before is a
 * conflict.
 *
 * @param orderReference the host's reference of the order
 * @param returnReference the host's reference of the return, at most 100 characters, unique in the tenant
 * @param returnedAt when the goods came back (kept at microseconds)
 * @param lines one to {@value PurchaseStore#MAX_LINES} lines, each naming a different order line
 */
public record RecordReturn(String orderReference, String returnReference, Instant returnedAt,
        List<ReturnedLine> lines) {
    /**
     * Checks the rules above.
     *
     * @throws ValidationException naming the first component that breaks one
     */
    public RecordReturn {
        Checks.text("orderReference", orderReference, 100);
        Checks.text("returnReference", returnReference, 100);
        returnedAt = Checks.instant("returnedAt", returnedAt);
        lines = List.copyOf(Checks.noNulls("lines", lines));
        if (lines.isEmpty() || lines.size() > PurchaseStore.MAX_LINES) {
            throw new ValidationException("lines", "must hold 1 to " + PurchaseStore.MAX_LINES + " lines");
        }
        Set<Integer> seen = new HashSet<>();
        for (int i = 0; i < lines.size(); i++) {
            if (!seen.add(lines.get(i).lineNumber())) {
                throw new ValidationException("lines[" + i + "].lineNumber", "names an order line named before");
            }
        }
    }

    /** A return of these lines. */
    public static RecordReturn of(String orderReference, String returnReference, Instant returnedAt,
            ReturnedLine... lines) {
        return new RecordReturn(orderReference, returnReference, returnedAt, List.of(Checks.required("lines", lines)));
    }
}
