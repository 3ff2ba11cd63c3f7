package dev.crmkit.core.loyalty;

import dev.crmkit.core.common.Money;
import dev.crmkit.model.IllegalTransitionException;
import dev.crmkit.model.ValidationException;
import dev.crmkit.spi.loyalty.PurchaseLineRecord;
import dev.crmkit.spi.loyalty.PurchaseRecord;
import dev.crmkit.spi.loyalty.PurchaseReturnRecord;
import dev.crmkit.spi.loyalty.ReturnLineRecord;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Currency;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * An order's rules, top to bottom. An order is a fact the host reports: its lines never change. What changes is how
 * much of it came back:
 *
 * <pre>
 *   COMPLETED --return some--> PARTLY_RETURNED --return the rest--> RETURNED
 *       |                        ^     |
 *       |                        +-----+ return some more
 *       +--------------return everything at once-----------------> RETURNED
 * </pre>
 *
 * <p>A return names order lines and how many units of each came back; it can never bring back more units than a line
 * still has, nor refund more than the line has left to refund. A refund left out is the line's share for the units,
 * and the last units of a line refund what is left of it, so a line returned in parts refunds exactly its amount.
 * The status is derived from the returns, never stored, so it cannot disagree with them.
 */
final class PurchaseAggregate {
    /** The moves a return may make; the only place they are written. */
    private static final Map<PurchaseStatus, Set<PurchaseStatus>> NEXT = new EnumMap<>(Map.of(
            PurchaseStatus.COMPLETED, EnumSet.of(PurchaseStatus.PARTLY_RETURNED, PurchaseStatus.RETURNED),
            PurchaseStatus.PARTLY_RETURNED, EnumSet.of(PurchaseStatus.PARTLY_RETURNED, PurchaseStatus.RETURNED),
            PurchaseStatus.RETURNED, EnumSet.noneOf(PurchaseStatus.class)));

    private final PurchaseRecord record;

    PurchaseAggregate(PurchaseRecord record) {
        this.record = Objects.requireNonNull(record, "record");
    }

    /** The order the host reported, as a new record with its event; categories are filled in already. */
    static PurchaseChange record(String tenantId, UUID id, UUID customerId, RecordPurchase command, Instant now) {
        List<PurchaseLineRecord> lines = command.lines().stream().map(l -> new PurchaseLineRecord(
                l.productReference(), l.category(), l.quantity(), l.amount().amount())).toList();
        PurchaseRecord fresh = new PurchaseRecord(tenantId, id, 1, now, now, customerId, command.orderReference(),
                command.channel(), command.purchasedAt(), command.currency(), lines, List.of());
        return new PurchaseChange(null, fresh, List.of(new PurchaseRecorded(tenantId, id, customerId,
                command.orderReference(), command.channel(), command.currency(), command.amount().amount(),
                lines.size(), command.purchasedAt(), now)));
    }

    /** How much of the order came back. */
    PurchaseStatus status() {
        if (record.returns().isEmpty()) {
            return PurchaseStatus.COMPLETED;
        }
        for (int line = 1; line <= record.lines().size(); line++) {
            if (unitsLeft(line) > 0) {
                return PurchaseStatus.PARTLY_RETURNED;
            }
        }
        return PurchaseStatus.RETURNED;
    }

    /**
     * Goods coming back: the order with the return appended and its event.
     *
     * @throws IllegalTransitionException when everything came back already (RETURNED to RETURNED)
     * @throws ValidationException ({@code lines[i].lineNumber}, {@code lines[i].quantity}, {@code lines[i].amount})
     *     when a line names no order line, brings back more units than the line still has, or refunds more than the
     *     line has left or in another currency
     */
    PurchaseChange returnGoods(UUID returnId, RecordReturn command, Instant now) {
        PurchaseStatus from = status();
        if (NEXT.get(from).isEmpty()) {
            throw new IllegalTransitionException("purchase", from, PurchaseStatus.RETURNED);
        }
        List<ReturnLineRecord> lines = new ArrayList<>();
        for (int i = 0; i < command.lines().size(); i++) {
            lines.add(returnLine("lines[" + i + "]", command.lines().get(i)));
        }
        PurchaseReturnRecord added = new PurchaseReturnRecord(returnId, command.returnReference(),
                command.returnedAt(), lines);
        PurchaseRecord after = record.withReturn(added, now);
        PurchaseStatus to = new PurchaseAggregate(after).status();
        return new PurchaseChange(record, after, List.of(new PurchaseReturned(record.tenantId(), record.id(),
                record.customerId(), record.orderReference(), returnId, command.returnReference(), record.currency(),
                money(added.amount()).amount(), to, command.returnedAt(), now)));
    }

    private ReturnLineRecord returnLine(String field, ReturnedLine line) {
        if (line.lineNumber() > record.lines().size()) {
            throw new ValidationException(field + ".lineNumber", "names no line of the order, which has "
                    + record.lines().size());
        }
        int unitsLeft = unitsLeft(line.lineNumber());
        if (line.quantity() > unitsLeft) {
            throw new ValidationException(field + ".quantity", "must be at most the " + unitsLeft
                    + " units of line " + line.lineNumber() + " not returned yet");
        }
        BigDecimal amountLeft = amountLeft(line.lineNumber());
        BigDecimal refund;
        if (line.amount() == null) {
            refund = line.quantity() == unitsLeft ? amountLeft : share(line.lineNumber(), line.quantity());
        } else {
            if (!line.amount().currencyCode().equals(record.currency())) {
                throw new ValidationException(field + ".amount", "must be in " + record.currency()
                        + " like the order");
            }
            refund = line.amount().amount();
            if (refund.compareTo(amountLeft) > 0) {
                throw new ValidationException(field + ".amount", "must be at most the " + money(amountLeft)
                        + " line " + line.lineNumber() + " has left to refund");
            }
        }
        return new ReturnLineRecord(line.lineNumber(), line.quantity(), refund);
    }

    /** The line's amount for {@code units} of its units, rounded half-even to the currency's scale. */
    private BigDecimal share(int lineNumber, int units) {
        PurchaseLineRecord line = record.lines().get(lineNumber - 1);
        return line.amount().multiply(BigDecimal.valueOf(units))
                .divide(BigDecimal.valueOf(line.quantity()), scale(), RoundingMode.HALF_EVEN);
    }

    private int unitsLeft(int lineNumber) {
        int returned = 0;
        for (PurchaseReturnRecord r : record.returns()) {
            for (ReturnLineRecord l : r.lines()) {
                if (l.lineNumber() == lineNumber) {
                    returned += l.quantity();
                }
            }
        }
        return record.lines().get(lineNumber - 1).quantity() - returned;
    }

    private BigDecimal amountLeft(int lineNumber) {
        BigDecimal left = record.lines().get(lineNumber - 1).amount();
        for (PurchaseReturnRecord r : record.returns()) {
            for (ReturnLineRecord l : r.lines()) {
                if (l.lineNumber() == lineNumber) {
                    left = left.subtract(l.amount());
                }
            }
        }
        return left;
    }

    /** Whether the stored order is the one {@code command} reports, for a retried report under its reference. */
    boolean isReportedBy(RecordPurchase command, UUID customerId) {
        if (!record.customerId().equals(customerId) || !record.channel().equals(command.channel())
                || !record.purchasedAt().equals(command.purchasedAt())
                || !record.currency().equals(command.currency())
                || record.lines().size() != command.lines().size()) {
            return false;
        }
        for (int i = 0; i < record.lines().size(); i++) {
            PurchaseLineRecord stored = record.lines().get(i);
            PurchaseLine asked = command.lines().get(i);
            if (!stored.productReference().equals(asked.productReference())
                    || !stored.category().equals(asked.category()) || stored.quantity() != asked.quantity()
                    || stored.amount().compareTo(asked.amount().amount()) != 0) {
                return false;
            }
        }
        return true;
    }

    /** Whether the stored return under the command's reference is the one {@code command} reports. */
    boolean holdsReturn(RecordReturn command) {
        PurchaseReturnRecord stored = record.returns().stream()
                .filter(r -> r.returnReference().equals(command.returnReference())).findFirst().orElse(null);
        if (stored == null || !record.orderReference().equals(command.orderReference())
                || !stored.returnedAt().equals(command.returnedAt())
                || stored.lines().size() != command.lines().size()) {
            return false;
        }
        for (ReturnedLine asked : command.lines()) {
            boolean found = stored.lines().stream().anyMatch(l -> l.lineNumber() == asked.lineNumber()
                    && l.quantity() == asked.quantity()
                    && (asked.amount() == null || l.amount().compareTo(asked.amount().amount()) == 0));
            if (!found) {
                return false;
            }
        }
        return true;
    }

    private int scale() {
        return Math.max(Currency.getInstance(record.currency()).getDefaultFractionDigits(), 0);
    }

    private Money money(BigDecimal amount) {
        return new Money(amount, Currency.getInstance(record.currency()));
    }
}
