package dev.crmkit.spi.loyalty;

import dev.crmkit.model.Checks;
import dev.crmkit.model.ValidationException;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * A return against an order, as the host reported it: its id, the host's {@code returnReference} (at most 100
 * characters, unique in the tenant across all orders), when the goods came back, and one to
 * {@link PurchaseStore#MAX_LINES} lines, each naming a different order line, kept in line-number order. Once stored, a
 * return never changes.
 *
 * @param id the return's id
 * @param returnReference the host's reference of the return
 * @param returnedAt when the goods came back
 * @param lines what came back, by order line
 */
public record PurchaseReturnRecord(UUID id, String returnReference, Instant returnedAt, List<ReturnLineRecord> lines) {
    /**
     * Checks the rules above and sorts the lines by line number; the instant is truncated to microseconds.
     *
     * @throws ValidationException naming the first component that breaks a rule
     */
    public PurchaseReturnRecord {
        Checks.id("id", id);
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
        lines = lines.stream().sorted(Comparator.comparingInt(ReturnLineRecord::lineNumber)).toList();
    }

    /** What the return refunded in all. */
    public BigDecimal amount() {
        return lines.stream().map(ReturnLineRecord::amount).reduce(BigDecimal.ZERO.setScale(4), BigDecimal::add);
    }
}
