package dev.crmkit.core.loyalty;

import java.time.Instant;
import java.util.UUID;

/**
 * One change in a member's tier history.
 *
 * @param id the change's id
 * @param membershipId the membership
 * @param fromTier the tier held before, or null for none
 * @param toTier the tier held after, or null for none
 * @param measure the measure the change was decided on (points or accruals in the window)
 * @param schemeVersion the version of the tier scheme that decided it
 * @param changedAt when
 */
public record TierChange(UUID id, UUID membershipId, String fromTier, String toTier, long measure,
        long schemeVersion, Instant changedAt) {
}
