package dev.crmkit.spi.loyalty;

import dev.crmkit.model.Checks;
import dev.crmkit.model.ValidationException;
import dev.crmkit.model.loyalty.MembershipStatus;
import dev.crmkit.spi.StoredRecord;
import java.time.Instant;
import java.util.UUID;

/**
 * A customer's membership in a loyalty programme, with its balances.
 *
 * <ul>
 *   <li>{@code programme}: the programme's code, at most 64 characters; a customer has at most one membership per
 *       programme.</li>
 *   <li>{@code customerId}: the member.</li>
 *   <li>{@code memberNumber}: the number on the member's card, at most 32 characters, unique in the tenant.</li>
 *   <li>{@code status}: whether it earns and spends points.</li>
 *   <li>{@code qualifyingPoints}, {@code redeemablePoints}: the balances, never negative; the core keeps each equal to
 *       the sum of the membership's ledger entries in that currency, changing both in one unit.</li>
 * </ul>
 */
public record MembershipRecord(
        String tenantId,
        UUID id,
        long version,
        Instant createdAt,
        Instant updatedAt,
        String programme,
        UUID customerId,
        String memberNumber,
        MembershipStatus status,
        long qualifyingPoints,
        long redeemablePoints) implements StoredRecord {

    /**
     * Checks the rules above; instants are truncated to microseconds.
     *
     * @throws ValidationException naming the first component that breaks a rule
     */
    public MembershipRecord {
        Checks.tenantId("tenantId", tenantId);
        Checks.id("id", id);
        Checks.version("version", version);
        createdAt = Checks.instant("createdAt", createdAt);
        updatedAt = Checks.instant("updatedAt", updatedAt);
        Checks.text("programme", programme, 64);
        Checks.id("customerId", customerId);
        Checks.text("memberNumber", memberNumber, 32);
        Checks.required("status", status);
        if (qualifyingPoints < 0) {
            throw new ValidationException("qualifyingPoints", "must not be negative");
        }
        if (redeemablePoints < 0) {
            throw new ValidationException("redeemablePoints", "must not be negative");
        }
    }
}
