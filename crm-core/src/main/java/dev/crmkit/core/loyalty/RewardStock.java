package dev.crmkit.core.loyalty;

import java.time.Instant;
import java.util.UUID;

/**
 * Takes a redeemed reward from its stock in the redemption's unit: the stored catalogue's; a host's catalogue keeps
 * its own stock, and takes nothing here ({@link #NONE}).
 */
interface RewardStock {
    /** Takes nothing: the catalogue is the host's. */
    RewardStock NONE = (tenantId, rewardCode, quantity, membershipId, entryId, now) -> {
    };

    /**
     * Takes {@code quantity} of the reward for the redemption posted as {@code entryId}, in the caller's unit.
     *
     * @throws dev.crmkit.model.ValidationException ({@code stock}) when fewer are left; ({@code rewardCode}) when the
     *     reward is not offered at {@code now}
     * @throws dev.crmkit.model.ConflictException (retryable) when a concurrent redemption or revision changed the
     *     reward since it was read
     */
    void take(String tenantId, String rewardCode, int quantity, UUID membershipId, UUID entryId, Instant now);
}
