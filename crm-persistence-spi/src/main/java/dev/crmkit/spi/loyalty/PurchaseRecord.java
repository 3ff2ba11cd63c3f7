package dev.crmkit.spi.loyalty;

import dev.crmkit.model.Checks;
import dev.crmkit.model.ValidationException;
import dev.crmkit.spi.StoredRecord;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * One order a customer placed, as the host reported it, with the returns made against it.
 *
 * <ul>
 *   <li>{@code customerId}: who bought.</li>
 *   <li>{@code orderReference}: the host's reference of the order, at most 100 characters, unique in the tenant;
 *       compared exactly.</li>
 *   <li>{@code channel}: the code of where it was bought ({@code web}, {@code store-berlin}), at most 64.</li>
 *   <li>{@code purchasedAt}: when.</li>
 *   <li>{@code currency}: the ISO 4217 code of every amount in it.</li>
 *   <li>{@code lines}: one to {@link PurchaseStore#MAX_LINES} lines; a line's number is its position, from 1.</li>
 *   <li>{@code returns}: the returns against it, in the order they were added; empty for a new order. Only
 *       {@link PurchaseStore#addReturn} adds one, and none ever changes.</li>
 * </ul>
 */
public record PurchaseRecord(
        String tenantId,
        UUID id,
        long version,
        Instant createdAt,
        Instant updatedAt,
        UUID customerId,
        String orderReference,
        String channel,
        Instant purchasedAt,
        String currency,
        List<PurchaseLineRecord> lines,
        List<PurchaseReturnRecord> returns) implements StoredRecord {

    /**
     * Checks the rules above; instants are truncated to microseconds, the lists copied.
     *
     * @throws ValidationException naming the first component that breaks a rule
     */
    public PurchaseRecord {
        Checks.tenantId("tenantId", tenantId);
        Checks.id("id", id);
        Checks.version("version", version);
        createdAt = Checks.instant("createdAt", createdAt);
        updatedAt = Checks.instant("updatedAt", updatedAt);
        Checks.id("customerId", customerId);
        Checks.text("orderReference", orderReference, 100);
        Checks.text("channel", channel, 64);
        purchasedAt = Checks.instant("purchasedAt", purchasedAt);
        Checks.currency("currency", currency);
        lines = List.copyOf(Checks.noNulls("lines", lines));
        if (lines.isEmpty() || lines.size() > PurchaseStore.MAX_LINES) {
            throw new ValidationException("lines", "must hold 1 to " + PurchaseStore.MAX_LINES + " lines");
        }
        returns = List.copyOf(Checks.noNulls("returns", returns));
    }

    /** What the order cost in all: the sum of its lines. */
    public BigDecimal amount() {
        return lines.stream().map(PurchaseLineRecord::amount).reduce(BigDecimal.ZERO.setScale(4), BigDecimal::add);
    }

    /** What its returns refunded in all. */
    public BigDecimal returnedAmount() {
        return returns.stream().map(PurchaseReturnRecord::amount).reduce(BigDecimal.ZERO.setScale(4), BigDecimal::add);
    }

    /** This order with one more return, one version on, changed at {@code at}. */
    public PurchaseRecord withReturn(PurchaseReturnRecord added, Instant at) {
        List<PurchaseReturnRecord> all = new ArrayList<>(returns);
        all.add(Checks.required("return", added));
        return new PurchaseRecord(tenantId, id, version + 1, createdAt, at, customerId, orderReference, channel,
                purchasedAt, currency, lines, all);
    }
}
