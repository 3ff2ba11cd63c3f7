package dev.crmkit.core.loyalty;

import dev.crmkit.core.module.DomainContext;
import dev.crmkit.core.port.CatalogueReward;
import dev.crmkit.core.port.RewardCatalogue;
import dev.crmkit.model.ValidationException;
import dev.crmkit.spi.loyalty.LoyaltyStorage;
import dev.crmkit.spi.loyalty.RewardRecord;
import dev.crmkit.spi.loyalty.RewardStore;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * The stored catalogue as the {@link RewardCatalogue} redemptions ask (a reward inside its window, at its cost) and as
 * the {@link RewardStock} they take from, stored over the reward's version in the redemption's unit.
 */
final class StoredRewardCatalogue implements RewardCatalogue, RewardStock {
    private final DomainContext context;

    StoredRewardCatalogue(DomainContext context) {
        this.context = context;
    }

    private RewardStore rewards() {
        return context.storage(LoyaltyStorage.class).rewards();
    }

    @Override
    public Optional<CatalogueReward> reward(String tenantId, String rewardCode) {
        Instant now = context.now();
        return rewards().findByCode(tenantId, rewardCode).filter(r -> r.isValidAt(now))
                .map(r -> new CatalogueReward(r.code(), r.points()));
    }

    @Override
    public void take(String tenantId, String rewardCode, int quantity, UUID membershipId, UUID entryId,
            Instant now) {
        RewardRecord stored = rewards().findByCode(tenantId, rewardCode).orElseThrow(
                () -> new ValidationException("rewardCode", "names no reward the catalogue offers"));
        RewardChange change = new RewardAggregate(stored).take(quantity, membershipId, entryId, now);
        if (change.changed()) {
            rewards().update(change.after(), change.before().version());
            context.events().record(change.events());
        }
    }
}
