package dev.crmkit.spi.loyalty;

import dev.crmkit.model.Checks;
import dev.crmkit.model.ValidationException;
import dev.crmkit.spi.StoredRecord;
import java.time.Instant;
import java.util.UUID;

/**
 * A reward in a tenant's stored catalogue, which members redeem their points for.
 *
 * <ul>
 *   <li>{@code code}: the reward's code, 1 to 100 characters, unique in the tenant; a redemption names it.</li>
 *   <li>{@code name}: what the host shows, 1 to 200 characters.</li>
 *   <li>{@code points}: what one costs in redeemable points, 1 to {@link #MAX_POINTS}.</li>
 *   <li>{@code validFrom} (inclusive), {@code validUntil} (exclusive): when it can be redeemed; either may be null
 *       (no start, no end); when both are given, {@code validUntil} is after {@code validFrom}.</li>
 *   <li>{@code stock}: how many are left, 0 to {@link #MAX_STOCK}, or null for no limit.</li>
 * </ul>
 */
public record RewardRecord(
        String tenantId,
        UUID id,
        long version,
        Instant createdAt,
        Instant updatedAt,
        String code,
        String name,
        long points,
        Instant validFrom,
        Instant validUntil,
        Long stock) implements StoredRecord {

    /** The most a reward may cost. */
    public static final long MAX_POINTS = 1_000_000_000L;
    /** The largest stock a reward may have. */
    public static final long MAX_STOCK = 1_000_000_000L;

    /**
     * Checks the rules above; instants are truncated to microseconds.
     *
     * @throws ValidationException naming the first component that breaks a rule
     */
    public RewardRecord {
        Checks.tenantId("tenantId", tenantId);
        Checks.id("id", id);
        Checks.version("version", version);
        createdAt = Checks.instant("createdAt", createdAt);
        updatedAt = Checks.instant("updatedAt", updatedAt);
        Checks.text("code", code, 100);
        Checks.text("name", name, 200);
        if (points < 1 || points > MAX_POINTS) {
            throw new ValidationException("points", "must be from 1 to " + MAX_POINTS);
        }
        validFrom = Checks.optionalInstant("validFrom", validFrom);
        validUntil = Checks.optionalInstant("validUntil", validUntil);
        if (validFrom != null && validUntil != null && !validUntil.isAfter(validFrom)) {
            throw new ValidationException("validUntil", "must be after validFrom");
        }
        if (stock != null && (stock < 0 || stock > MAX_STOCK)) {
            throw new ValidationException("stock", "must be from 0 to " + MAX_STOCK);
        }
    }

    /** Whether the reward can be redeemed at {@code at}: inside its validity window. */
    public boolean isValidAt(Instant at) {
        return (validFrom == null || !at.isBefore(validFrom)) && (validUntil == null || at.isBefore(validUntil));
    }
}
