package dev.crmkit.spi.loyalty;

import dev.crmkit.model.Checks;
import dev.crmkit.model.ValidationException;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * One change of a member's tier, in the append-only tier history.
 *
 * @param tenantId the tenant
 * @param id the change's id
 * @param membershipId the membership whose tier changed
 * @param fromTier the tier held before, or null for none
 * @param toTier the tier held after, or null for none; never equal to {@code fromTier}
 * @param measure the member's measure (points or accruals in the window) the change was decided on, not negative
 * @param schemeVersion the version of the tier scheme that decided it, at least 1
 * @param occurredAt when, truncated to microseconds
 */
public record TierChangeRecord(String tenantId, UUID id, UUID membershipId, String fromTier, String toTier,
        long measure, long schemeVersion, Instant occurredAt) {
    /**
     * Checks the rules above.
     *
     * @throws ValidationException naming the first component that breaks a rule
     */
    public TierChangeRecord {
        Checks.tenantId("tenantId", tenantId);
        Checks.id("id", id);
        Checks.id("membershipId", membershipId);
        fromTier = fromTier == null ? null : Checks.text("fromTier", fromTier, 64);
        toTier = toTier == null ? null : Checks.text("toTier", toTier, 64);
        if (Objects.equals(fromTier, toTier)) {
            throw new ValidationException("toTier", "must differ from fromTier");
        }
        if (measure < 0) {
            throw new ValidationException("measure", "must not be negative");
        }
        Checks.version("schemeVersion", schemeVersion);
        occurredAt = Checks.instant("occurredAt", occurredAt);
    }
}
