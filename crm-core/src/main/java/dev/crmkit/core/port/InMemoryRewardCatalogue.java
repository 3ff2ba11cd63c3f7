package dev.crmkit.core.port;

import dev.crmkit.model.Checks;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** A rewards catalogue held in memory, the same for every tenant: for tests and examples. Thread-safe. */
public final class InMemoryRewardCatalogue implements RewardCatalogue {
    private final Map<String, CatalogueReward> rewards = new ConcurrentHashMap<>();

    /** Offers a reward, or replaces the one with its code; returns this catalogue. */
    public InMemoryRewardCatalogue add(CatalogueReward reward) {
        Checks.required("reward", reward);
        rewards.put(reward.rewardCode(), reward);
        return this;
    }

    /** Stops offering the reward with this code. */
    public void remove(String rewardCode) {
        rewards.remove(rewardCode);
    }

    @Override
    public Optional<CatalogueReward> reward(String tenantId, String rewardCode) {
        return Optional.ofNullable(rewards.get(rewardCode));
    }
}
