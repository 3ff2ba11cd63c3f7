package dev.crmkit.spi.loyalty;

import dev.crmkit.model.Checks;
import dev.crmkit.model.ValidationException;
import dev.crmkit.model.loyalty.AccrualStatus;
import dev.crmkit.spi.StoredRecord;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The points one purchase earned one membership: at most one per membership and purchase.
 *
 * <ul>
 *   <li>{@code membershipId}, {@code purchaseId}: who earned and by which order.</li>
 *   <li>{@code status}: pending, posted or cancelled; the only component {@link AccrualStore#update} changes.</li>
 *   <li>{@code availableAt}: when the return window passes and pending points post.</li>
 *   <li>{@code lines}: what each order line earned, 1 to 500, line numbers distinct and ascending; a line that earned
 *       nothing may be left out.</li>
 * </ul>
 */
public record AccrualRecord(
        String tenantId,
        UUID id,
        long version,
        Instant createdAt,
        Instant updatedAt,
        UUID membershipId,
        UUID purchaseId,
        AccrualStatus status,
        Instant availableAt,
        List<AccrualLineRecord> lines) implements StoredRecord {

    /**
     * Checks the rules above; instants are truncated to microseconds and the lines copied.
     *
     * @throws ValidationException naming the first component that breaks a rule
     */
    public AccrualRecord {
        Checks.tenantId("tenantId", tenantId);
        Checks.id("id", id);
        Checks.version("version", version);
        createdAt = Checks.instant("createdAt", createdAt);
        updatedAt = Checks.instant("updatedAt", updatedAt);
        Checks.id("membershipId", membershipId);
        Checks.id("purchaseId", purchaseId);
        Checks.required("status", status);
        availableAt = Checks.instant("availableAt", availableAt);
        Checks.required("lines", lines);
        if (lines.isEmpty() || lines.size() > 500) {
            throw new ValidationException("lines", "must hold 1 to 500 lines");
        }
        int previous = 0;
        for (int i = 0; i < lines.size(); i++) {
            AccrualLineRecord line = Checks.required("lines[" + i + "]", lines.get(i));
            if (line.lineNumber() <= previous) {
                throw new ValidationException("lines[" + i + "].lineNumber", "must be ascending and distinct");
            }
            previous = line.lineNumber();
        }
        lines = List.copyOf(lines);
    }

    /** The qualifying points of all lines. */
    public long qualifyingPoints() {
        return lines.stream().mapToLong(AccrualLineRecord::qualifyingPoints).sum();
    }

    /** The redeemable points of all lines. */
    public long redeemablePoints() {
        return lines.stream().mapToLong(AccrualLineRecord::redeemablePoints).sum();
    }

    /** This accrual in another status at {@code now}, same version (the store sets the next). */
    public AccrualRecord withStatus(AccrualStatus next, Instant now) {
        return new AccrualRecord(tenantId, id, version, createdAt, now, membershipId, purchaseId, next, availableAt,
                lines);
    }
}
