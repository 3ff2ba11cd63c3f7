package dev.crmkit.core.port;

import java.util.Optional;

/**
 * The rewards members can redeem their points for, and what each costs in points: the host's catalogue (its shop's
 * vouchers, a partner's offers), asked by code when a member redeems. An implementation is thread-safe, answers from
 * the host's own data without calling back into CRMKit, and returns empty for a reward it does not know or no longer
 * offers.
 */
public interface RewardCatalogue {
    /** The reward with this code in this tenant's catalogue, or empty when it is not offered. */
    Optional<CatalogueReward> reward(String tenantId, String rewardCode);

    /** A catalogue that offers nothing. */
    static RewardCatalogue none() {
        return (tenantId, rewardCode) -> Optional.empty();
    }
}
